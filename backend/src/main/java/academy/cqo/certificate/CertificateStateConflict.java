package academy.cqo.certificate;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * The certificate's state does not allow the change asked for (reinstating an active one,
 * suspending a revoked one, a change racing another).
 */
public class CertificateStateConflict extends Conflict {

	public CertificateStateConflict(String currentState) {
		super(FieldViolation.of("state", "certificate.state.conflict", String.valueOf(currentState)));
	}

}
