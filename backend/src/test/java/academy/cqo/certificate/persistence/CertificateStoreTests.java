package academy.cqo.certificate.persistence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.data.mongodb.core.query.Update;

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.certificate.domain.CertificateState;
import academy.cqo.certificate.persistence.CertificateDocument.StateChange;
import academy.cqo.testsupport.EmbeddedTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every conditional update of a certificate's stage and state against the embedded store
 * the application runs on (no application context): a move the certificate's stage or
 * state does not allow matches nothing and leaves it as it was.
 */
class CertificateStoreTests {

	private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

	@TempDir
	Path dataDir;

	private EmbeddedTemplate embedded;

	private CertificateStore store;

	@BeforeEach
	void start() {
		this.embedded = EmbeddedTemplate.start(this.dataDir);
		this.store = new CertificateStore(this.embedded.mongo(), java.time.Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		this.embedded.close();
	}

	@Test
	void whenAnActiveCertificateIsSuspendedThenItMovesAndTheHistoryRecordsIt() {
		insert("c1", CertificateStage.ISSUED, CertificateState.ACTIVE);
		this.store.changeState("c1", change(CertificateState.SUSPENDED))
			.as(StepVerifier::create)
			.assertNext((changed) -> {
				assertThat(changed.state()).isEqualTo("SUSPENDED");
				assertThat(changed.history()).extracting(StateChange::state).containsExactly("SUSPENDED");
			})
			.verifyComplete();
	}

	@Test
	void whenTheStateDoesNotAllowTheMoveThenNothingChanges() {
		insert("active", CertificateStage.ISSUED, CertificateState.ACTIVE);
		insert("revoked", CertificateStage.ISSUED, CertificateState.REVOKED);
		insert("superseded", CertificateStage.ISSUED, CertificateState.SUPERSEDED);
		CertificateDocument active = stored("active");
		CertificateDocument revoked = stored("revoked");
		CertificateDocument superseded = stored("superseded");

		this.store.changeState("active", change(CertificateState.ACTIVE)).as(StepVerifier::create).verifyComplete();
		for (CertificateState target : CertificateState.values()) {
			this.store.changeState("revoked", change(target)).as(StepVerifier::create).verifyComplete();
			this.store.changeState("superseded", change(target)).as(StepVerifier::create).verifyComplete();
		}

		assertThat(stored("active")).isEqualTo(active);
		assertThat(stored("revoked")).isEqualTo(revoked);
		assertThat(stored("superseded")).isEqualTo(superseded);
	}

	@Test
	void whenACertificateIsNotIssuedThenItsStateDoesNotChange() {
		insert("pending", CertificateStage.PENDING, CertificateState.ACTIVE);
		CertificateDocument before = stored("pending");
		this.store.changeState("pending", change(CertificateState.REVOKED)).as(StepVerifier::create).verifyComplete();
		assertThat(stored("pending")).isEqualTo(before);
	}

	@Test
	void whenRevocationsRaceThenOneIsApplied() {
		insert("c1", CertificateStage.ISSUED, CertificateState.ACTIVE);
		Flux.range(0, 30)
			.flatMap((i) -> this.store.changeState("c1", change(CertificateState.REVOKED)), 8)
			.count()
			.as(StepVerifier::create)
			.expectNext(1L)
			.verifyComplete();
		assertThat(stored("c1").history()).hasSize(1);
	}

	@Test
	void whenTheStageDoesNotAllowTheMoveThenNothingChanges() {
		insert("issued", CertificateStage.ISSUED, CertificateState.ACTIVE);
		insert("pending", CertificateStage.PENDING, null);
		CertificateDocument issued = stored("issued");
		CertificateDocument pending = stored("pending");

		this.store.markFailed("issued", "certificate.failure.glyph", "𠀀").as(StepVerifier::create).verifyComplete();
		this.store.retry("issued", new Update()).as(StepVerifier::create).verifyComplete();
		this.store.retry("pending", new Update()).as(StepVerifier::create).verifyComplete();
		this.store.markIssued("issued", NOW.plusSeconds(60))
			.as(StepVerifier::create)
			.expectNext(issued)
			.verifyComplete();

		assertThat(stored("issued")).isEqualTo(issued);
		assertThat(stored("pending")).isEqualTo(pending);
	}

	@Test
	void whenAnIssueFailsThenItIsTriedAgainAndIssued() {
		insert("c1", CertificateStage.PENDING, null);
		this.store.markFailed("c1", "certificate.failure.glyph", "𠀀")
			.as(StepVerifier::create)
			.assertNext((failed) -> assertThat(failed.stage()).isEqualTo("FAILED"))
			.verifyComplete();
		this.store.retry("c1", new Update())
			.as(StepVerifier::create)
			.assertNext((pending) -> assertThat(pending.stage()).isEqualTo("PENDING"))
			.verifyComplete();
		this.store.markIssued("c1", NOW).as(StepVerifier::create).assertNext((issued) -> {
			assertThat(issued.stage()).isEqualTo("ISSUED");
			assertThat(issued.state()).isEqualTo("ACTIVE");
			assertThat(issued.failureKey()).isNull();
		}).verifyComplete();
	}

	private void insert(String id, CertificateStage stage, CertificateState state) {
		CertificateDocument certificate = new CertificateDocument(id, stage.name(), null, null, null, null, "account",
				"测试", null, null, "360102", "exam", "考试", "session", "attempt-" + id, 100.0, 100.0, "2026-11-21",
				"2029-11-20", "发证机关", null, (state != null) ? state.name() : null, List.of(), null, null, false, 0L,
				NOW, (stage == CertificateStage.ISSUED) ? NOW : null);
		this.store.insertOnce(certificate).as(StepVerifier::create).expectNextCount(1).verifyComplete();
	}

	private CertificateDocument stored(String id) {
		CertificateDocument[] found = new CertificateDocument[1];
		this.store.find(id).as(StepVerifier::create).consumeNextWith((stored) -> found[0] = stored).verifyComplete();
		return found[0];
	}

	private static StateChange change(CertificateState target) {
		return new StateChange(target.name(), "FRAUD", null, "admin-jx", NOW);
	}

}
