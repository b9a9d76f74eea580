package academy.cqo.filing;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * The filed CQO has an account of their own meanwhile: there is no invitation to renew.
 */
public class CqoRegistered extends Conflict {

	public CqoRegistered() {
		super(FieldViolation.of("cqo.idNumber", "filing.cqo.registered"));
	}

}
