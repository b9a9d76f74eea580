package academy.cqo.supervision;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A supervision case's transitions: every allowed and refused move, the state each step
 * leads to, and the guards the store applies.
 */
class CaseStateTests {

	private static final Set<String> ALLOWED = Set.of("OPEN->OPEN", "RECTIFIED->OPEN", "ESCALATED->OPEN",
			"OPEN->RECTIFIED", "ESCALATED->RECTIFIED", "OPEN->ESCALATED", "OPEN->EXITED", "RECTIFIED->EXITED",
			"ESCALATED->EXITED", "OPEN->CLOSED", "RECTIFIED->CLOSED", "ESCALATED->CLOSED");

	private static final List<String> ACTIVE = List.of("OPEN", "RECTIFIED", "ESCALATED");

	@Test
	void whenAnyStateMovesToAnyOtherThenOnlyTheTableAllowsItAndNothingLeavesAnExitedOrClosedCase() {
		for (CaseState from : CaseState.values()) {
			for (CaseState to : CaseState.values()) {
				assertThat(from.canMoveTo(to)).as(from + "->" + to).isEqualTo(ALLOWED.contains(from + "->" + to));
			}
		}
		assertThat(CaseState.values()).filteredOn(CaseState::active)
			.containsExactly(CaseState.OPEN, CaseState.RECTIFIED, CaseState.ESCALATED);
		assertThat(CaseState.active("EXITED")).isFalse();
		assertThat(CaseState.active("ESCALATED")).isTrue();
		assertThat(CaseState.active(null)).isFalse();
	}

	@Test
	void whenAStepIsRecordedThenItLeadsToItsStateFromTheStatesItMayFollow() {
		Map<StepKind, List<String>> from = Map.of(StepKind.INTERVIEW, ACTIVE, StepKind.WARNING, ACTIVE, StepKind.EXIT,
				ACTIVE, StepKind.CLOSE, ACTIVE, StepKind.RECTIFICATION, List.of("OPEN", "ESCALATED"),
				StepKind.ESCALATION, List.of("OPEN"));
		from.forEach((kind, states) -> assertThat(kind.guard().getCriteriaObject()).as(kind.name())
			.isEqualTo(new Document("state", new Document("$in", states))));
		assertThat(StepKind.INTERVIEW.outcome()).isNull();
		assertThat(StepKind.WARNING.outcome()).isEqualTo(CaseState.OPEN);
		assertThat(StepKind.EXIT.outcome()).isEqualTo(CaseState.EXITED);
		assertThat(StepKind.CLOSE.outcome()).isEqualTo(CaseState.CLOSED);
		assertThat(StepKind.RECTIFICATION.outcome()).isEqualTo(CaseState.RECTIFIED);
		assertThat(StepKind.ESCALATION.outcome()).isEqualTo(CaseState.ESCALATED);
		assertThatIllegalStateException().isThrownBy(StepKind.OPENED::guard);
	}

	@Test
	void whenAnAdministratorAddsAStepThenOnlyTheBureausStepsAreTheirs() {
		assertThat(StepKind.values()).filteredOn(StepKind::bureau)
			.containsExactly(StepKind.INTERVIEW, StepKind.WARNING, StepKind.EXIT, StepKind.CLOSE);
	}

}
