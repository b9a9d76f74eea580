package academy.cqo.questionbank;

import academy.cqo.shared.NotFound;

/**
 * No such question bank for the caller: it does not exist, or the caller may not read it.
 */
public class BankNotFound extends NotFound {

	public BankNotFound(String bankId) {
		super("question bank", bankId);
	}

}
