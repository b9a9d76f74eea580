package academy.cqo.supervision.persistence;

import java.time.Instant;

import org.bson.types.Binary;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An evidence file of a nomination (certificates of honour, reports, photographs): PDF or
 * picture, recognised by content. Written before the nomination that lists it, so a
 * nomination never names a file that is not there.
 *
 * @param id the id
 * @param nominationId the nomination
 * @param roundId its round
 * @param contentType the type found in its first bytes
 * @param fileName the name it was uploaded with
 * @param size its size
 * @param content its bytes
 * @param uploadedBy who
 * @param uploadedAt when
 */
@Document(EvidenceDocument.COLLECTION)
public record EvidenceDocument(@Id String id, String nominationId, String roundId, String contentType, String fileName,
		long size, Binary content, String uploadedBy, Instant uploadedAt) {

	public static final String COLLECTION = "award_evidence";

}
