package academy.cqo.filing;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * A decision was made on a filing that is no longer submitted (decided meanwhile, or
 * withdrawn for correction).
 */
public class FilingNotDecidable extends Conflict {

	public FilingNotDecidable(String state) {
		super(FieldViolation.of("state", "filing.state.notDecidable", state));
	}

}
