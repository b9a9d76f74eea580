package academy.cqo.certificate.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A signed CE transcript: what a yearly statement of continuing-education hours said when
 * it was issued. Its id is derived from the holder, the year and the figures, so
 * downloading again with nothing changed gives the same number.
 *
 * @param id the id
 * @param number the number once assigned (e.g. {@code JXCE-2026-000001})
 * @param sequence the number's sequence once assigned
 * @param accountId the holder
 * @param holderName the holder's name as printed
 * @param employerName the employer as printed
 * @param year the CE year
 * @param requiredHours hours required
 * @param earnedHours hours that count
 * @param professionalHours of them, professional
 * @param ceStatus {@code MET}, {@code IN_PROGRESS} or {@code OVERDUE}
 * @param issuedOn the issue date (ISO)
 * @param token the signed token once made
 * @param createdAt when it was first made
 */
@Document(TranscriptDocument.COLLECTION)
public record TranscriptDocument(@Id String id, String number, Integer sequence, String accountId, String holderName,
		String employerName, Integer year, Double requiredHours, Double earnedHours, Double professionalHours,
		String ceStatus, String issuedOn, String token, Instant createdAt) {

	public static final String COLLECTION = "ce_transcripts";

}
