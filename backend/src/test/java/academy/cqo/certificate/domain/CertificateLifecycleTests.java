package academy.cqo.certificate.domain;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;

import academy.cqo.testsupport.LifecycleTables;

import static academy.cqo.certificate.domain.CertificateStage.FAILED;
import static academy.cqo.certificate.domain.CertificateStage.ISSUED;
import static academy.cqo.certificate.domain.CertificateStage.PENDING;
import static academy.cqo.certificate.domain.CertificateState.ACTIVE;
import static academy.cqo.certificate.domain.CertificateState.REVOKED;
import static academy.cqo.certificate.domain.CertificateState.SUPERSEDED;
import static academy.cqo.certificate.domain.CertificateState.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A certificate's two tables: how far its issue has come (stage) and what it says of its
 * holder once issued (state). Every allowed move and every refused one, and the guards
 * the store uses.
 */
class CertificateLifecycleTests {

	private static final Set<List<CertificateStage>> STAGE_MOVES = Set.of(List.of(PENDING, ISSUED),
			List.of(PENDING, FAILED), List.of(FAILED, PENDING), List.of(FAILED, ISSUED));

	private static final Set<List<CertificateState>> STATE_MOVES = Set.of(List.of(ACTIVE, SUSPENDED),
			List.of(ACTIVE, REVOKED), List.of(ACTIVE, SUPERSEDED), List.of(SUSPENDED, ACTIVE),
			List.of(SUSPENDED, REVOKED), List.of(SUSPENDED, SUPERSEDED));

	@Test
	void whenAStageMoveIsInTheTableThenItIsAllowedAndEveryOtherIsRefused() {
		LifecycleTables.assertMoves(CertificateStage.class, STAGE_MOVES);
	}

	@Test
	void whenAStateMoveIsInTheTableThenItIsAllowedAndEveryOtherIsRefused() {
		LifecycleTables.assertMoves(CertificateState.class, STATE_MOVES);
	}

	@Test
	void whenRevokedOrSupersededThenNothingFollows() {
		for (CertificateState to : CertificateState.values()) {
			assertThat(REVOKED.canMoveTo(to)).isFalse();
			assertThat(SUPERSEDED.canMoveTo(to)).isFalse();
		}
	}

	@Test
	void whenAStateIsReachedThenFromItsPredecessorsOnly() {
		assertThat(SUSPENDED.predecessors()).containsExactly(ACTIVE);
		assertThat(ACTIVE.predecessors()).containsExactly(SUSPENDED);
		assertThat(REVOKED.predecessors()).containsExactly(ACTIVE, SUSPENDED);
		assertThat(SUPERSEDED.predecessors()).containsExactly(ACTIVE, SUSPENDED);
		assertThat(ISSUED.predecessors()).containsExactly(PENDING, FAILED);
		assertThat(FAILED.predecessors()).containsExactly(PENDING);
		assertThat(PENDING.predecessors()).containsExactly(FAILED);
	}

	@Test
	void whenRevokingThenTheStoreGuardRequiresAnIssuedCertificateInAStateThatMayBeRevoked() {
		Document guard = REVOKED.moveGuard(ISSUED.stillIn(Criteria.where("_id").is("c1"))).getCriteriaObject();
		assertThat(guard).isEqualTo(new Document("_id", "c1").append("stage", "ISSUED")
			.append("state", new Document("$in", List.of("ACTIVE", "SUSPENDED"))));
	}

	@Test
	void whenReinstatingThenTheStoreGuardRequiresASuspendedCertificate() {
		Document guard = ACTIVE.moveGuard(Criteria.where("_id").is("c1")).getCriteriaObject();
		assertThat(guard).isEqualTo(new Document("_id", "c1").append("state", "SUSPENDED"));
	}

	@Test
	void whenTheStoredValueNamesNoStateThenItIsRefused() {
		assertThat(CertificateState.from("ACTIVE")).isSameAs(ACTIVE);
		assertThat(CertificateStage.from("FAILED")).isSameAs(FAILED);
		assertThatIllegalArgumentException().isThrownBy(() -> CertificateState.from("VALID"));
		assertThatIllegalArgumentException().isThrownBy(() -> CertificateStage.from(null));
	}

}
