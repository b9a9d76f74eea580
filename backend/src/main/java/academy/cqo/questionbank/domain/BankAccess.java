package academy.cqo.questionbank.domain;

import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.questionbank.persistence.BankDocument;

/**
 * Who may see and change a bank: administrators every bank; trainers the banks they own,
 * the banks shared with them, and (to read) the official bank.
 */
public final class BankAccess {

	private BankAccess() {
	}

	public static boolean canRead(BankDocument bank, CurrentUser user) {
		if (user.has(Role.ADMIN)) {
			return true;
		}
		return user.has(Role.TRAINER) && (bank.official() || isOwnerOrShared(bank, user));
	}

	public static boolean canEdit(BankDocument bank, CurrentUser user) {
		if (user.has(Role.ADMIN)) {
			return true;
		}
		return user.has(Role.TRAINER) && !bank.official() && isOwnerOrShared(bank, user);
	}

	private static boolean isOwnerOrShared(BankDocument bank, CurrentUser user) {
		return user.accountId().equals(bank.ownerId()) || bank.sharedWith().contains(user.username());
	}

}
