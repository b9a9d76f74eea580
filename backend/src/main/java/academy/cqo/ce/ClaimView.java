package academy.cqo.ce;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A claim as administrators review it.
 *
 * @param id the claim
 * @param username the holder's username
 * @param fullName the holder's name
 * @param regionCode the holder's region
 * @param year the CE year
 * @param activityType the kind of activity
 * @param title what it was
 * @param organiser who organised it
 * @param date when
 * @param hours the hours claimed
 * @param professional whether professional
 * @param evidenceName the evidence file's name
 * @param evidenceType its media type
 * @param evidenceSize its size in bytes
 * @param state {@code PENDING}, {@code APPROVED} or {@code REJECTED}
 * @param reason the reason given, or {@code null}
 * @param submittedAt when submitted
 * @param decidedBy who decided, or {@code null}
 * @param decidedAt when, or {@code null}
 */
public record ClaimView(String id, String username, String fullName, String regionCode, int year, String activityType,
		String title, String organiser, LocalDate date, double hours, boolean professional, String evidenceName,
		String evidenceType, long evidenceSize, String state, String reason, Instant submittedAt, String decidedBy,
		Instant decidedAt) {
}
