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
 */
public record SessionDefinition(String examId, String title, Instant opensAt, Instant closesAt, String regionScope,
		Integer capacity, String requiredCourseId, Instant resultsAt) {
}
