package academy.cqo.reporting.domain;

/**
 * A report's status as the API shows it (a published enumeration): the stored
 * {@link SubmissionState}, or {@link #NOT_STARTED} when there is no report yet, and
 * {@link #LATE} for a report not submitted once the deadline has passed.
 */
public enum ReportStatus {

	NOT_STARTED, DRAFT, SUBMITTED, RETURNED, LATE;

	/**
	 * The status shown for a report.
	 * @param stored the stored state, or {@code null} when there is no report
	 * @param pastDue whether the round's deadline has passed
	 * @return the status
	 */
	public static ReportStatus of(SubmissionState stored, boolean pastDue) {
		if (stored == SubmissionState.SUBMITTED) {
			return SUBMITTED;
		}
		if (pastDue) {
			return LATE;
		}
		if (stored == null) {
			return NOT_STARTED;
		}
		return valueOf(stored.name());
	}

}
