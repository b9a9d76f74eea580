package academy.cqo.questionbank.persistence;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.ReviewStatus;

/**
 * A change an import makes to an existing question (same code, new content), applied when
 * the import commits. Applying it is idempotent: it is conditional on the revision the
 * question had when the import read it.
 *
 * @param id {@code importId:questionId}
 * @param importId the import
 * @param questionId the question
 * @param expectedRevision the question's revision when the import read it
 * @param content the new content
 * @param difficulty the new difficulty
 * @param tags the new tags
 * @param status the new status
 * @param fingerprint the new content's fingerprint
 * @param searchText the new search text
 */
@Document(ImportChangeDocument.COLLECTION)
public record ImportChangeDocument(@Id String id, String importId, String questionId, long expectedRevision,
		QuestionContent content, int difficulty, List<String> tags, ReviewStatus status, String fingerprint,
		String searchText) {

	public static final String COLLECTION = "question_import_changes";

}
