package academy.cqo.filing;

import academy.cqo.shared.NotFound;

/**
 * No such enterprise for the caller: it does not exist, or it is outside what the caller
 * may see (the same answer, so nothing leaks).
 */
public class EnterpriseNotFound extends NotFound {

	public EnterpriseNotFound(String creditCode) {
		super("enterprise", creditCode);
	}

}
