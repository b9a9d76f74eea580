package academy.cqo.filing;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * The person is the current CQO of another enterprise (one enterprise at a time).
 */
public class CqoHeldElsewhere extends Conflict {

	public CqoHeldElsewhere() {
		super(FieldViolation.of("cqo.idNumber", "filing.cqo.heldElsewhere"));
	}

}
