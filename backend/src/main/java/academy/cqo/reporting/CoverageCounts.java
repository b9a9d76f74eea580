package academy.cqo.reporting;

import java.util.List;

/**
 * The counts of a region's roster enterprises behind its {@link CoverageFigures}, kept
 * per county in the reporting projection and summed for cities and provinces.
 *
 * @param rosterEnterprises enterprises in the roster
 * @param aboveScale of them 规上
 * @param awardWinners of them award winners
 * @param filed with a current filed CQO
 * @param aboveScaleFiled 规上 with a current filed CQO
 * @param trained whose current CQO is trained
 * @param certified whose current CQO holds a valid certificate
 * @param ceMet whose current CQO met the year's CE hours
 */
public record CoverageCounts(long rosterEnterprises, long aboveScale, long awardWinners, long filed,
		long aboveScaleFiled, long trained, long certified, long ceMet) {

	/** No enterprise. */
	public static final CoverageCounts NONE = new CoverageCounts(0, 0, 0, 0, 0, 0, 0, 0);

	/**
	 * Count standings.
	 * @param standings the standings of a region's roster enterprises
	 * @return their counts
	 */
	public static CoverageCounts of(List<Standing> standings) {
		long aboveScale = 0;
		long awardWinners = 0;
		long filed = 0;
		long aboveScaleFiled = 0;
		long trained = 0;
		long certified = 0;
		long ceMet = 0;
		for (Standing standing : standings) {
			boolean above = standing.entry().aboveScale();
			aboveScale += above ? 1 : 0;
			awardWinners += standing.entry().awardWinner() ? 1 : 0;
			filed += standing.filed() ? 1 : 0;
			aboveScaleFiled += (above && standing.filed()) ? 1 : 0;
			trained += standing.trained() ? 1 : 0;
			certified += standing.certified() ? 1 : 0;
			ceMet += standing.ceMet() ? 1 : 0;
		}
		return new CoverageCounts(standings.size(), aboveScale, awardWinners, filed, aboveScaleFiled, trained,
				certified, ceMet);
	}

	/**
	 * The same counts with another number certified.
	 * @param certifiedNow the number
	 * @return the counts
	 */
	public CoverageCounts withCertified(long certifiedNow) {
		return new CoverageCounts(this.rosterEnterprises, this.aboveScale, this.awardWinners, this.filed,
				this.aboveScaleFiled, this.trained, certifiedNow, this.ceMet);
	}

	/**
	 * Both regions' counts together.
	 * @param other another region's counts
	 * @return the sums
	 */
	public CoverageCounts plus(CoverageCounts other) {
		return new CoverageCounts(this.rosterEnterprises + other.rosterEnterprises, this.aboveScale + other.aboveScale,
				this.awardWinners + other.awardWinners, this.filed + other.filed,
				this.aboveScaleFiled + other.aboveScaleFiled, this.trained + other.trained,
				this.certified + other.certified, this.ceMet + other.ceMet);
	}

	/**
	 * The figures (with rates) of these counts.
	 * @return the figures
	 */
	public CoverageFigures figures() {
		return new CoverageFigures(this.rosterEnterprises, this.aboveScale, this.awardWinners, this.filed,
				this.aboveScaleFiled, CoverageFigures.rate(this.aboveScaleFiled, this.aboveScale), this.trained,
				CoverageFigures.rate(this.trained, this.filed),
				CoverageFigures.rate(this.trained, this.rosterEnterprises), this.certified,
				CoverageFigures.rate(this.certified, this.filed), this.ceMet);
	}

}
