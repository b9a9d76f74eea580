package academy.cqo.platform;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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

	@Test
	void whenItemsAreMarkedThenTheUnfinishedAreReadAndTheFinishedLoseTheirMarkers() {
		Map<String, Standing> items = Map.of("open", Standing.UNFINISHED, "done", Standing.FINISHED);
		mark("open", "done");

		this.markers.unfinished((id) -> Mono.justOrEmpty(items.get(id)), (standing) -> standing)
			.as(StepVerifier::create)
			.expectNext(Standing.UNFINISHED)
			.verifyComplete();

		assertMarked("open");
	}

	@Test
	void whenAMarkedItemIsMissingOrIdleThenItsMarkerStaysUntilSettled() {
		Map<String, Standing> items = Map.of("idle", Standing.IDLE);
		mark("idle", "missing");

		this.markers.unfinished((id) -> Mono.justOrEmpty(items.get(id)), (standing) -> standing)
			.as(StepVerifier::create)
			.verifyComplete();
		// a writer may be between the marker and its write
		assertMarked("idle", "missing");

		this.clock.advance(SweepMarkers.SETTLED.plusSeconds(1));
		this.markers.unfinished((id) -> Mono.justOrEmpty(items.get(id)), (standing) -> standing)
			.as(StepVerifier::create)
			.verifyComplete();
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
