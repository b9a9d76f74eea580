package academy.cqo.filing.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import academy.cqo.filing.FilingState;
import academy.cqo.platform.SweepMarkers;
import academy.cqo.testsupport.EmbeddedTemplate;
import academy.cqo.testsupport.LogCapture;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.StoreScans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sweep of interrupted approvals reads
 * ({@link FilingStore#unfinishedApprovals()}) on the embedded store: the approvals a
 * crash left unfinished at each point, through their markers and by {@code _id} alone —
 * never the completed filings, however many (the store's own count of the documents each
 * command read) — and, on a store written before markers, its unfinished approvals from
 * one scan, once.
 */
class FilingApprovalMarkersTests {

	private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

	private static final int COMPLETED = 2_000;

	@TempDir
	Path dataDir;

	@RegisterExtension
	final LogCapture logged = new LogCapture(StoreScans.LOGGER);

	private final MutableClock clock = new MutableClock(ZoneOffset.UTC);

	private EmbeddedTemplate embedded;

	private FilingStore store;

	@BeforeEach
	void start() {
		this.embedded = EmbeddedTemplate.start(this.dataDir, Duration.ZERO);
		this.store = new FilingStore(this.embedded.mongo(), this.clock);
	}

	@AfterEach
	void stop() {
		this.embedded.close();
	}

	@Test
	void whenACrashInterruptsApprovalsThenTheSweepReadsThemByIdAndNoneOfTheCompleted() {
		insertWithoutMarkers(completed(COMPLETED));
		this.store.unfinishedApprovals().as(StepVerifier::create).verifyComplete();

		String markedOnly = submitted();
		String approved = submitted();
		String numbered = submitted();
		String completedMarked = submitted();
		String completed = submitted();
		// crash between the marker and the approval's move
		markers().mark(markedOnly).as(StepVerifier::create).verifyComplete();
		// crash right after the approval's move
		approve(approved);
		// crash between the follow-up steps: numbered, not completed
		approve(numbered);
		this.store.assignNumber(stored(numbered), 2026).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		// crash between completedAt and the marker's removal
		approve(completedMarked);
		this.embedded.mongo()
			.updateFirst(Query.query(Criteria.where("_id").is(completedMarked)), new Update().set("completedAt", NOW),
					FilingDocument.class)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		// completed normally
		approve(completed);
		this.store.markCompleted(completed, NOW).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		// imported approved: marked before its insert
		FilingDocument imported = filing("import1-2", FilingState.APPROVED, null);
		this.store.insert(imported).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		this.logged.events().clear();

		assertUnfinished(this.store, approved, numbered, "import1-2");

		assertThat(StoreScans.perCommand(this.logged, FilingDocument.COLLECTION))
			.as("the five marked filings read by their ids in one command; none of the %d completed", COMPLETED)
			.containsExactly(5L);
		assertMarked(markedOnly, approved, numbered, "import1-2");
	}

	@Test
	void whenAnApprovalWasMarkedButNeverMovedThenItsMarkerGoesOnceSettled() {
		String lost = submitted();
		markers().mark(lost).as(StepVerifier::create).verifyComplete();
		this.store.unfinishedApprovals().as(StepVerifier::create).verifyComplete();
		assertMarked(lost);

		this.clock.advance(SweepMarkers.SETTLED.plusSeconds(1));
		this.store.unfinishedApprovals().as(StepVerifier::create).verifyComplete();
		assertMarked();
		assertThat(stored(lost).state()).isEqualTo(FilingState.SUBMITTED.name());
	}

	@Test
	void whenAStoreWasWrittenWithoutMarkersThenTheFirstReadMarksItsUnfinishedApprovalsOnce() {
		List<FilingDocument> old = completed(50);
		old.add(filing("aaaaaaaaaaaaaaaaaaaaaaaa", FilingState.APPROVED, null));
		old.add(filing("old-import-1", FilingState.APPROVED, null));
		old.add(filing("bbbbbbbbbbbbbbbbbbbbbbbb", FilingState.SUBMITTED, null));
		insertWithoutMarkers(old);

		assertUnfinished(this.store, "aaaaaaaaaaaaaaaaaaaaaaaa", "old-import-1");

		insertWithoutMarkers(new ArrayList<>(List.of(filing("old-import-2", FilingState.APPROVED, null))));
		this.logged.events().clear();
		assertUnfinished(new FilingStore(this.embedded.mongo(), this.clock), "aaaaaaaaaaaaaaaaaaaaaaaa",
				"old-import-1");
		assertThat(StoreScans.total(this.logged, FilingDocument.COLLECTION)).as("no second scan").isEqualTo(2);
	}

	private SweepMarkers markers() {
		return new SweepMarkers(this.embedded.mongo(), FilingStore.APPROVAL_MARKERS, this.clock);
	}

	private String submitted() {
		FilingDocument filing = filing(FilingStore.newId(), FilingState.SUBMITTED, null);
		this.store.insert(filing).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		return filing.id();
	}

	private void approve(String id) {
		this.store
			.transition(id, FilingState.Transition.APPROVE,
					new FilingDocument.HistoryEntry(NOW, "admin-dh", "APPROVED", List.of(), null),
					new Update().set("decidedAt", NOW))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

	private FilingDocument stored(String id) {
		FilingDocument[] found = new FilingDocument[1];
		this.store.find(id).as(StepVerifier::create).consumeNextWith((filing) -> found[0] = filing).verifyComplete();
		return found[0];
	}

	private void insertWithoutMarkers(List<FilingDocument> filings) {
		this.embedded.mongo().insertAll(filings).then().as(StepVerifier::create).verifyComplete();
	}

	private void assertMarked(String... ids) {
		this.embedded.mongo()
			.find(Query.query(Criteria.where("_id").ne(SweepMarkers.RECORD)), Document.class,
					FilingStore.APPROVAL_MARKERS)
			.map((marker) -> String.valueOf(marker.get("_id")))
			.collectList()
			.as(StepVerifier::create)
			.assertNext((marked) -> assertThat(marked).containsExactlyInAnyOrder(ids))
			.verifyComplete();
	}

	private static List<FilingDocument> completed(int count) {
		List<FilingDocument> filings = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			filings.add(filing(FilingStore.newId(), FilingState.APPROVED, NOW));
		}
		return filings;
	}

	private static FilingDocument filing(String id, FilingState state, Instant completedAt) {
		return new FilingDocument(id, "APPOINTMENT", state.name(), "91360100MA35F7Q46X", "360102", null, null, null,
				null, null, List.of(), null, null, null, true, null, null, null, null, null, null, null, null, null,
				null, List.of(), "enterprise", NOW, null, NOW, completedAt, null, 0);
	}

	private static void assertUnfinished(FilingStore store, String... ids) {
		store.unfinishedApprovals()
			.map(FilingDocument::id)
			.collectList()
			.as(StepVerifier::create)
			.assertNext((unfinished) -> assertThat(unfinished).containsExactlyInAnyOrder(ids))
			.verifyComplete();
	}

}
