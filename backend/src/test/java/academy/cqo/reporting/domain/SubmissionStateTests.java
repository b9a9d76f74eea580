package academy.cqo.reporting.domain;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A 附件3 report's transitions: every allowed and every refused move, the store guards they
 * yield, and the published status (NOT_STARTED | DRAFT | SUBMITTED | RETURNED | LATE).
 */
class SubmissionStateTests {

	private static final Set<String> ALLOWED = Set.of("DRAFT->SUBMITTED", "RETURNED->SUBMITTED", "SUBMITTED->RETURNED");

	@Test
	void whenAnyStateMovesToAnyOtherThenOnlySubmittingAnOpenReportAndReturningASubmittedOneAreAllowed() {
		for (SubmissionState from : SubmissionState.values()) {
			for (SubmissionState to : SubmissionState.values()) {
				assertThat(from.canMoveTo(to)).as(from + "->" + to).isEqualTo(ALLOWED.contains(from + "->" + to));
			}
		}
	}

	@Test
	void whenGuardedThenTheStoreMatchesOnlyThePredecessors() {
		assertThat(SubmissionState.SUBMITTED.moveGuard().getCriteriaObject())
			.isEqualTo(new Document("state", new Document("$in", List.of("DRAFT", "RETURNED"))));
		assertThat(SubmissionState.RETURNED.moveGuard().getCriteriaObject())
			.isEqualTo(new Document("state", "SUBMITTED"));
		assertThatIllegalStateException().isThrownBy(SubmissionState.DRAFT::moveGuard);
	}

	@Test
	void whenSavingPlansThenOnlyADraftOrAReturnedReportIsEditable() {
		assertThat(SubmissionState.editableGuard().getCriteriaObject())
			.isEqualTo(new Document("state", new Document("$in", List.of("DRAFT", "RETURNED"))));
		assertThat(SubmissionState.DRAFT.editable()).isTrue();
		assertThat(SubmissionState.RETURNED.editable()).isTrue();
		assertThat(SubmissionState.SUBMITTED.editable()).isFalse();
	}

	@Test
	void whenStoredValuesAreReadThenTheNamesAreTheOnesAlwaysStored() {
		assertThat(SubmissionState.values()).extracting(Enum::name).containsExactly("DRAFT", "SUBMITTED", "RETURNED");
		assertThat(SubmissionState.of("RETURNED")).isEqualTo(SubmissionState.RETURNED);
		assertThat(SubmissionState.of(null)).isNull();
	}

	@Test
	void whenShownThenThePublishedEnumerationIsExactlyTheIssuesOne() {
		assertThat(ReportStatus.values()).extracting(Enum::name)
			.containsExactly("NOT_STARTED", "DRAFT", "SUBMITTED", "RETURNED", "LATE");
	}

	@Test
	void whenShownBeforeTheDeadlineThenTheStoredStateOrNotStarted() {
		assertThat(ReportStatus.of(null, false)).isEqualTo(ReportStatus.NOT_STARTED);
		assertThat(ReportStatus.of(SubmissionState.DRAFT, false)).isEqualTo(ReportStatus.DRAFT);
		assertThat(ReportStatus.of(SubmissionState.RETURNED, false)).isEqualTo(ReportStatus.RETURNED);
		assertThat(ReportStatus.of(SubmissionState.SUBMITTED, false)).isEqualTo(ReportStatus.SUBMITTED);
	}

	@Test
	void whenShownPastTheDeadlineThenEverythingNotSubmittedIsLate() {
		assertThat(ReportStatus.of(null, true)).isEqualTo(ReportStatus.LATE);
		assertThat(ReportStatus.of(SubmissionState.DRAFT, true)).isEqualTo(ReportStatus.LATE);
		assertThat(ReportStatus.of(SubmissionState.RETURNED, true)).isEqualTo(ReportStatus.LATE);
		assertThat(ReportStatus.of(SubmissionState.SUBMITTED, true)).isEqualTo(ReportStatus.SUBMITTED);
	}

}
