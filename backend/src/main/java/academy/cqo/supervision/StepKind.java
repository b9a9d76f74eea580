package academy.cqo.supervision;

/**
 * A step of a case: the bureau's {@code INTERVIEW}, {@code WARNING}, {@code EXIT} and
 * {@code CLOSE}; the case's {@code OPENED}, the enterprise's {@code RECTIFICATION} and
 * the sweep's {@code ESCALATION}.
 */
public enum StepKind {

	OPENED, INTERVIEW, WARNING, EXIT, CLOSE, RECTIFICATION, ESCALATION

}
