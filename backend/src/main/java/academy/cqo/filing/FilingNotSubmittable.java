package academy.cqo.filing;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * A filing was submitted that is neither a draft nor returned.
 */
public class FilingNotSubmittable extends Conflict {

	public FilingNotSubmittable(String state) {
		super(FieldViolation.of("state", "filing.state.notSubmittable", state));
	}

}
