package academy.cqo.ce.persistence;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import academy.cqo.ce.domain.CeEntryState;
import academy.cqo.testsupport.EmbeddedTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deciding a CE claim against the embedded store the application runs on (no application
 * context): a claim is decided once, never by its holder, never outside the decider's
 * region; a refused decision changes nothing.
 */
class CeStoreTests {

	private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

	@TempDir
	Path dataDir;

	private EmbeddedTemplate embedded;

	private CeStore store;

	@BeforeEach
	void start() {
		this.embedded = EmbeddedTemplate.start(this.dataDir);
		this.store = new CeStore(this.embedded.mongo());
		this.store.insert(claim("c1", "holder", "360102")).as(StepVerifier::create).expectNextCount(1).verifyComplete();
	}

	@AfterEach
	void stop() {
		this.embedded.close();
	}

	@Test
	void whenAPendingClaimIsApprovedThenASecondDecisionChangesNothing() {
		this.store.decide("c1", "3601", CeEntryState.APPROVED, null, "admin-nc", "admin", NOW)
			.as(StepVerifier::create)
			.assertNext((decided) -> assertThat(decided.state()).isEqualTo("APPROVED"))
			.verifyComplete();

		this.store.decide("c1", "3601", CeEntryState.REJECTED, "重复", "admin-dh", "other", NOW.plusSeconds(1))
			.as(StepVerifier::create)
			.verifyComplete();

		assertStored("APPROVED", "admin-nc", null);
	}

	@Test
	void whenTheHolderOrAnAdministratorOutsideTheRegionDecidesThenNothingChanges() {
		this.store.decide("c1", "36", CeEntryState.APPROVED, null, "holder", "holder", NOW)
			.as(StepVerifier::create)
			.verifyComplete();
		this.store.decide("c1", "3602", CeEntryState.APPROVED, null, "admin-elsewhere", "admin", NOW)
			.as(StepVerifier::create)
			.verifyComplete();

		assertStored("PENDING", null, null);
	}

	@Test
	void whenDecisionsRaceThenOneIsApplied() {
		Flux.range(0, 20)
			.flatMap((i) -> this.store.decide("c1", "36", (i % 2 == 0) ? CeEntryState.APPROVED : CeEntryState.REJECTED,
					"r" + i, "admin-" + i, "admin-" + i, NOW), 8)
			.count()
			.as(StepVerifier::create)
			.expectNext(1L)
			.verifyComplete();
	}

	private void assertStored(String state, String decidedBy, String reason) {
		this.store.findClaim("c1").as(StepVerifier::create).assertNext((stored) -> {
			assertThat(stored.state()).isEqualTo(state);
			assertThat(stored.decidedBy()).isEqualTo(decidedBy);
			assertThat(stored.reason()).isEqualTo(reason);
		}).verifyComplete();
	}

	private static ClaimDocument claim(String id, String accountId, String regionCode) {
		return new ClaimDocument(id, accountId, accountId, "张三", regionCode, 2026, "TRAINING", "质量管理培训", "省质协",
				LocalDate.of(2026, 11, 1), 8.0, true, "evidence.pdf", "application/pdf", 4L, new byte[] { 1, 2, 3, 4 },
				CeEntryState.PENDING.name(), null, NOW.minusSeconds(3600), null, null);
	}

}
