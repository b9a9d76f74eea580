package academy.cqo.course.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One module of a course.
 *
 * @param id the module's id (unique across courses)
 * @param courseId the course
 * @param position its place in the course (ascending)
 * @param title the title
 * @param body the lesson (Markdown, rendered through the allow-list)
 * @param videoUrl an HTML5 video ({@code https://…} or a path on this site), or
 * {@code null}
 * @param videoSeconds the video's length; required with a video
 * @param requiredSeconds the study time required to complete it
 * @param creditHours the CE hours it earns
 * @param subjectCategory {@code PROFESSIONAL} or {@code GENERAL}
 * @param selfCheckTags knowledge points of the official bank its self-check draws from
 * @param selfCheckCount how many self-check questions, 0 for none
 * @param updatedAt when it last changed
 */
@Document(ModuleDocument.COLLECTION)
public record ModuleDocument(@Id String id, String courseId, Integer position, String title, String body,
		String videoUrl, Integer videoSeconds, Integer requiredSeconds, Double creditHours, String subjectCategory,
		List<String> selfCheckTags, Integer selfCheckCount, Instant updatedAt) {

	public static final String COLLECTION = "course_modules";

	public ModuleDocument {
		selfCheckTags = (selfCheckTags != null) ? List.copyOf(selfCheckTags) : List.of();
	}

	public boolean hasVideo() {
		return this.videoUrl != null && this.videoSeconds != null && this.videoSeconds > 0;
	}

}
