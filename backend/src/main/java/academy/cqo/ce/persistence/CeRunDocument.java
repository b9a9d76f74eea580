package academy.cqo.ce.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A finished scheduled run (a year's closing {@code closing:2026}, a reminder point
 * {@code reminder:2026:30}), so that it is not done again.
 *
 * @param id what ran
 * @param holders how many holders it covered
 * @param affected how many it affected (fell short, were reminded)
 * @param finishedAt when it finished
 */
@Document(CeRunDocument.COLLECTION)
public record CeRunDocument(@Id String id, Long holders, Long affected, Instant finishedAt) {

	public static final String COLLECTION = "ce_runs";

}
