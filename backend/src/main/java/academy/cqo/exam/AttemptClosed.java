package academy.cqo.exam;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * The attempt no longer takes answers or flags: it was submitted (by the candidate, the
 * deadline or the integrity rules) or its time is up.
 */
public class AttemptClosed extends Conflict {

	public AttemptClosed() {
		super(FieldViolation.of("attempt", "exam.attempt.closed"));
	}

}
