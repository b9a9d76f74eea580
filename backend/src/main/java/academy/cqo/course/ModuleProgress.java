package academy.cqo.course;

import java.time.Instant;

/**
 * A candidate's progress in one module.
 *
 * @param moduleId the module
 * @param title its title
 * @param creditedSeconds verified study time
 * @param requiredSeconds the time required
 * @param videoWatched whether its video was watched to the end ({@code true} without a
 * video)
 * @param completedAt when completed, or {@code null}
 * @param locked whether it cannot be opened yet (sequential course, earlier module open)
 */
public record ModuleProgress(String moduleId, String title, long creditedSeconds, long requiredSeconds,
		boolean videoWatched, Instant completedAt, boolean locked) {

	public boolean completed() {
		return this.completedAt != null;
	}

	public int percent() {
		if (completed()) {
			return 100;
		}
		if (this.requiredSeconds <= 0) {
			return 0;
		}
		return (int) Math.min(99, this.creditedSeconds * 100 / this.requiredSeconds);
	}

}
