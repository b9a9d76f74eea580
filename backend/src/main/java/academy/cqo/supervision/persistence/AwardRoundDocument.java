package academy.cqo.supervision.persistence;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An excellent-CQO award round (优秀首席质量官评选) of a province.
 *
 * @param id the id
 * @param year the year the honour is for
 * @param criteria the selection criteria
 * @param quotas how many may be awarded per region (a city or county code)
 * @param regionCode the province that runs it
 * @param publicListing whether the awarded are listed publicly
 * @param createdBy who created it
 * @param createdAt when
 */
@Document(AwardRoundDocument.COLLECTION)
public record AwardRoundDocument(@Id String id, int year, String criteria, Map<String, Integer> quotas,
		String regionCode, boolean publicListing, String createdBy, Instant createdAt) {

	public static final String COLLECTION = "award_rounds";

}
