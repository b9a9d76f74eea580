package academy.cqo.course.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A course; its modules are documents of their own ({@link ModuleDocument}).
 *
 * @param id the course's id
 * @param title the title
 * @param summary what it teaches (Markdown)
 * @param subjectCategory {@code PROFESSIONAL} or {@code GENERAL}
 * @param sequential whether modules must be studied in order
 * @param published whether candidates see it
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
@Document(CourseDocument.COLLECTION)
public record CourseDocument(@Id String id, String title, String summary, String subjectCategory, Boolean sequential,
		Boolean published, String createdBy, Instant createdAt, Instant updatedAt) {

	public static final String COLLECTION = "courses";

	public boolean isPublished() {
		return Boolean.TRUE.equals(this.published);
	}

	public boolean isSequential() {
		return Boolean.TRUE.equals(this.sequential);
	}

}
