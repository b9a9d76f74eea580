package academy.cqo.exam;

import java.time.Instant;

import reactor.core.publisher.Flux;

import org.springframework.stereotype.Service;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptStore;

/**
 * Read facade for modules that follow a session's outcome per person (a sampling
 * assessment): each attempt's holder, state and result.
 */
@Service
public class SessionResults {

	private final AttemptStore attempts;

	SessionResults(AttemptStore attempts) {
		this.attempts = attempts;
	}

	/**
	 * An attempt's outcome.
	 *
	 * @param accountId the candidate
	 * @param status {@code IN_PROGRESS}, {@code SUBMITTED} or {@code GRADED}
	 * @param score the score once graded
	 * @param passed whether it passed, once graded
	 * @param gradedAt when graded
	 */
	public record Result(String accountId, String status, Double score, Boolean passed, Instant gradedAt) {

		/** Whether the attempt is graded and failed. */
		public boolean failed() {
			return AttemptStatus.GRADED.name().equals(this.status) && Boolean.FALSE.equals(this.passed);
		}

		/** Whether the attempt is graded and passed. */
		public boolean succeeded() {
			return AttemptStatus.GRADED.name().equals(this.status) && Boolean.TRUE.equals(this.passed);
		}

	}

	/**
	 * Every attempt of a session.
	 * @param sessionId the session
	 * @return the outcomes
	 */
	public Flux<Result> of(String sessionId) {
		return this.attempts.findBySession(sessionId)
			.map((attempt) -> new Result(attempt.accountId(), attempt.status(), attempt.score(), attempt.passed(),
					attempt.gradedAt()));
	}

}
