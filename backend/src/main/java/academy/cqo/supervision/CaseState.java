package academy.cqo.supervision;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Where a supervision case stands, with its transitions in one place: a case is opened
 * {@link #OPEN}; while active (open, rectified or escalated) the bureau may warn (back to
 * open, with a new deadline), close it or decide the exit; the enterprise rectifies an
 * open or escalated case; the sweep escalates an open case whose deadline passed. Which
 * step leads where is {@link StepKind#outcome()}. Stored as the constant's name in the
 * field {@code state}.
 */
public enum CaseState {

	/** Open; a rectification may be due. */
	OPEN,
	/** The enterprise filed its rectification report. */
	RECTIFIED,
	/** The rectification deadline passed without a report. */
	ESCALATED,
	/** The appointment ended and the certificate was suspended or revoked. */
	EXITED,
	/** Closed by the bureau. */
	CLOSED;

	/** The stored field. */
	public static final String FIELD = "state";

	private static final Set<CaseState> ACTIVE = EnumSet.of(OPEN, RECTIFIED, ESCALATED);

	/** Steps may still be added: the case is neither exited nor closed. */
	public boolean active() {
		return ACTIVE.contains(this);
	}

	/**
	 * The states a case may be in just before it moves into this one.
	 * @return the predecessors
	 */
	public Set<CaseState> predecessors() {
		return switch (this) {
			case OPEN, EXITED, CLOSED -> EnumSet.copyOf(ACTIVE);
			case RECTIFIED -> EnumSet.of(OPEN, ESCALATED);
			case ESCALATED -> EnumSet.of(OPEN);
		};
	}

	/**
	 * Whether a case in this state may move to another.
	 * @param next the state after
	 * @return whether the move is allowed
	 */
	public boolean canMoveTo(CaseState next) {
		return next.predecessors().contains(this);
	}

	/**
	 * The store's guard for moving a case into this state.
	 * @return {@code state} in the predecessors
	 */
	public Criteria guard() {
		return in(predecessors());
	}

	/**
	 * The store's filter for cases in this state.
	 * @return {@code state} is this one
	 */
	public Criteria criteria() {
		return Criteria.where(FIELD).is(name());
	}

	/**
	 * The store's guard for a step that leaves the state as it is.
	 * @return {@code state} is an active one
	 */
	public static Criteria activeGuard() {
		return in(ACTIVE);
	}

	/**
	 * Whether a stored state is an active one.
	 * @param stored a stored name, or {@code null}
	 * @return whether it names an active state
	 */
	public static boolean active(String stored) {
		return stored != null && ACTIVE.stream().anyMatch((state) -> state.name().equals(stored));
	}

	private static Criteria in(Collection<CaseState> states) {
		return Criteria.where(FIELD).in(states.stream().map(Enum::name).toList());
	}

}
