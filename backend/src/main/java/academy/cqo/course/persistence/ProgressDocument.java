package academy.cqo.course.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A candidate's progress in one module, keyed {@code moduleId:accountId}.
 *
 * @param id {@code moduleId:accountId}
 * @param moduleId the module
 * @param courseId its course
 * @param accountId the candidate
 * @param creditedSeconds verified study time
 * @param videoFurthest the furthest video position accepted, in seconds
 * @param videoWatched whether the video was watched to the end
 * @param openedAt when the module was first opened
 * @param completedAt when it was completed, or {@code null}
 * @param creditHours the module's CE hours, copied at completion
 * @param subjectCategory the module's subject category, copied at completion
 * @param moduleTitle the module's title, copied at completion
 */
@Document(ProgressDocument.COLLECTION)
public record ProgressDocument(@Id String id, String moduleId, String courseId, String accountId, Long creditedSeconds,
		Double videoFurthest, Boolean videoWatched, Instant openedAt, Instant completedAt, Double creditHours,
		String subjectCategory, String moduleTitle) {

	public static final String COLLECTION = "course_progress";

	public static String idOf(String moduleId, String accountId) {
		return moduleId + ":" + accountId;
	}

	public long credited() {
		return (this.creditedSeconds != null) ? this.creditedSeconds : 0;
	}

	public double furthest() {
		return (this.videoFurthest != null) ? this.videoFurthest : 0;
	}

	public boolean completed() {
		return this.completedAt != null;
	}

}
