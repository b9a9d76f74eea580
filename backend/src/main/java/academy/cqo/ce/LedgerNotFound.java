package academy.cqo.ce;

import academy.cqo.shared.NotFound;

/**
 * No continuing-education ledger for this account: there is no such account.
 */
public class LedgerNotFound extends NotFound {

	public LedgerNotFound(String accountId) {
		super("continuing-education ledger", accountId);
	}

}
