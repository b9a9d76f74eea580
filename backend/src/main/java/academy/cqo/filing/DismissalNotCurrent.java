package academy.cqo.filing;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * A dismissal was asked for an appointment that is not the enterprise's current one.
 */
public class DismissalNotCurrent extends Conflict {

	public DismissalNotCurrent() {
		super(FieldViolation.of("filing", "filing.dismissal.notCurrent"));
	}

}
