package academy.cqo.filing;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * A filing was changed that the enterprise may no longer change: it is submitted or
 * decided (only a draft or a returned filing is editable).
 */
public class FilingNotEditable extends Conflict {

	public FilingNotEditable(String state) {
		super(FieldViolation.of("state", "filing.state.notEditable", state));
	}

}
