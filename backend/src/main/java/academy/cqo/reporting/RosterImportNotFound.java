package academy.cqo.reporting;

import academy.cqo.shared.NotFound;

/**
 * No such roster import for the caller: it does not exist, or it was checked by an
 * administrator outside the caller's jurisdiction.
 */
public class RosterImportNotFound extends NotFound {

	public RosterImportNotFound(String importId) {
		super("roster import", importId);
	}

}
