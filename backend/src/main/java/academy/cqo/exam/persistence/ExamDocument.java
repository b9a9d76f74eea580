package academy.cqo.exam.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.exam.ExamDefinition;

/**
 * An exam as stored.
 *
 * @param id the exam's id
 * @param definition its blueprint and rules
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 */
@Document(ExamDocument.COLLECTION)
public record ExamDocument(@Id String id, ExamDefinition definition, String createdBy, Instant createdAt,
		Instant updatedAt) {

	public static final String COLLECTION = "exams";

}
