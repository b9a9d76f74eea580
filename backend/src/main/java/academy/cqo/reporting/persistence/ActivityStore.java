package academy.cqo.reporting.persistence;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The dashboard counters of the reporting projection: per county what they count
 * ({@code report_activity_counties}) and their small copy
 * ({@code report_activity_figures}). Lookups by {@code _id}; the compare-and-set is
 * served by the unique index {@code _id + version}.
 */
@Component
public class ActivityStore extends CountyCopyStore<ActivityCountyDocument, ActivityFiguresDocument> {

	ActivityStore(ReactiveMongoTemplate mongo) {
		super(mongo, ActivityCountyDocument.class, ActivityFiguresDocument.class, ActivityCountyDocument.COLLECTION,
				"report_activity_county_version", new ActivityFiguresDocument(RECONCILED, 0, null, null, null, 0));
	}

	/**
	 * Write a county's counted things if it is still at the version it was read at.
	 * @param next the new document, its version one more than the expected
	 * @return {@code true} when written, {@code false} when another write came first
	 */
	@Override
	public Mono<Boolean> put(ActivityCountyDocument next) {
		return put(next.county(), next, next.version());
	}

	/**
	 * Copy a county's figures unless a newer version is there already.
	 * @param figures the copy
	 * @return completes when written or found newer
	 */
	@Override
	public Mono<Void> putFigures(ActivityFiguresDocument figures) {
		return putCopy(figures.county(), figures.version(),
				new Update().set("hash", figures.hash())
					.set("approved", figures.approved())
					.set("issued", figures.issued())
					.set("toReview", figures.toReview()));
	}

}
