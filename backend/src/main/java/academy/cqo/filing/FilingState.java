package academy.cqo.filing;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a filing, with its transitions in one place: an enterprise edits a draft
 * (or a returned filing) and submits it; the county approves, returns it for correction
 * or rejects it. The store's guard for each transition is "the state is one of
 * {@link #from()}".
 */
public enum FilingState {

	DRAFT, SUBMITTED, APPROVED, RETURNED, REJECTED;

	/** The enterprise may still change it. */
	public boolean editable() {
		return this == DRAFT || this == RETURNED;
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

	}

}
