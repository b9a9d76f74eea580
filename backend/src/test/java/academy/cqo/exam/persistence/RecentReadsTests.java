package academy.cqo.exam.persistence;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start's reads of its session and exam: callers at the same time share one read, a
 * read is reused for at most a second, and a change through this instance is seen by the
 * very next read.
 */
class RecentReadsTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final RecentReads<String> reads = new RecentReads<>(this.now::get);

	private final AtomicInteger loads = new AtomicInteger();

	private volatile String stored = "v1";

	private Mono<String> load() {
		return Mono.fromCallable(() -> {
			this.loads.incrementAndGet();
			return this.stored;
		});
	}

	private Mono<String> get() {
		return this.reads.get("session-1", this::load);
	}

	@Test
	void whenManyAskWhileOneReadRunsThenTheyShareIt() {
		Sinks.One<String> slow = Sinks.one();
		AtomicInteger started = new AtomicInteger();
		Mono<String> load = Mono.defer(() -> {
			started.incrementAndGet();
			return slow.asMono();
		});
		Mono<List<String>> all = Flux.range(0, 500)
			.flatMap((i) -> this.reads.get("session-1", () -> load), 500)
			.collectList();
		StepVerifier.create(all)
			.then(() -> slow.tryEmitValue("v1"))
			.assertNext((values) -> assertThat(values).hasSize(500).containsOnly("v1"))
			.verifyComplete();
		assertThat(started).hasValue(1);
	}

	@Test
	void whenTheReadIsASecondOldThenTheNextCallerReadsAgain() {
		StepVerifier.create(get()).expectNext("v1").verifyComplete();
		this.stored = "v2";
		this.now.addAndGet(Duration.ofMillis(999).toNanos());
		StepVerifier.create(get()).expectNext("v1").verifyComplete();
		this.now.addAndGet(Duration.ofMillis(1).toNanos());
		StepVerifier.create(get()).expectNext("v2").verifyComplete();
		assertThat(this.loads).hasValue(2);
	}

	@Test
	void whenChangedThroughThisInstanceThenTheNextReadSeesTheChangeAtOnce() {
		StepVerifier.create(get()).expectNext("v1").verifyComplete();
		Mono<String> change = Mono.fromCallable(() -> {
			this.stored = "v2";
			return "v2";
		});
		StepVerifier.create(this.reads.forgetAfter("session-1", change)).expectNext("v2").verifyComplete();
		StepVerifier.create(get()).expectNext("v2").verifyComplete();
	}

	@Test
	void whenAChangeFailsThenTheDocumentIsReadAgainAnyway() {
		StepVerifier.create(get()).expectNext("v1").verifyComplete();
		this.stored = "v2";
		StepVerifier.create(this.reads.forgetAfter("session-1", Mono.error(new IllegalStateException("timed out"))))
			.verifyError(IllegalStateException.class);
		StepVerifier.create(get()).expectNext("v2").verifyComplete();
	}

	@Test
	void whenTheReadFailsThenItIsNotKept() {
		AtomicInteger calls = new AtomicInteger();
		Mono<String> flaky = Mono.defer(() -> (calls.incrementAndGet() == 1)
				? Mono.error(new IllegalStateException("pool cleared")) : Mono.just("v1"));
		StepVerifier.create(this.reads.get("session-1", () -> flaky)).verifyError(IllegalStateException.class);
		StepVerifier.create(this.reads.get("session-1", () -> flaky)).expectNext("v1").verifyComplete();
	}

	@Test
	void whenThereIsNoSuchDocumentThenEmpty() {
		StepVerifier.create(this.reads.get("missing", Mono::empty)).verifyComplete();
	}

}
