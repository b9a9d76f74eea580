package academy.cqo.exam;

import academy.cqo.shared.NotFound;

/**
 * No such exam session for the caller: it does not exist, or it is not open to the
 * caller.
 */
public class SessionNotFound extends NotFound {

	public SessionNotFound(String sessionId) {
		super("exam session", sessionId);
	}

}
