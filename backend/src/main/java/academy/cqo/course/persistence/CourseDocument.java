package academy.cqo.course.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.identity.Stewardship;

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
 * @param stewardship its owner, sharing and jurisdiction ({@code null} in courses stored
 * before ownership existed)
 */
@Document(CourseDocument.COLLECTION)
public record CourseDocument(@Id String id, String title, String summary, String subjectCategory, Boolean sequential,
		Boolean published, String createdBy, Instant createdAt, Instant updatedAt, Stewardship stewardship) {

	public static final String COLLECTION = "courses";

	public boolean isPublished() {
		return Boolean.TRUE.equals(this.published);
	}

	public boolean isSequential() {
		return Boolean.TRUE.equals(this.sequential);
	}

}
