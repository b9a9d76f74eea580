package academy.cqo.supervision;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * The enterprise filed a rectification report on a case that is neither open nor
 * escalated (rectified already, exited or closed).
 */
public class CaseNotRectifiable extends Conflict {

	public CaseNotRectifiable(String state) {
		super(FieldViolation.of("state", "supervision.state.notRectifiable", state));
	}

}
