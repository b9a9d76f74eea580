package academy.cqo.reporting;

import java.util.List;

/**
 * The counts and rates of one region (every count is of enterprises, not people).
 *
 * @param rosterEnterprises enterprises in the roster (those that must have a CQO)
 * @param aboveScale of them 规上
 * @param awardWinners of them government quality award winners
 * @param filed with a current filed CQO
 * @param aboveScaleFiled 规上 with a current filed CQO
 * @param coverageRate aboveScaleFiled / aboveScale (0 when there is none)
 * @param trained whose current CQO completed a counted course or passed an exam
 * @param trainingRate trained / filed
 * @param trainedOfRoster trained / rosterEnterprises
 * @param certified whose current CQO holds a valid certificate
 * @param certificateRate certified / filed
 * @param ceMet whose current CQO met the year's CE hours
 */
public record CoverageFigures(long rosterEnterprises, long aboveScale, long awardWinners, long filed,
		long aboveScaleFiled, double coverageRate, long trained, double trainingRate, double trainedOfRoster,
		long certified, double certificateRate, long ceMet) {

	static CoverageFigures of(List<Standing> standings) {
		return CoverageCounts.of(standings).figures();
	}

	static double rate(long part, long whole) {
		return (whole == 0) ? 0 : Math.round(part * 10000.0 / whole) / 10000.0;
	}

}
