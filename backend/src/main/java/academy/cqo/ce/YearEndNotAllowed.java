package academy.cqo.ce;

import academy.cqo.shared.NotAllowed;

/**
 * Only an administrator of a province closes a continuing-education year.
 */
public class YearEndNotAllowed extends NotAllowed {

	public YearEndNotAllowed() {
		super("year end by a non-province administrator");
	}

}
