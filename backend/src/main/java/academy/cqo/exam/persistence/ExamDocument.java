package academy.cqo.exam.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.exam.ExamDefinition;
import academy.cqo.identity.Stewardship;

/**
 * An exam as stored.
 *
 * @param id the exam's id
 * @param definition its blueprint and rules
 * @param createdBy who created it
 * @param createdAt when
 * @param updatedAt when it last changed
 * @param stewardship its owner, sharing and jurisdiction ({@code null} in exams stored
 * before ownership existed)
 */
@Document(ExamDocument.COLLECTION)
public record ExamDocument(@Id String id, ExamDefinition definition, String createdBy, Instant createdAt,
		Instant updatedAt, Stewardship stewardship) {

	public static final String COLLECTION = "exams";

}
