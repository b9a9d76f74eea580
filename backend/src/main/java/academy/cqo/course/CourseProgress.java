package academy.cqo.course;

import java.time.Instant;
import java.util.List;

/**
 * A candidate's progress in a course.
 *
 * @param courseId the course
 * @param courseTitle its title
 * @param accountId the candidate
 * @param username the candidate's username
 * @param fullName the candidate's name
 * @param regionCode the candidate's region
 * @param enrolledAt when enrolled
 * @param resumeModuleId where to resume, or {@code null}
 * @param completedAt when the course was completed, or {@code null}
 * @param modules per module, in order
 */
public record CourseProgress(String courseId, String courseTitle, String accountId, String username, String fullName,
		String regionCode, Instant enrolledAt, String resumeModuleId, Instant completedAt,
		List<ModuleProgress> modules) {

	public long completedModules() {
		return this.modules.stream().filter(ModuleProgress::completed).count();
	}

	public long creditedSeconds() {
		return this.modules.stream().mapToLong(ModuleProgress::creditedSeconds).sum();
	}

	public int percent() {
		return this.modules.isEmpty() ? 0 : (int) (completedModules() * 100 / this.modules.size());
	}

}
