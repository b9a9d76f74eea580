package academy.cqo.certificate.persistence;

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

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.platform.SweepMarkers;
import academy.cqo.testsupport.EmbeddedTemplate;
import academy.cqo.testsupport.LogCapture;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.StoreScans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the issue sweep reads ({@link CertificateStore#unfinished()}) on the embedded
 * store: the certificates a crash left unfinished at each point, through their markers
 * and by {@code _id} alone — never the finished ones, however many (the store's own count
 * of the documents each command read) — and, on a store written before markers, its
 * unfinished certificates from one scan, once.
 */
class CertificateIssueMarkersTests {

	private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

	private static final int FINISHED = 2_000;

	@TempDir
	Path dataDir;

	@RegisterExtension
	final LogCapture logged = new LogCapture(StoreScans.LOGGER);

	private final MutableClock clock = new MutableClock(ZoneOffset.UTC);

	private EmbeddedTemplate embedded;

	private CertificateStore store;

	@BeforeEach
	void start() {
		this.embedded = EmbeddedTemplate.start(this.dataDir, Duration.ZERO);
		this.store = new CertificateStore(this.embedded.mongo(), this.clock);
	}

	@AfterEach
	void stop() {
		this.embedded.close();
	}

	@Test
	void whenACrashInterruptsIssuesThenTheSweepReadsThemByIdAndNoneOfTheFinished() {
		insertFinishedWithoutMarkers(FINISHED);
		// the first read of a new store: its one scan finds nothing unfinished
		this.store.unfinished().as(StepVerifier::create).verifyComplete();

		// crash before the insert its marker announced
		markers().mark("attempt:never-inserted").as(StepVerifier::create).verifyComplete();
		// crash after the pending insert
		this.store.insertOnce(pending("attempt:pending")).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		// crash between the issue's steps: content fixed and numbered, not yet issued
		this.store.insertOnce(pending("attempt:numbered")).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		this.store.fixContent("attempt:numbered", new Update().set("issuedOn", "2026-12-05"))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		this.store.assignNumber("attempt:numbered", "JX", 2026)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		// crash between issued and announced
		issued("attempt:unannounced");
		// crash between the announcement and the marker's removal
		issued("attempt:announced-marked");
		this.embedded.mongo()
			.updateFirst(Query.query(Criteria.where("_id").is("attempt:announced-marked")),
					new Update().set("announced", true), CertificateDocument.class)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		// finished normally: its marker went with the announcement
		issued("attempt:announced");
		this.store.markAnnounced("attempt:announced").as(StepVerifier::create).verifyComplete();
		// failed, waiting for an administrator
		this.store.insertOnce(pending("attempt:failed")).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		this.store.markFailed("attempt:failed", "certificate.failure.photo", "bad photo")
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		this.logged.events().clear();

		assertUnfinished(this.store, "attempt:pending", "attempt:numbered", "attempt:unannounced");

		assertThat(StoreScans.perCommand(this.logged, CertificateDocument.COLLECTION))
			.as("the six marked certificates read by their ids, five of them there, in one command; none of the %d"
					+ " finished", FINISHED)
			.containsExactly(5L);
		assertMarked("attempt:never-inserted", "attempt:pending", "attempt:numbered", "attempt:unannounced",
				"attempt:failed");
	}

	@Test
	void whenAMarkerOutlivesAnItemThatNeverCameOrFailedThenItGoesOnceSettledAndARetryMarksAgain() {
		markers().mark("attempt:never-inserted").as(StepVerifier::create).verifyComplete();
		this.store.insertOnce(pending("attempt:failed")).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		this.store.markFailed("attempt:failed", "certificate.failure.photo", "bad photo")
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		this.clock.advance(SweepMarkers.SETTLED.plusSeconds(1));

		this.store.unfinished().as(StepVerifier::create).verifyComplete();
		assertMarked();

		this.store.retry("attempt:failed", new Update().unset("issuedOn"))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		this.store.unfinished()
			.map(CertificateDocument::id)
			.as(StepVerifier::create)
			.expectNext("attempt:failed")
			.verifyComplete();
	}

	@Test
	void whenAStoreWasWrittenWithoutMarkersThenTheFirstReadMarksItsUnfinishedCertificatesOnce() {
		insertFinishedWithoutMarkers(50);
		List<CertificateDocument> old = new ArrayList<>();
		old.add(pending("attempt:old-pending"));
		old.add(withStage("attempt:old-unannounced", CertificateStage.ISSUED, false));
		old.add(withStage("attempt:old-failed", CertificateStage.FAILED, false));
		this.embedded.mongo().insertAll(old).then().as(StepVerifier::create).verifyComplete();

		assertUnfinished(this.store, "attempt:old-pending", "attempt:old-unannounced");
		assertMarked("attempt:old-pending", "attempt:old-unannounced");

		// a second start: no second scan (an unmarked pending certificate now is not
		// found: only code from before markers writes one)
		this.embedded.mongo()
			.insert(pending("attempt:written-by-old-code"))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		this.logged.events().clear();
		assertUnfinished(new CertificateStore(this.embedded.mongo(), this.clock), "attempt:old-pending",
				"attempt:old-unannounced");
		assertThat(StoreScans.total(this.logged, CertificateDocument.COLLECTION)).isEqualTo(2);
	}

	private SweepMarkers markers() {
		return new SweepMarkers(this.embedded.mongo(), CertificateStore.ISSUE_MARKERS, this.clock);
	}

	private void issued(String id) {
		this.store.insertOnce(pending(id)).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		this.store.markIssued(id, NOW).as(StepVerifier::create).expectNextCount(1).verifyComplete();
	}

	private void insertFinishedWithoutMarkers(int count) {
		List<CertificateDocument> finished = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			finished.add(withStage(String.format("attempt:done-%05d", i), CertificateStage.ISSUED, true));
		}
		this.embedded.mongo().insertAll(finished).then().as(StepVerifier::create).verifyComplete();
	}

	private void assertMarked(String... ids) {
		this.embedded.mongo()
			.find(Query.query(Criteria.where("_id").ne(SweepMarkers.RECORD)), Document.class,
					CertificateStore.ISSUE_MARKERS)
			.map((marker) -> marker.getString("_id"))
			.collectList()
			.as(StepVerifier::create)
			.assertNext((marked) -> assertThat(marked).containsExactlyInAnyOrder(ids))
			.verifyComplete();
	}

	private static CertificateDocument pending(String id) {
		return withStage(id, CertificateStage.PENDING, false);
	}

	private static CertificateDocument withStage(String id, CertificateStage stage, boolean announced) {
		boolean issued = stage == CertificateStage.ISSUED;
		return new CertificateDocument(id, stage.name(), null, null, null, null, "account", "测试", null, null, "360102",
				"exam", "考试", "session", id.substring("attempt:".length()), 100.0, 100.0, issued ? "2026-11-21" : null,
				issued ? "2029-11-20" : null, "发证机关", null, issued ? "ACTIVE" : null, List.of(), null, null, announced,
				0L, NOW, issued ? NOW : null);
	}

	private static void assertUnfinished(CertificateStore store, String... ids) {
		store.unfinished()
			.map(CertificateDocument::id)
			.collectList()
			.as(StepVerifier::create)
			.assertNext((unfinished) -> assertThat(unfinished).containsExactlyInAnyOrder(ids))
			.verifyComplete();
	}

}
