package academy.cqo.exam;

import academy.cqo.shared.NotFound;

/**
 * No such attempt for the caller: it does not exist, or it is another candidate's (the
 * same answer, so nothing leaks).
 */
public class AttemptNotFound extends NotFound {

	public AttemptNotFound(String attemptId) {
		super("attempt", attemptId);
	}

}
