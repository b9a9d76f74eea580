package academy.cqo.filing;

/**
 * What a filing files: a new appointment (the first CQO, or a change of CQO that ends the
 * previous appointment on approval), a correction of the current CQO's particulars, or
 * the end of an appointment (解聘).
 */
public enum FilingKind {

	APPOINTMENT, CORRECTION, DISMISSAL

}
