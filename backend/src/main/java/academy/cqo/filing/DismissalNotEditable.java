package academy.cqo.filing;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * A dismissal filing was edited: it has no form to change.
 */
public class DismissalNotEditable extends Conflict {

	public DismissalNotEditable() {
		super(FieldViolation.of("kind", "filing.dismissal.notEditable"));
	}

}
