package academy.cqo.supervision;

import academy.cqo.shared.NotFound;

/**
 * No such award round or nomination for the caller (another province's, or outside the
 * caller's jurisdiction: the same answer).
 */
public class AwardNotFound extends NotFound {

	public AwardNotFound(String id) {
		super("award round or nomination", id);
	}

}
