package academy.cqo.reporting;

import java.time.Instant;

/**
 * The graded attempts of a qualifying session among some candidates.
 *
 * @param sessionId the session
 * @param closesAt when it closes
 * @param graded graded attempts
 * @param passed of them passed
 * @param scoreSum the sum of their scores
 * @param scored how many had a score
 */
public record SessionTally(String sessionId, Instant closesAt, long graded, long passed, double scoreSum, long scored) {

	/**
	 * Both tallies of the same session together.
	 * @param other the other candidates' tally
	 * @return the sums
	 */
	public SessionTally plus(SessionTally other) {
		return new SessionTally(this.sessionId, this.closesAt, this.graded + other.graded, this.passed + other.passed,
				this.scoreSum + other.scoreSum, this.scored + other.scored);
	}

}
