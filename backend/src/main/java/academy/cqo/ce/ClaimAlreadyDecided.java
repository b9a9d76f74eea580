package academy.cqo.ce;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * The claim was already approved or rejected.
 */
public class ClaimAlreadyDecided extends Conflict {

	public ClaimAlreadyDecided() {
		super(FieldViolation.of("state", "ce.claim.decided"));
	}

}
