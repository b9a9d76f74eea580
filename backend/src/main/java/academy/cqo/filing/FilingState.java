package academy.cqo.filing;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

import academy.cqo.shared.Lifecycle;

/**
 * The life of a filing, with its transitions in one place: an enterprise edits a draft
 * (or a returned filing) and submits it; the county approves, returns it for correction
 * or rejects it. The store's guard for each transition ({@link Transition#guard()}) is
 * "the state is one of {@link Transition#from()}". An approved filing's appointment may
 * later end ({@code endedBy}); that is no state of its own. Stored as the constant's name
 * in the field {@code state}.
 */
public enum FilingState implements Lifecycle<FilingState> {

	DRAFT, SUBMITTED, APPROVED, RETURNED, REJECTED;

	/** The stored field. */
	public static final String FIELD = "state";

	/** The enterprise may still change it. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
	}

	/**
	 * Whether a filing in this state may move to another: some transition leads there
	 * from here.
	 * @param next the state after
	 * @return whether the move is allowed
	 */
	@Override
	public boolean canMoveTo(FilingState next) {
		return Arrays.stream(Transition.values())
			.anyMatch((transition) -> transition.to() == next && transition.allowedFrom(this));
	}

	/**
	 * The store's guard for changing what the enterprise may still change.
	 * @return {@code state} in the editable states
	 */
	public static Criteria editableGuard() {
		return in(EnumSet.of(DRAFT, RETURNED));
	}

	@Override
	public String field() {
		return FIELD;
	}

	private static Criteria in(Collection<FilingState> states) {
		return Criteria.where(FIELD).in(states.stream().map(Enum::name).toList());
	}

	/** A transition and the states it may start from. */
	public enum Transition {

		SUBMIT(FilingState.SUBMITTED, EnumSet.of(DRAFT, RETURNED)),
		APPROVE(FilingState.APPROVED, EnumSet.of(SUBMITTED)), RETURN(FilingState.RETURNED, EnumSet.of(SUBMITTED)),
		REJECT(FilingState.REJECTED, EnumSet.of(SUBMITTED));

		private final FilingState to;

		private final Set<FilingState> from;

		Transition(FilingState to, Set<FilingState> from) {
			this.to = to;
			this.from = from;
		}

		public FilingState to() {
			return this.to;
		}

		public Set<FilingState> from() {
			return this.from;
		}

		public boolean allowedFrom(FilingState state) {
			return this.from.contains(state);
		}

		/**
		 * The store's guard for this transition.
		 * @return {@code state} in {@link #from()}
		 */
		public Criteria guard() {
			return in(this.from);
		}

	}

}
