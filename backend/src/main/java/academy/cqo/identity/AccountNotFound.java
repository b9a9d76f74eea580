package academy.cqo.identity;

import academy.cqo.shared.NotFound;

/**
 * No such account for the caller: it does not exist, or it lies outside the caller's
 * jurisdiction (the same answer, so nothing leaks).
 */
public class AccountNotFound extends NotFound {

	public AccountNotFound(String username) {
		super("account", username);
	}

}
