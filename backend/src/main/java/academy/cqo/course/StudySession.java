package academy.cqo.course;

import java.time.Instant;

/**
 * An opened study tab.
 *
 * @param token the token its heartbeats carry; opening the module again (in any tab)
 * replaces it
 * @param moduleId the module
 * @param courseId its course
 * @param heartbeatSeconds how often the page should report
 * @param creditedSeconds verified study time so far
 * @param requiredSeconds the time required
 * @param videoFurthest the furthest accepted video position
 * @param completed whether the module is complete
 * @param serverTime the server's clock
 */
public record StudySession(String token, String moduleId, String courseId, long heartbeatSeconds, long creditedSeconds,
		long requiredSeconds, double videoFurthest, boolean completed, Instant serverTime) {
}
