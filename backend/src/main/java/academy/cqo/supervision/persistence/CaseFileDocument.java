package academy.cqo.supervision.persistence;

import java.time.Instant;

import org.bson.types.Binary;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A document attached to a case (minutes, a notice, a rectification report): PDF or
 * picture, recognised by content.
 *
 * @param id the id
 * @param caseId the case
 * @param contentType the type found in its first bytes
 * @param fileName the name it was uploaded with
 * @param size its size
 * @param content its bytes
 * @param uploadedBy who
 * @param uploadedAt when
 */
@Document(CaseFileDocument.COLLECTION)
public record CaseFileDocument(@Id String id, String caseId, String contentType, String fileName, long size,
		Binary content, String uploadedBy, Instant uploadedAt) {

	public static final String COLLECTION = "supervision_files";

}
