package academy.cqo.shared;

/**
 * The level of a six-digit GB/T 2260 division code: {@code 360000} a province,
 * {@code 360100} a prefecture-level city, {@code 360102} a county-level division.
 */
public enum RegionLevel {

	PROVINCE, CITY, COUNTY;

	/**
	 * The level a six-digit code denotes.
	 * @param code a six-digit division code
	 * @return its level
	 */
	public static RegionLevel of(String code) {
		if (code.endsWith("0000")) {
			return PROVINCE;
		}
		return code.endsWith("00") ? CITY : COUNTY;
	}

}
