package academy.cqo.reporting.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * The state of a roster import, with its transitions in one place: a checked import is
 * {@link #PREVIEWED}; confirmation takes it {@link #APPLYING} (also again, to finish an
 * interrupted application), and when every row is written it is {@link #APPLIED}. Stored
 * as the constant's name in the field {@code state}.
 */
public enum RosterImportState {

	/** Checked, the difference shown, awaiting confirmation. */
	PREVIEWED,
	/** Confirmed; its rows are being written. */
	APPLYING,
	/** Every row written, the counties' other entries removed. */
	APPLIED;

	/** The stored field. */
	public static final String FIELD = "state";

	/**
	 * The states an import may be in just before it moves into this one
	 * ({@link #PREVIEWED} is only ever created).
	 * @return the predecessors
	 */
	public Set<RosterImportState> predecessors() {
		return switch (this) {
			case PREVIEWED -> EnumSet.noneOf(RosterImportState.class);
			case APPLYING -> EnumSet.of(PREVIEWED, APPLYING);
			case APPLIED -> EnumSet.of(APPLYING);
		};
	}

	/**
	 * Whether an import in this state may move to another.
	 * @param next the state after
	 * @return whether the move is allowed
	 */
	public boolean canMoveTo(RosterImportState next) {
		return next.predecessors().contains(this);
	}

	/**
	 * The store's guard for moving an import into this state.
	 * @return {@code state} in the predecessors
	 */
	public Criteria guard() {
		List<String> names = predecessors().stream().map(Enum::name).toList();
		return Criteria.where(FIELD).in(names);
	}

}
