package academy.cqo.filing.persistence;

import java.time.Instant;

import org.bson.types.Binary;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One attachment of a filing, keyed {@code filingId:KIND}: a new upload of the same kind
 * replaces it in one write.
 *
 * @param id {@code filingId:KIND}
 * @param filingId the filing
 * @param kind {@code AttachmentKind} name
 * @param contentType the type told by its first bytes
 * @param fileName the name it was uploaded with
 * @param size its size
 * @param content the bytes
 * @param uploadedAt when
 */
@Document("filing_attachments")
public record AttachmentDocument(@Id String id, String filingId, String kind, String contentType, String fileName,
		long size, Binary content, Instant uploadedAt) {

	public static String idOf(String filingId, String kind) {
		return filingId + ":" + kind;
	}

}
