package academy.cqo.filing;

/** 学历 (published enumeration), highest first. */
public enum Education {

	DOCTORATE, MASTER, BACHELOR, JUNIOR_COLLEGE, TECHNICAL_SECONDARY, OTHER;

	/**
	 * Whether this is at least another level (a doctorate is at least a bachelor's
	 * degree).
	 */
	public boolean atLeast(Education level) {
		return ordinal() <= level.ordinal();
	}

}
