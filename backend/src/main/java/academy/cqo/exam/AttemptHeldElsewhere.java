package academy.cqo.exam;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * Another browser page took the attempt over; this page can no longer save.
 */
public class AttemptHeldElsewhere extends Conflict {

	public AttemptHeldElsewhere() {
		super(FieldViolation.of("attempt", "exam.attempt.otherWindow"));
	}

}
