package academy.cqo.questionbank;

import academy.cqo.shared.NotAllowed;

/**
 * The caller may read this question bank but not change it.
 */
public class BankNotEditable extends NotAllowed {

	public BankNotEditable() {
		super("question bank not editable by the caller");
	}

}
