package academy.cqo.questionbank.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.ReviewStatus;

/**
 * A question's current state. Earlier versions that were delivered to candidates are kept
 * in {@link QuestionVersionDocument}s; this document always holds the latest.
 *
 * @param id the question's id
 * @param bankId the bank it belongs to
 * @param code its stable code in the bank (unique per bank)
 * @param number its number in the bank (#1, #2, …), in creation order
 * @param content what the current version says
 * @param difficulty 1–5
 * @param tags knowledge-point paths
 * @param status review status
 * @param version the current version number, from 1
 * @param delivered whether the current version has been shown to a candidate (and is
 * therefore frozen: the next edit makes a new version)
 * @param revision counts every change, for optimistic editing
 * @param fingerprint the duplicate fingerprint of the content (unique per bank)
 * @param searchText folded stem, options and code, for text search
 * @param importId the import that is still writing this question, or {@code null} once
 * visible
 * @param createdAt when it was created
 * @param createdBy who created it
 * @param updatedAt when it last changed
 * @param updatedBy who changed it last
 */
@Document(QuestionDocument.COLLECTION)
public record QuestionDocument(@Id String id, String bankId, String code, long number, QuestionContent content,
		int difficulty, List<String> tags, ReviewStatus status, int version, boolean delivered, long revision,
		String fingerprint, String searchText, String importId, Instant createdAt, String createdBy, Instant updatedAt,
		String updatedBy) {

	public static final String COLLECTION = "questions";

	public QuestionDocument {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

}
