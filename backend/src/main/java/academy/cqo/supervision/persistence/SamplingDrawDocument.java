package academy.cqo.supervision.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A sampling draw (抽查考核): the request, the seed, what was drawn from which stratum, and
 * for each drawn enterprise the CQO assigned to the assessment session and the case a
 * failure opened.
 *
 * @param id the id
 * @param regionCode the region drawn from
 * @param size the size asked
 * @param strata the stratification attributes
 * @param seed the seed
 * @param population the population's size
 * @param shares each stratum's population and draw
 * @param enterprises the credit codes drawn, sorted
 * @param sessionId the assessment session, or {@code null}
 * @param assignments per drawn enterprise, its CQO
 * @param createdBy who drew
 * @param createdAt when
 */
@Document(SamplingDrawDocument.COLLECTION)
public record SamplingDrawDocument(@Id String id, String regionCode, int size, List<String> strata, String seed,
		int population, List<Share> shares, List<String> enterprises, String sessionId, List<Assignment> assignments,
		String createdBy, Instant createdAt) {

	public static final String COLLECTION = "sampling_draws";

	/**
	 * A stratum's share.
	 *
	 * @param key the stratum
	 * @param population its enterprises
	 * @param drawn drawn from it
	 */
	public record Share(String key, int population, int drawn) {
	}

	/**
	 * A drawn enterprise's CQO.
	 *
	 * @param creditCode the enterprise
	 * @param filingId the CQO's appointment, or {@code null} when it has no CQO
	 * @param cqoName the CQO
	 * @param cqoAccountId the CQO's account, or {@code null}
	 */
	public record Assignment(String creditCode, String filingId, String cqoName, String cqoAccountId) {
	}

}
