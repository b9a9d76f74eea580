package academy.cqo.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads by id gathered while a read is under way: alone when nothing else is read, the
 * rest together, every caller with its own record (or none), a failure for the callers of
 * the failed read only.
 */
class BatchedReadsTests {

	/** The reads the store was asked for, each answered when the test says. */
	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final BatchedReads<String> reads = new BatchedReads<>((ids) -> {
		Call call = new Call(List.copyOf(ids), Sinks.one());
		this.calls.add(call);
		return call.answer().asMono().flatMapMany(Flux::fromIterable);
	}, (record) -> record.substring(0, record.indexOf('=')), 3);

	@Test
	void aReadWithNothingUnderWayGoesAtOnceAndAloneTheOthersWaitAndGoTogether() {
		AtomicReference<String> a = new AtomicReference<>();
		this.reads.read("a").subscribe(a::set);
		assertThat(this.calls).extracting(Call::ids).containsExactly(List.of("a"));

		List<String> got = new CopyOnWriteArrayList<>();
		this.reads.read("b").subscribe(got::add);
		this.reads.read("c").subscribe(got::add);
		this.reads.read("b").subscribe(got::add);
		assertThat(this.calls).hasSize(1);

		this.calls.get(0).answer().tryEmitValue(List.of("a=1"));
		assertThat(a.get()).isEqualTo("a=1");
		assertThat(this.calls).extracting(Call::ids).containsExactly(List.of("a"), List.of("b", "c"));
		this.calls.get(1).answer().tryEmitValue(List.of("c=3", "b=2"));
		assertThat(got).containsExactlyInAnyOrder("b=2", "c=3", "b=2");
		assertThat(this.reads.reads()).isEqualTo(2);
	}

	@Test
	void anIdWithoutARecordGivesNothing() {
		List<String> got = new ArrayList<>();
		AtomicReference<Boolean> completed = new AtomicReference<>(false);
		this.reads.read("gone").subscribe(got::add, null, () -> completed.set(true));
		this.calls.get(0).answer().tryEmitValue(List.of());
		assertThat(got).isEmpty();
		assertThat(completed.get()).isTrue();
	}

	@Test
	void noReadHoldsMoreThanTheMostIdsInOrderAsked() {
		this.reads.read("first").subscribe();
		for (String id : List.of("a", "b", "c", "d", "e")) {
			this.reads.read(id).subscribe();
		}
		this.calls.get(0).answer().tryEmitValue(List.of());
		this.calls.get(1).answer().tryEmitValue(List.of());
		this.calls.get(2).answer().tryEmitValue(List.of());
		assertThat(this.calls).extracting(Call::ids)
			.containsExactly(List.of("first"), List.of("a", "b", "c"), List.of("d", "e"));
	}

	@Test
	void aFailedReadFailsItsCallersOnlyAndTheWaitingIdsAreReadAllTheSame() {
		List<Throwable> failed = new ArrayList<>();
		this.reads.read("a").subscribe((record) -> {
		}, failed::add);
		List<String> got = new ArrayList<>();
		this.reads.read("b").subscribe(got::add, failed::add);

		this.calls.get(0).answer().tryEmitError(new IllegalStateException("store unavailable"));
		assertThat(failed).singleElement().extracting(Throwable::getMessage).isEqualTo("store unavailable");
		this.calls.get(1).answer().tryEmitValue(List.of("b=2"));
		assertThat(got).containsExactly("b=2");
		assertThat(failed).hasSize(1);
	}

	@Test
	void aReadThatCannotEvenStartFailsItsCallers() {
		BatchedReads<String> broken = new BatchedReads<>((ids) -> {
			throw new IllegalArgumentException("no such collection");
		}, (record) -> record, 10);
		assertThatThrownBy(() -> broken.read("a").block(Duration.ofSeconds(5)))
			.hasMessageContaining("no such collection");
		// and it does not stay "under way"
		assertThatThrownBy(() -> broken.read("b").block(Duration.ofSeconds(5)))
			.hasMessageContaining("no such collection");
	}

	@Test
	void manyCallersAtOnceEachGetTheirOwnRecordInFewerReads() {
		BatchedReads<String> store = new BatchedReads<>(
				(ids) -> Flux.fromIterable(ids)
					.filter((id) -> !id.endsWith("7"))
					.map((id) -> id + "=" + id.length())
					.delaySubscription(Duration.ofMillis(2), Schedulers.parallel()),
				(record) -> record.substring(0, record.indexOf('=')), 50);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 4_000; i++) {
			ids.add("account-" + (i % 1_500));
		}
		List<String> got = Flux.fromIterable(ids)
			.parallel(8)
			.runOn(Schedulers.boundedElastic())
			.flatMap((id) -> store.read(id).map((record) -> id + " -> " + record).defaultIfEmpty(id + " -> none"))
			.sequential()
			.collectList()
			.block(Duration.ofMinutes(1));
		assertThat(got).hasSize(4_000).allSatisfy((line) -> {
			String id = line.substring(0, line.indexOf(' '));
			assertThat(line).isEqualTo(id.endsWith("7") ? id + " -> none" : id + " -> " + id + "=" + id.length());
		});
		assertThat(store.reads()).isLessThan(4_000);
	}

	private record Call(List<String> ids, Sinks.One<List<String>> answer) {
	}

}
