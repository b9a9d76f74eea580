package academy.cqo.questionbank.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A question bank as stored.
 *
 * @param id the bank's id
 * @param name the bank's name, unique
 * @param description what the bank is for, or {@code null}
 * @param ownerId the account that owns it ({@code null} for the official bank)
 * @param ownerName the owner's name, for lists
 * @param regionCode the owner's region when it was created (its scope)
 * @param sharedWith usernames of trainers who may edit it
 * @param official whether it is the platform's official bank (edited by administrators
 * only, readable by every trainer)
 * @param taxonomy the knowledge-point paths its questions use
 * @param nextNumber the number the next question gets
 * @param createdAt when it was created
 */
@Document(BankDocument.COLLECTION)
public record BankDocument(@Id String id, String name, String description, String ownerId, String ownerName,
		String regionCode, List<String> sharedWith, boolean official, List<String> taxonomy, long nextNumber,
		Instant createdAt) {

	public static final String COLLECTION = "question_banks";

	public BankDocument {
		sharedWith = (sharedWith != null) ? List.copyOf(sharedWith) : List.of();
		taxonomy = (taxonomy != null) ? List.copyOf(taxonomy) : List.of();
	}

}
