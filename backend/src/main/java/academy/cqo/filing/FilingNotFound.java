package academy.cqo.filing;

import academy.cqo.shared.NotFound;

/**
 * No such filing for the caller: it does not exist, or it belongs to another enterprise
 * or lies outside the caller's jurisdiction (the same answer, so nothing leaks).
 */
public class FilingNotFound extends NotFound {

	public FilingNotFound(String id) {
		super("filing", id);
	}

}
