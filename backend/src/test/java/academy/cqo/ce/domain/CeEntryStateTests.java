package academy.cqo.ce.domain;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.query.Criteria;

import academy.cqo.testsupport.LifecycleTables;

import static academy.cqo.ce.domain.CeEntryState.APPROVED;
import static academy.cqo.ce.domain.CeEntryState.CREDITED;
import static academy.cqo.ce.domain.CeEntryState.PENDING;
import static academy.cqo.ce.domain.CeEntryState.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CE ledger line's states: a claim is decided once, a module is credited from the
 * start, and only credited and approved hours count.
 */
class CeEntryStateTests {

	@Test
	void whenAClaimIsDecidedThenOnlyFromPending() {
		LifecycleTables.assertMoves(CeEntryState.class, Set.of(List.of(PENDING, APPROVED), List.of(PENDING, REJECTED)));
	}

	@Test
	void whenHoursAreCreditedOrApprovedThenTheyCount() {
		assertThat(CREDITED.counts()).isTrue();
		assertThat(APPROVED.counts()).isTrue();
		assertThat(PENDING.counts()).isFalse();
		assertThat(REJECTED.counts()).isFalse();
	}

	@Test
	void whenDecidingThenTheStoreGuardRequiresAPendingClaim() {
		assertThat(REJECTED.moveGuard(Criteria.where("_id").is("c1")).getCriteriaObject())
			.isEqualTo(new Document("_id", "c1").append("state", "PENDING"));
	}

}
