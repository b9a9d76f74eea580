package academy.cqo.course.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A candidate's enrolment in a course, keyed {@code courseId:accountId} so that two
 * enrolments at once give one.
 *
 * @param id {@code courseId:accountId}
 * @param courseId the course
 * @param accountId the candidate
 * @param username the candidate's username
 * @param fullName the candidate's name
 * @param regionCode the candidate's region
 * @param enrolledAt when
 * @param lastModuleId the module studied last (where to resume)
 * @param completedAt when every module was complete, or {@code null}
 */
@Document(EnrolmentDocument.COLLECTION)
public record EnrolmentDocument(@Id String id, String courseId, String accountId, String username, String fullName,
		String regionCode, Instant enrolledAt, String lastModuleId, Instant completedAt) {

	public static final String COLLECTION = "course_enrolments";

	public static String idOf(String courseId, String accountId) {
		return courseId + ":" + accountId;
	}

}
