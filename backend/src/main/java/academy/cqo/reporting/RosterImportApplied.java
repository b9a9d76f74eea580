package academy.cqo.reporting;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/** A roster import was confirmed that is applied already. */
public class RosterImportApplied extends Conflict {

	public RosterImportApplied() {
		super(FieldViolation.of("id", "roster.import.applied"));
	}

}
