package academy.cqo.filing;

/** 企业规模 (published enumeration): 大型、中型、小型、微型. */
public enum EnterpriseSize {

	LARGE, MEDIUM, SMALL, MICRO;

	/** Whether relaxed eligibility rules for small and micro enterprises may apply. */
	public boolean smallOrMicro() {
		return this == SMALL || this == MICRO;
	}

}
