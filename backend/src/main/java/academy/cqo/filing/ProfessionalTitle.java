package academy.cqo.filing;

/** 职称 (published enumeration), highest first. */
public enum ProfessionalTitle {

	SENIOR, DEPUTY_SENIOR, INTERMEDIATE, JUNIOR, NONE;

	/** Whether this is at least another level. */
	public boolean atLeast(ProfessionalTitle level) {
		return ordinal() <= level.ordinal();
	}

}
