package academy.cqo.exam;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * The attempt is not awaiting a person's marks (still open, or already final).
 */
public class AttemptNotAwaitingMarks extends Conflict {

	public AttemptNotAwaitingMarks() {
		super(FieldViolation.of("attempt", "exam.mark.closed"));
	}

}
