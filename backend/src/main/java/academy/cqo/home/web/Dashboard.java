package academy.cqo.home.web;

import java.time.LocalDate;
import java.util.List;

/**
 * The bureau dashboard of one region: what the page draws, the JSON answers and the Excel
 * download holds (one record, so the three show the same numbers).
 *
 * @param regionCode the region shown
 * @param regionName its full name
 * @param level {@code PROVINCE}, {@code CITY} or {@code COUNTY}
 * @param year the year of the CE figures
 * @param coverage 规上 coverage against its target
 * @param training CQOs trained of the roster against its target
 * @param barsBy {@code REGION} (one bar per subordinate region) or {@code INDUSTRY} (a
 * county: one bar per GB/T 4754 section of its roster)
 * @param bars the bars
 * @param months the last 12 months, oldest first, in the platform zone
 * @param sessions recent qualifying exam sessions, newest first
 * @param ce CE completion of the roster enterprises' CQOs
 * @param pending work waiting for the bureau
 * @param sampling the region's sampling draws, newest first
 */
public record Dashboard(String regionCode, String regionName, String level, int year, Gauge coverage, Gauge training,
		String barsBy, List<Bar> bars, List<Month> months, List<Session> sessions, Ce ce, Pending pending,
		List<Sampling> sampling) {

	/**
	 * A figure against its target.
	 *
	 * @param rate achieved / base (0 when the base is 0)
	 * @param target the target rate
	 * @param achieved enterprises counted
	 * @param base enterprises the rate is of
	 * @param gap enterprises still missing to reach the target
	 * @param dueDate the target's date
	 * @param daysLeft days until it (0 when passed)
	 * @param met whether the target is reached
	 */
	public record Gauge(double rate, double target, long achieved, long base, long gap, LocalDate dueDate,
			long daysLeft, boolean met) {

		public long percent() {
			return Math.round(this.rate * 100);
		}

		public long targetPercent() {
			return Math.round(this.target * 100);
		}

	}

	/**
	 * One bar: a subordinate region or an industry.
	 *
	 * @param key the region code or the industry's section letter
	 * @param name its name
	 * @param rosterEnterprises roster enterprises
	 * @param aboveScale of them 规上
	 * @param aboveScaleFiled 规上 with a filed CQO
	 * @param coverageRate aboveScaleFiled / aboveScale
	 * @param trained with a trained CQO
	 * @param trainedOfRoster trained / rosterEnterprises
	 * @param certified with a certified CQO
	 * @param ceMet whose CQO met CE
	 */
	public record Bar(String key, String name, long rosterEnterprises, long aboveScale, long aboveScaleFiled,
			double coverageRate, long trained, double trainedOfRoster, long certified, long ceMet) {

		public long coveragePercent() {
			return Math.round(this.coverageRate * 100);
		}

		public long trainedPercent() {
			return Math.round(this.trainedOfRoster * 100);
		}

	}

	/**
	 * One month of the trend.
	 *
	 * @param month {@code YYYY-MM}
	 * @param filingsApproved appointment filings of enterprises in the region approved
	 * that month
	 * @param trained candidates of the region whose first pass of a qualifying exam was
	 * that month
	 * @param certificatesIssued certificates of holders in the region issued that month
	 */
	public record Month(String month, long filingsApproved, long trained, long certificatesIssued) {
	}

	/**
	 * A qualifying exam session's results among the region's candidates.
	 *
	 * @param sessionId the session
	 * @param title its title and exam
	 * @param closesAt when it closes
	 * @param graded graded attempts
	 * @param passed passed attempts
	 * @param passRate passed / graded (0 when none)
	 * @param averageScore the mean score of the graded attempts, or {@code null}
	 */
	public record Session(String sessionId, String title, java.time.Instant closesAt, long graded, long passed,
			double passRate, Double averageScore) {

		public long passPercent() {
			return Math.round(this.passRate * 100);
		}

	}

	/**
	 * CE completion this year.
	 *
	 * @param filed roster enterprises with a filed CQO
	 * @param met of them whose CQO met the year's CE hours
	 * @param rate met / filed
	 */
	public record Ce(long filed, long met, double rate) {

		public long percent() {
			return Math.round(this.rate * 100);
		}

	}

	/**
	 * Work waiting for the bureau.
	 *
	 * @param filingsToReview submitted filings
	 * @param claimsToReview pending CE claims
	 * @param reportsDue 附件3 reports of the region not submitted, deadline not passed
	 * @param reportsLate 附件3 reports not submitted after the deadline
	 * @param casesOverdue open or escalated supervision cases whose deadline passed
	 * @param firstRoundId the round with the most reports due or late, or {@code null}
	 */
	public record Pending(long filingsToReview, long claimsToReview, long reportsDue, long reportsLate,
			long casesOverdue, String firstRoundId) {
	}

	/**
	 * A sampling draw's results.
	 *
	 * @param drawId the draw
	 * @param regionCode its region
	 * @param regionName the region's name
	 * @param createdAt when drawn
	 * @param drawn enterprises drawn
	 * @param assigned drawn enterprises with a CQO assigned to the draw's session
	 * @param examined assigned CQOs with a final result
	 * @param passed of them passed
	 * @param failed of them failed
	 * @param failures each failure with its supervision case, if one was opened
	 */
	public record Sampling(String drawId, String regionCode, String regionName, java.time.Instant createdAt, long drawn,
			long assigned, long examined, long passed, long failed, List<Failure> failures) {
	}

	/**
	 * A failed sampled CQO.
	 *
	 * @param creditCode the enterprise
	 * @param cqoName the CQO
	 * @param score the best score
	 * @param caseId the supervision case, or {@code null} when none was opened yet
	 */
	public record Failure(String creditCode, String cqoName, Double score, String caseId) {
	}

}
