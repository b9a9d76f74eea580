package academy.cqo.filing;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filing's transitions: every allowed and every refused move, the guard each transition
 * gives the store, and what the enterprise may still edit.
 */
class FilingStateTests {

	private static final Set<String> ALLOWED = Set.of("DRAFT->SUBMITTED", "RETURNED->SUBMITTED", "SUBMITTED->APPROVED",
			"SUBMITTED->RETURNED", "SUBMITTED->REJECTED");

	@Test
	void whenAnyStateMovesToAnyOtherThenOnlySubmittingAnOpenFilingAndDecidingASubmittedOneAreAllowed() {
		for (FilingState from : FilingState.values()) {
			for (FilingState to : FilingState.values()) {
				assertThat(from.canMoveTo(to)).as(from + "->" + to).isEqualTo(ALLOWED.contains(from + "->" + to));
			}
		}
	}

	@Test
	void whenATransitionIsGuardedThenTheStoreMatchesOnlyTheStatesItStartsFrom() {
		assertThat(FilingState.Transition.SUBMIT.guard().getCriteriaObject())
			.isEqualTo(new Document("state", new Document("$in", List.of("DRAFT", "RETURNED"))));
		for (FilingState.Transition decision : List.of(FilingState.Transition.APPROVE, FilingState.Transition.RETURN,
				FilingState.Transition.REJECT)) {
			assertThat(decision.guard().getCriteriaObject()).as(decision.name())
				.isEqualTo(new Document("state", new Document("$in", List.of("SUBMITTED"))));
		}
	}

	@Test
	void whenEditedThenOnlyADraftOrAReturnedFilingIsEditable() {
		assertThat(FilingState.editableGuard().getCriteriaObject())
			.isEqualTo(new Document("state", new Document("$in", List.of("DRAFT", "RETURNED"))));
		assertThat(FilingState.values()).filteredOn(FilingState::editable)
			.containsExactly(FilingState.DRAFT, FilingState.RETURNED);
		assertThat(FilingState.APPROVED.stillIn().getCriteriaObject()).isEqualTo(new Document("state", "APPROVED"));
	}

}
