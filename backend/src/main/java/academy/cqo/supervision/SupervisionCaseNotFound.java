package academy.cqo.supervision;

import academy.cqo.shared.NotFound;

/**
 * No such case for the caller: it does not exist, or it lies outside the caller's
 * jurisdiction or belongs to another enterprise (the same answer, so nothing leaks).
 */
public class SupervisionCaseNotFound extends NotFound {

	public SupervisionCaseNotFound(String id) {
		super("supervision case", id);
	}

}
