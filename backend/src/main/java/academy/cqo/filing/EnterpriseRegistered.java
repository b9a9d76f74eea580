package academy.cqo.filing;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * An enterprise with this credit code is registered already (one per credit code).
 */
public class EnterpriseRegistered extends Conflict {

	public EnterpriseRegistered(String creditCode) {
		super(FieldViolation.of("creditCode", "filing.enterprise.registered", creditCode));
	}

}
