package academy.cqo.exam.domain;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.data.mongodb.core.query.Criteria;

import academy.cqo.testsupport.LifecycleTables;

import static academy.cqo.exam.domain.AttemptStatus.GRADED;
import static academy.cqo.exam.domain.AttemptStatus.IN_PROGRESS;
import static academy.cqo.exam.domain.AttemptStatus.SUBMITTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * An attempt's statuses: the two moves allowed, every other one refused, and the store
 * guards the table yields.
 */
class AttemptStatusTests {

	private static final Set<List<AttemptStatus>> ALLOWED = Set.of(List.of(IN_PROGRESS, SUBMITTED),
			List.of(SUBMITTED, GRADED));

	@Test
	void whenAMoveIsInTheTableThenItIsAllowedAndEveryOtherIsRefused() {
		LifecycleTables.assertMoves(AttemptStatus.class, ALLOWED);
	}

	@Test
	void whenAStatusIsReachedThenOnlyFromItsPredecessor() {
		assertThat(IN_PROGRESS.predecessors()).isEmpty();
		assertThat(SUBMITTED.predecessors()).containsExactly(IN_PROGRESS);
		assertThat(GRADED.predecessors()).containsExactly(SUBMITTED);
	}

	@Test
	void whenSubmittingThenTheStoreGuardRequiresAnOpenAttempt() {
		Document guard = SUBMITTED.moveGuard(Criteria.where("_id").is("s:a:1")).getCriteriaObject();
		assertThat(guard).isEqualTo(new Document("_id", "s:a:1").append("status", "IN_PROGRESS"));
	}

	@Test
	void whenGradingThenTheStoreGuardRequiresASubmittedAttempt() {
		Document guard = GRADED.moveGuard(Criteria.where("_id").is("s:a:1")).getCriteriaObject();
		assertThat(guard).isEqualTo(new Document("_id", "s:a:1").append("status", "SUBMITTED"));
	}

	@Test
	void whenNothingMovesIntoAStatusThenThereIsNoGuardForIt() {
		assertThatIllegalStateException().isThrownBy(() -> IN_PROGRESS.moveGuard(Criteria.where("_id").is("x")));
	}

	@Test
	void whenChangingWhileInAStatusThenTheGuardIsThatStatus() {
		assertThat(IN_PROGRESS.stillIn(Criteria.where("_id").is("x")).getCriteriaObject())
			.isEqualTo(new Document("_id", "x").append("status", "IN_PROGRESS"));
		assertThat(GRADED.stillIn().getCriteriaObject()).isEqualTo(new Document("status", "GRADED"));
	}

	@ParameterizedTest
	@EnumSource(AttemptStatus.class)
	void whenReadFromTheStoreThenTheStoredNameIsTheStatus(AttemptStatus status) {
		assertThat(AttemptStatus.from(status.name())).isSameAs(status);
	}

	@Test
	void whenTheStoredValueNamesNoStatusThenItIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> AttemptStatus.from("OPEN"));
		assertThatIllegalArgumentException().isThrownBy(() -> AttemptStatus.from(null));
	}

}
