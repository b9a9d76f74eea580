package academy.cqo.course;

import java.time.Instant;

/**
 * A candidate completed every module of a course. Published once per candidate and course
 * (again after a crash between completing and publishing, so listeners must be
 * idempotent, keyed by {@code courseId} and {@code accountId}).
 *
 * @param courseId the course
 * @param courseTitle its title
 * @param accountId the candidate
 * @param completedAt when the last module was completed
 */
public record CourseCompleted(String courseId, String courseTitle, String accountId, Instant completedAt) {
}
