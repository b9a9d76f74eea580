package academy.cqo.certificate.persistence;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One document per holder: the latest closed CE year and the years that fell short.
 */
@Component
public class CeStandingStore {

	private final ReactiveMongoTemplate mongo;

	CeStandingStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A holder's CE standing.
	 *
	 * @param accountId the holder
	 * @param latestYear the latest closed year on record
	 * @param overdue whether that year fell short
	 * @param shortYears every closed year that fell short
	 */
	@Document("ce_standings")
	public record Standing(@Id String accountId, Integer latestYear, Boolean overdue, List<Integer> shortYears) {

		public boolean isOverdue() {
			return Boolean.TRUE.equals(this.overdue);
		}

	}

	/**
	 * Record a closed year: one atomic update. An older year never replaces a newer one's
	 * outcome; the list of short years only grows or shrinks by that year.
	 * @param accountId the holder
	 * @param year the year
	 * @param overdue whether it fell short
	 * @return completes when stored
	 */
	public Mono<Void> record(String accountId, int year, boolean overdue) {
		Update years = overdue ? new Update().addToSet("shortYears", year) : new Update().pull("shortYears", year);
		FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(accountId)), years, upsert, Standing.class)
			.flatMap((standing) -> this.mongo.updateFirst(Query.query(Criteria.where("_id")
				.is(accountId)
				.orOperator(Criteria.where("latestYear").lte(year), Criteria.where("latestYear").exists(false))),
					new Update().set("latestYear", year).set("overdue", overdue), Standing.class))
			.then();
	}

	public Mono<Standing> find(String accountId) {
		return this.mongo.findById(accountId, Standing.class);
	}

}
