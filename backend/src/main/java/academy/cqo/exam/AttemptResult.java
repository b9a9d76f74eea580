package academy.cqo.exam;

import java.time.Instant;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.SessionDocument;

/**
 * The final result of a graded attempt of a qualifying exam, pass or fail, as reports
 * count it (a pass rate per session, the month of a candidate's first pass). Handed to
 * every {@link ResultHandler} whenever a result becomes final or changes (grading,
 * marking, regrading), and read in one pass by {@link AttemptResults} for
 * reconciliations.
 *
 * @param attemptId the attempt
 * @param sessionId the session
 * @param sessionClosesAt when the session closes
 * @param accountId the candidate's account
 * @param passed whether it passed
 * @param score the score
 * @param startedAt when the attempt started
 */
public record AttemptResult(String attemptId, String sessionId, Instant sessionClosesAt, String accountId,
		boolean passed, Double score, Instant startedAt) {

	/**
	 * The result of an attempt, if it is final.
	 * @param attempt the attempt
	 * @param session its session
	 * @return the result, or {@code null} while it is not graded and final
	 */
	static AttemptResult of(AttemptDocument attempt, SessionDocument session) {
		if (attempt.state() != AttemptStatus.GRADED || attempt.passed() == null || attempt.startedAt() == null) {
			return null;
		}
		return new AttemptResult(attempt.id(), attempt.sessionId(), session.closesAt(), attempt.accountId(),
				attempt.passed(), attempt.score(), attempt.startedAt());
	}

}
