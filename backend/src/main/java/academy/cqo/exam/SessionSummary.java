package academy.cqo.exam;

import java.time.Instant;

/**
 * A session as the session list shows it.
 *
 * @param id the session
 * @param examId the exam
 * @param examTitle the exam's title
 * @param title the session's title
 * @param opensAt when it opens
 * @param closesAt when it closes
 * @param timeLimitSeconds the exam's time limit
 * @param questionCount how many questions a paper has
 * @param qualifying whether passing leads to the qualification certificate
 * @param totalScore the highest possible score
 * @param passMark the points needed to pass
 * @param maxAttempts attempts per candidate
 * @param maxFocusLosses leaving the page this often submits the attempt (0: no limit)
 * @param requiredCourseId the course a candidate must have completed first, or
 * {@code null}
 * @param requiresFiling whether a candidate must be a filed CQO (an approved, current
 * appointment)
 */
public record SessionSummary(String id, String examId, String examTitle, String title, Instant opensAt,
		Instant closesAt, int timeLimitSeconds, int questionCount, boolean qualifying, double totalScore,
		double passMark, int maxAttempts, int maxFocusLosses, String requiredCourseId, boolean requiresFiling) {

	public SessionSummary(String id, String examId, String examTitle, String title, Instant opensAt, Instant closesAt,
			int timeLimitSeconds, int questionCount, boolean qualifying, double totalScore, double passMark,
			int maxAttempts, int maxFocusLosses, String requiredCourseId) {
		this(id, examId, examTitle, title, opensAt, closesAt, timeLimitSeconds, questionCount, qualifying, totalScore,
				passMark, maxAttempts, maxFocusLosses, requiredCourseId, false);
	}

}
