package academy.cqo.exam;

import java.time.Instant;

/**
 * What a session is.
 *
 * @param examId the exam
 * @param title a title (2026年第一期)
 * @param opensAt when attempts may start
 * @param closesAt when every attempt ends at the latest
 * @param regionScope only candidates of this region (a GB/T 2260 prefix); {@code null}
 * for all
 * @param capacity the most candidates; {@code null} for no limit
 * @param requiredCourseId a course candidates must have completed; {@code null} for none
 * @param resultsAt when results are released; {@code null} at once
 * @param requiresFiling only candidates whose appointment as CQO is filed and approved
 * (先聘任后培训); {@code null} or {@code false} for anyone
 */
public record SessionDefinition(String examId, String title, Instant opensAt, Instant closesAt, String regionScope,
		Integer capacity, String requiredCourseId, Instant resultsAt, Boolean requiresFiling) {

	public SessionDefinition(String examId, String title, Instant opensAt, Instant closesAt, String regionScope,
			Integer capacity, String requiredCourseId, Instant resultsAt) {
		this(examId, title, opensAt, closesAt, regionScope, capacity, requiredCourseId, resultsAt, null);
	}

	/**
	 * Whether the session requires an approved filing.
	 * @return {@code true} only when asked for
	 */
	public boolean filingRequired() {
		return Boolean.TRUE.equals(this.requiresFiling);
	}

}
