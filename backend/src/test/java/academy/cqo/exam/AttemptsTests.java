package academy.cqo.exam;

import java.util.List;

import org.junit.jupiter.api.Test;

import academy.cqo.exam.persistence.SessionDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deadline fixed at the start: the time limit plus the candidate's extra time, never
 * after the session closes.
 */
class AttemptsTests {

	private final ExamDefinition exam = AttemptFixtures.exam(ReviewPolicy.SCORE_ONLY);

	@Test
	void whenACandidateStartsThenTheDeadlineIsTheTimeLimitLaterPlusTheirExtraTime() {
		SessionDocument session = AttemptFixtures.session(List.of(new SessionDocument.Adjustment("slow", 900, 0)));

		assertThat(Attempts.deadline(session, this.exam, "candidate", AttemptFixtures.STARTED))
			.isEqualTo(AttemptFixtures.STARTED.plusSeconds(3600));
		assertThat(Attempts.deadline(session, this.exam, "slow", AttemptFixtures.STARTED))
			.isEqualTo(AttemptFixtures.STARTED.plusSeconds(4500));
	}

	@Test
	void whenTheSessionClosesBeforeTheTimeLimitThenTheDeadlineIsTheClose() {
		SessionDocument session = AttemptFixtures.session(List.of());
		var lateStart = session.closesAt().minusSeconds(600);

		assertThat(Attempts.deadline(session, this.exam, "candidate", lateStart)).isEqualTo(session.closesAt());
	}

}
