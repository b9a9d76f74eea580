package academy.cqo.questionbank.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An image a trainer uploaded for question texts. Its id is derived from the bank and the
 * image's SHA-256, so uploading the same picture twice gives the same address.
 *
 * @param id {@code bankId-sha256prefix}
 * @param bankId the bank
 * @param mediaType the type told by its first bytes
 * @param content the bytes
 * @param uploadedBy who uploaded it
 * @param uploadedAt when
 */
@Document(QuestionImageDocument.COLLECTION)
public record QuestionImageDocument(@Id String id, String bankId, String mediaType, byte[] content, String uploadedBy,
		Instant uploadedAt) {

	public static final String COLLECTION = "question_images";

}
