package academy.cqo.supervision.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A nomination in an award round: one per person and round ({@code key} is unique), with
 * every review decision.
 *
 * @param id the id
 * @param key {@code roundId:cqoAccountId}
 * @param roundId the round
 * @param year the round's year
 * @param filingId the nominee's appointment
 * @param creditCode the enterprise
 * @param enterpriseName its name
 * @param regionCode its county
 * @param quotaRegion the quota region it counts against
 * @param cqoName the nominee
 * @param cqoAccountId the nominee's account
 * @param statement the nomination statement
 * @param evidence the evidence (achievements, awards, figures)
 * @param nominatedBy who nominated
 * @param nominator {@code ENTERPRISE} or {@code BUREAU}
 * @param stage {@code COUNTY_REVIEW}, {@code CITY_REVIEW}, {@code PROVINCE_REVIEW},
 * {@code AWARDED} or {@code REJECTED}
 * @param decisions every decision, oldest first
 * @param createdAt when
 * @param evidenceFiles the evidence files ({@link EvidenceDocument}), in upload order
 */
@Document(NominationDocument.COLLECTION)
public record NominationDocument(@Id String id, String key, String roundId, int year, String filingId,
		String creditCode, String enterpriseName, String regionCode, String quotaRegion, String cqoName,
		String cqoAccountId, String statement, String evidence, String nominatedBy, String nominator, String stage,
		List<NominationDecision> decisions, Instant createdAt, List<EvidenceFile> evidenceFiles) {

	public static final String COLLECTION = "award_nominations";

	/**
	 * A review decision.
	 *
	 * @param level {@code COUNTY}, {@code CITY} or {@code PROVINCE}
	 * @param decision {@code APPROVE} or {@code REJECT}
	 * @param comment a comment
	 * @param by who
	 * @param at when
	 */
	public record NominationDecision(String level, String decision, String comment, String by, Instant at) {
	}

	/**
	 * An evidence file as the nomination lists it (its bytes are an
	 * {@link EvidenceDocument}).
	 *
	 * @param id the file
	 * @param fileName the name it was uploaded with
	 * @param contentType its type
	 * @param size its size in bytes
	 */
	public record EvidenceFile(String id, String fileName, String contentType, long size) {
	}

	/** Nominations stored before evidence files existed list none. */
	public NominationDocument {
		evidenceFiles = (evidenceFiles != null) ? List.copyOf(evidenceFiles) : List.of();
	}

}
