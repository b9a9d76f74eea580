package academy.cqo.course;

import java.time.Instant;

/**
 * A module a candidate completed, as continuing education counts it.
 *
 * @param moduleId the module
 * @param moduleTitle its title
 * @param courseId its course
 * @param creditHours the CE hours earned
 * @param subjectCategory {@code PROFESSIONAL} or {@code GENERAL}
 * @param completedAt when
 */
public record CompletedModule(String moduleId, String moduleTitle, String courseId, double creditHours,
		String subjectCategory, Instant completedAt) {
}
