package academy.cqo.ce.persistence;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A claim of hours for an external activity, with its evidence file in the same document
 * (at most a few MB), so that a claim and its evidence are stored in one write or not at
 * all.
 *
 * @param id the claim's id
 * @param accountId the holder
 * @param username the holder's username
 * @param fullName the holder's name
 * @param regionCode the holder's region (whose administrators decide)
 * @param year the CE year
 * @param activityType the kind of activity
 * @param title what it was
 * @param organiser who organised it
 * @param date when
 * @param hours the hours claimed
 * @param professional whether it is a professional subject
 * @param evidenceName the evidence file's name
 * @param evidenceType its media type, found from its content
 * @param evidenceSize its size in bytes
 * @param evidence its content (left out when claims are listed)
 * @param state {@code PENDING}, {@code APPROVED} or {@code REJECTED}
 * @param reason why it was rejected (or a note on approval), or {@code null}
 * @param submittedAt when it was submitted
 * @param decidedBy the administrator who decided, or {@code null}
 * @param decidedAt when, or {@code null}
 */
@Document(ClaimDocument.COLLECTION)
public record ClaimDocument(@Id String id, String accountId, String username, String fullName, String regionCode,
		Integer year, String activityType, String title, String organiser, LocalDate date, Double hours,
		Boolean professional, String evidenceName, String evidenceType, Long evidenceSize, byte[] evidence,
		String state, String reason, Instant submittedAt, String decidedBy, Instant decidedAt) {

	public static final String COLLECTION = "ce_claims";

}
