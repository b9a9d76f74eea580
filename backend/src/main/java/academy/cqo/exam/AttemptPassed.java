package academy.cqo.exam;

import java.time.Instant;

import academy.cqo.exam.persistence.AttemptDocument;

/**
 * A candidate passed an exam: the attempt is graded and final. Handed to every
 * {@link PassHandler} once per attempt (again after a crash or a failed handler, so
 * handlers must be idempotent, keyed by {@code attemptId}).
 *
 * @param attemptId the attempt
 * @param examId the exam
 * @param examTitle the exam's title
 * @param qualifying whether the exam leads to the qualification certificate
 * @param sessionId the session
 * @param accountId the candidate's account
 * @param score the score
 * @param maxScore the highest possible score
 * @param passedAt when the result became final
 */
public record AttemptPassed(String attemptId, String examId, String examTitle, boolean qualifying, String sessionId,
		String accountId, double score, double maxScore, Instant passedAt) {

	static AttemptPassed of(AttemptDocument attempt, ExamDefinition exam) {
		return new AttemptPassed(attempt.id(), attempt.examId(), exam.title(), exam.qualifying(), attempt.sessionId(),
				attempt.accountId(), attempt.score(), attempt.maxScore(), attempt.gradedAt());
	}

}
