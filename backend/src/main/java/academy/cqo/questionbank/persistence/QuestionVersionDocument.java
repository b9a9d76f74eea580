package academy.cqo.questionbank.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.questionformats.QuestionContent;

/**
 * A frozen version of a question: written when the version is first delivered (or
 * replaced by a newer one), never changed afterwards. Its id is
 * {@code questionId:version}, so an attempt finds the exact version it showed by key.
 *
 * @param id {@code questionId:version}
 * @param questionId the question
 * @param bankId the question's bank
 * @param version the version number
 * @param content what the version says
 * @param savedAt when the version was written
 * @param savedBy who wrote it
 * @param frozenAt when it was frozen
 */
@Document(QuestionVersionDocument.COLLECTION)
public record QuestionVersionDocument(@Id String id, String questionId, String bankId, int version,
		QuestionContent content, Instant savedAt, String savedBy, Instant frozenAt) {

	public static final String COLLECTION = "question_versions";

	public static String idOf(String questionId, int version) {
		return questionId + ":" + version;
	}

}
