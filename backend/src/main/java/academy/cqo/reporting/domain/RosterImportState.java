package academy.cqo.reporting.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

import academy.cqo.shared.Lifecycle;

/**
 * The state of a roster import, with its transitions in one place: a checked import is
 * {@link #PREVIEWED}; confirmation takes it {@link #APPLYING} (also again, to finish an
 * interrupted application), and when every row is written it is {@link #APPLIED}. Stored
 * as the constant's name in the field {@code state}.
 */
public enum RosterImportState implements Lifecycle<RosterImportState> {

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
	 * @param state the state moved into
	 * @return the predecessors
	 */
	private static Set<RosterImportState> from(RosterImportState state) {
		return switch (state) {
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
	@Override
	public boolean canMoveTo(RosterImportState next) {
		return from(next).contains(this);
	}

	@Override
	public String field() {
		return FIELD;
	}

}
