package academy.cqo.ce.domain;

import academy.cqo.shared.Lifecycle;

/**
 * Where a line of a CE ledger stands: a completed course module is {@link #CREDITED} from
 * the start; a claim for an external activity is {@link #PENDING} until an administrator
 * approves or rejects it, once. Credited and approved hours count.
 */
public enum CeEntryState implements Lifecycle<CeEntryState> {

	/** A claim awaiting an administrator's decision. */
	PENDING,

	/** A claim approved; its hours count. */
	APPROVED,

	/** A claim rejected, with a reason. */
	REJECTED,

	/** A completed course module; its hours count. */
	CREDITED;

	/** The stored field of a claim. */
	public static final String FIELD = "state";

	@Override
	public boolean canMoveTo(CeEntryState next) {
		return this == PENDING && (next == APPROVED || next == REJECTED);
	}

	@Override
	public String field() {
		return FIELD;
	}

	/**
	 * Whether hours in this state count towards the requirement.
	 * @return whether they count
	 */
	public boolean counts() {
		return this == CREDITED || this == APPROVED;
	}

	/**
	 * The state a stored value names.
	 * @param stored the stored value
	 * @return the state
	 */
	public static CeEntryState from(String stored) {
		return Lifecycle.from(CeEntryState.class, stored);
	}

}
