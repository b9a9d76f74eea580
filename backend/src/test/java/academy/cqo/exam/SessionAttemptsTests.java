package academy.cqo.exam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptDocument.AttemptEvent;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An attempt as staff see it in a session's list: progress, result and the integrity log.
 */
class SessionAttemptsTests {

	@Test
	void whenAnAttemptLeftThePageTwiceThenStaffSeeTheCountAnsweredQuestionsAndTheLog() {
		AttemptDocument graded = AttemptFixtures.gradedAttempt(
				List.of(AttemptFixtures.onPaper("q1", AttemptFixtures.single("谁负责？", "a")),
						AttemptFixtures.onPaper("q2", AttemptFixtures.trueFalse(true))),
				Map.of("q1", AttemptFixtures.answer("a")),
				List.of(new QuestionResult("q1", 10.0, true), new QuestionResult("q2", 0.0, false)), 10, false);
		List<AttemptEvent> events = new ArrayList<>(graded.events());
		events.add(new AttemptEvent("FOCUS_LOST", AttemptFixtures.STARTED.plusSeconds(10), "10.0.0.1", null));
		events.add(new AttemptEvent("FOCUS_BACK", AttemptFixtures.STARTED.plusSeconds(20), "10.0.0.1", null));
		events.add(new AttemptEvent("FOCUS_LOST", AttemptFixtures.STARTED.plusSeconds(30), "10.0.0.1", null));
		AttemptDocument attempt = new AttemptDocument(graded.id(), graded.sessionId(), graded.examId(),
				graded.accountId(), graded.username(), graded.number(), graded.status(), graded.startedAt(),
				graded.deadline(), graded.seed(), graded.paper(), graded.answers(), graded.flagged(), events,
				graded.browserToken(), graded.startedFrom(), graded.submittedAt(), graded.submittedBy(),
				graded.results(), graded.score(), graded.maxScore(), graded.passed(), graded.gradedAt(), false);

		SessionAttempts.StaffAttempt staff = SessionAttempts.StaffAttempt.of(attempt);

		assertThat(staff.username()).isEqualTo("candidate");
		assertThat(staff.answered()).isEqualTo(1);
		assertThat(staff.questions()).isEqualTo(2);
		assertThat(staff.focusLosses()).isEqualTo(2);
		assertThat(staff.events()).hasSize(5);
		assertThat(staff.score()).isEqualTo(10.0);
		assertThat(staff.passed()).isFalse();
		assertThat(staff.submittedBy()).isEqualTo("CANDIDATE");
		assertThat(staff.startedFrom()).isEqualTo("10.0.0.1");
	}

}
