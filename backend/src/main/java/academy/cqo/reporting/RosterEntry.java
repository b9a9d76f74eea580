package academy.cqo.reporting;

/**
 * An enterprise in a roster (企业名录): one per credit code.
 *
 * @param creditCode the unified social credit code
 * @param name the enterprise's name
 * @param regionCode its county
 * @param industry GB/T 4754 section letter
 * @param aboveScale 规模以上
 * @param size {@code LARGE}, {@code MEDIUM}, {@code SMALL} or {@code MICRO}
 * @param qualityAward 政府质量奖 as written (e.g. 省长质量奖2023), or {@code null}
 * @param keyCultivation 重点培育企业
 */
public record RosterEntry(String creditCode, String name, String regionCode, String industry, boolean aboveScale,
		String size, String qualityAward, boolean keyCultivation) {

	/**
	 * Whether the enterprise won a government quality award.
	 * @return {@code true} when an award is recorded
	 */
	public boolean awardWinner() {
		return this.qualityAward != null && !this.qualityAward.isBlank();
	}

}
