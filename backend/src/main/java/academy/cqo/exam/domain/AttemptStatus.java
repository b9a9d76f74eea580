package academy.cqo.exam.domain;

import academy.cqo.shared.Lifecycle;

/**
 * Where an attempt stands, and the only moves between: an open attempt is submitted once
 * (by the candidate, the deadline or the integrity rules), a submitted one becomes final
 * once (graded at once, or when the last essay is marked). Nothing leaves {@link #GRADED}
 * (a regrade changes marks, not the status). Every conditional update of an attempt
 * filters with this table's guards ({@link #moveGuard}, {@link #stillIn}).
 */
public enum AttemptStatus implements Lifecycle<AttemptStatus> {

	/** Open: answers, flags and events are taken until submitted. */
	IN_PROGRESS,

	/** Submitted; awaiting grading or a person's marks. */
	SUBMITTED,

	/** Final: score and outcome are set. */
	GRADED;

	/** The stored field. */
	public static final String FIELD = "status";

	@Override
	public boolean canMoveTo(AttemptStatus next) {
		return switch (this) {
			case IN_PROGRESS -> next == SUBMITTED;
			case SUBMITTED -> next == GRADED;
			case GRADED -> false;
		};
	}

	@Override
	public String field() {
		return FIELD;
	}

	/**
	 * The status a stored value names.
	 * @param stored the stored value
	 * @return the status
	 * @throws IllegalArgumentException for a value that names none
	 */
	public static AttemptStatus from(String stored) {
		return Lifecycle.from(AttemptStatus.class, stored);
	}

}
