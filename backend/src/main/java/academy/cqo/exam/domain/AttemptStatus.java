package academy.cqo.exam.domain;

import java.util.Arrays;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * Where an attempt stands, and the only moves between: an open attempt is submitted once
 * (by the candidate, the deadline or the integrity rules), a submitted one becomes final
 * once (graded at once, or when the last essay is marked). Nothing leaves {@link #GRADED}
 * (a regrade changes marks, not the status). The stored value is the constant's name.
 *
 * <p>
 * The store's guards come from here too: every conditional update of an attempt filters
 * with {@link #moveGuard} (a move into a status) or {@link #stillIn} (a change while in
 * one), so the table and the store cannot disagree.
 */
public enum AttemptStatus {

	/** Open: answers, flags and events are taken until submitted. */
	IN_PROGRESS,

	/** Submitted; awaiting grading or a person's marks. */
	SUBMITTED,

	/** Final: score and outcome are set. */
	GRADED;

	/** The stored field. */
	public static final String FIELD = "status";

	/**
	 * Whether an attempt in this status may move to another.
	 * @param next the status it would move to
	 * @return whether the move is allowed
	 */
	public boolean canMoveTo(AttemptStatus next) {
		return switch (this) {
			case IN_PROGRESS -> next == SUBMITTED;
			case SUBMITTED -> next == GRADED;
			case GRADED -> false;
		};
	}

	/**
	 * The statuses an attempt may move to this one from.
	 * @return them, in declaration order
	 */
	public List<AttemptStatus> predecessors() {
		return Arrays.stream(values()).filter((status) -> status.canMoveTo(this)).toList();
	}

	/**
	 * The store's guard for a move into this status: the given criteria and the stored
	 * status being one it may be reached from.
	 * @param where the attempt (its {@code _id}, …)
	 * @return the criteria of the conditional update
	 * @throws IllegalStateException for a status nothing moves into
	 */
	public Criteria moveGuard(Criteria where) {
		List<AttemptStatus> from = predecessors();
		if (from.isEmpty()) {
			throw new IllegalStateException("Nothing moves into " + this);
		}
		return (from.size() == 1) ? where.and(FIELD).is(from.get(0).name())
				: where.and(FIELD).in(from.stream().map(AttemptStatus::name).toList());
	}

	/**
	 * The store's guard for a change made while in this status (a flag while open, a mark
	 * while submitted), or the filter of a query for attempts in it.
	 * @param where the attempt or attempts
	 * @return the criteria
	 */
	public Criteria stillIn(Criteria where) {
		return where.and(FIELD).is(name());
	}

	/**
	 * The filter of a query for attempts in this status.
	 * @return the criteria
	 */
	public Criteria stillIn() {
		return Criteria.where(FIELD).is(name());
	}

	/**
	 * The status a stored value names.
	 * @param stored the stored value
	 * @return the status
	 * @throws IllegalArgumentException for a value that names none
	 */
	public static AttemptStatus from(String stored) {
		if (stored == null) {
			throw new IllegalArgumentException("An attempt without a status");
		}
		return valueOf(stored);
	}

}
