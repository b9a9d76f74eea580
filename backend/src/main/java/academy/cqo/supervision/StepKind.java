package academy.cqo.supervision;

import org.springframework.data.mongodb.core.query.Criteria;

/**
 * A step of a case, with the state it leads to: the bureau's {@code INTERVIEW},
 * {@code WARNING}, {@code EXIT} and {@code CLOSE}; the case's {@code OPENED}, the
 * enterprise's {@code RECTIFICATION} and the sweep's {@code ESCALATION}.
 */
public enum StepKind {

	OPENED(CaseState.OPEN, false), INTERVIEW(null, true), WARNING(CaseState.OPEN, true), EXIT(CaseState.EXITED, true),
	CLOSE(CaseState.CLOSED, true), RECTIFICATION(CaseState.RECTIFIED, false), ESCALATION(CaseState.ESCALATED, false);

	private final CaseState outcome;

	private final boolean bureau;

	StepKind(CaseState outcome, boolean bureau) {
		this.outcome = outcome;
		this.bureau = bureau;
	}

	/**
	 * The state a case is in after this step.
	 * @return the state, or {@code null} when the step leaves it as it is
	 */
	public CaseState outcome() {
		return this.outcome;
	}

	/** An administrator records this step on a case (the others come with it). */
	public boolean bureau() {
		return this.bureau;
	}

	/**
	 * The store's guard for adding this step to a case.
	 * @return {@code state} in the states this step may follow
	 * @throws IllegalStateException for {@link #OPENED}, which starts a case
	 */
	public Criteria guard() {
		if (this == OPENED) {
			throw new IllegalStateException("A case is opened by inserting it");
		}
		return (this.outcome != null) ? this.outcome.guard() : CaseState.activeGuard();
	}

}
