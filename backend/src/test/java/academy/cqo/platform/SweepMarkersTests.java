package academy.cqo.platform;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import academy.cqo.platform.SweepMarkers.Marker;
import academy.cqo.platform.SweepMarkers.Standing;
import academy.cqo.testsupport.EmbeddedTemplate;
import academy.cqo.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep's markers on the embedded store: an item is read while its work is unfinished,
 * its marker goes when the work is finished, a missing or idle item's marker only once
 * settled and unless it was marked again since it was read, and a store without markers
 * is marked from one scan, once.
 */
class SweepMarkersTests {

	@TempDir
	Path dataDir;

	private EmbeddedTemplate store;

	private final MutableClock clock = new MutableClock(ZoneOffset.UTC);

	private SweepMarkers markers;

	@BeforeEach
	void start() {
		this.store = EmbeddedTemplate.start(this.dataDir);
		this.markers = new SweepMarkers(this.store.mongo(), "thing_markers", this.clock);
	}

	@AfterEach
	void stop() {
		this.store.close();
	}

	/** An item of the test, standing as it is told. */
	record Item(String id, Standing standing) {
	}

	private Flux<Item> unfinished(Item... items) {
		Map<String, Item> stored = Stream.of(items).collect(Collectors.toMap(Item::id, (item) -> item));
		return this.markers.unfinished((ids) -> Flux.fromIterable(ids).mapNotNull(stored::get), Item::id,
				Item::standing);
	}

	@Test
	void whenItemsAreMarkedThenTheUnfinishedAreReadAndTheFinishedLoseTheirMarkers() {
		mark("open", "done");

		unfinished(new Item("open", Standing.UNFINISHED), new Item("done", Standing.FINISHED)).map(Item::id)
			.as(StepVerifier::create)
			.expectNext("open")
			.verifyComplete();

		assertMarked("open");
	}

	@Test
	void whenAMarkedItemIsMissingOrIdleThenItsMarkerStaysUntilSettled() {
		Item idle = new Item("idle", Standing.IDLE);
		mark("idle", "missing");

		unfinished(idle).as(StepVerifier::create).verifyComplete();
		// a writer may be between the marker and its write
		assertMarked("idle", "missing");

		this.clock.advance(SweepMarkers.SETTLED.plusSeconds(1));
		unfinished(idle).as(StepVerifier::create).verifyComplete();
		assertMarked();
	}

	@Test
	void whenAnIdleItemIsMarkedAgainAfterItsMarkerWasReadThenTheMarkerStays() {
		mark("retried");
		this.clock.advance(SweepMarkers.SETTLED.plusSeconds(1));
		AtomicReference<Marker> read = new AtomicReference<>();
		this.markers.marked().as(StepVerifier::create).consumeNextWith(read::set).verifyComplete();

		// a retry marks it again before the sweep removes what it read
		mark("retried");

		this.markers.clearIfSettled(read.get()).as(StepVerifier::create).expectNext(false).verifyComplete();
		assertMarked("retried");
	}

	@Test
	void whenAStoreHasNoMarkersThenOneScanMarksItsUnfinishedItemsOnce() {
		AtomicInteger scans = new AtomicInteger();
		this.markers.markOnce(() -> {
			scans.incrementAndGet();
			return Flux.just("a", "b");
		}).as(StepVerifier::create).expectNext(2L).verifyComplete();
		this.markers.markOnce(() -> {
			scans.incrementAndGet();
			return Flux.just("c");
		}).as(StepVerifier::create).expectNext(0L).verifyComplete();

		assertThat(scans).hasValue(1);
		// the record of the scan is not a marker
		assertMarked("a", "b");
	}

	@Test
	void whenTheScanIsInterruptedThenTheNextOneMarksEverythingAndRecordsIt() {
		this.markers.markOnce(() -> Flux.just("a").concatWith(Flux.error(new IllegalStateException("crash"))))
			.as(StepVerifier::create)
			.verifyError(IllegalStateException.class);
		assertMarked("a");

		this.markers.markOnce(() -> Flux.just("a", "b")).as(StepVerifier::create).expectNext(2L).verifyComplete();
		this.markers.markOnce(() -> Flux.just("c")).as(StepVerifier::create).expectNext(0L).verifyComplete();
		assertMarked("a", "b");
	}

	private void mark(String... ids) {
		Flux.fromArray(ids).concatMap(this.markers::mark).then().as(StepVerifier::create).verifyComplete();
	}

	private void assertMarked(String... ids) {
		this.markers.marked()
			.map(Marker::id)
			.collectList()
			.as(StepVerifier::create)
			.assertNext((marked) -> assertThat(marked).containsExactlyInAnyOrder(ids))
			.verifyComplete();
	}

}
