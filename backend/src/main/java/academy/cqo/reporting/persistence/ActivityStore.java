package academy.cqo.reporting.persistence;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.shared.StartupTask;

/**
 * The dashboard counters of the reporting projection: per county what they count
 * ({@code report_activity_counties}) and their small copy
 * ({@code report_activity_figures}). Lookups by {@code _id}; the compare-and-set is
 * served by the unique index {@code _id + version}.
 */
@Component
public class ActivityStore implements StartupTask {

	/** The id of the marker written by the first complete reconciliation. */
	static final String RECONCILED = "reconciled";

	private final ReactiveMongoTemplate mongo;

	ActivityStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	@Override
	public Mono<Void> run() {
		return CountyVersions.createVersionIndex(this.mongo, ActivityCountyDocument.COLLECTION,
				"report_activity_county_version");
	}

	public Mono<ActivityCountyDocument> county(String county) {
		return this.mongo.findById(county, ActivityCountyDocument.class);
	}

	/**
	 * Write a county's counted things if it is still at the version it was read at.
	 * @param next the new document, its version one more than the expected
	 * @return {@code true} when written, {@code false} when another write came first
	 */
	public Mono<Boolean> put(ActivityCountyDocument next) {
		return CountyVersions.compareAndSet(this.mongo, next.county(), next, next.version());
	}

	/**
	 * Copy a county's figures unless a newer version is there already.
	 * @param figures the copy
	 * @return completes when written or found newer
	 */
	public Mono<Void> putFigures(ActivityFiguresDocument figures) {
		Update fields = new Update().set("hash", figures.hash())
			.set("approved", figures.approved())
			.set("issued", figures.issued())
			.set("toReview", figures.toReview());
		return CountyVersions.copyUnlessNewer(this.mongo, figures.county(), figures.version(), fields,
				ActivityFiguresDocument.class);
	}

	/**
	 * Replace a county's copy whatever its version (the reconciliation, after rewriting a
	 * county document that had gone back behind its copy).
	 * @param figures the copy
	 * @return completes when written
	 */
	public Mono<Void> replaceFigures(ActivityFiguresDocument figures) {
		return this.mongo.save(figures).then();
	}

	public Flux<ActivityFiguresDocument> figures(String regionPrefix) {
		return this.mongo.find(CountyVersions.inRegion(regionPrefix), ActivityFiguresDocument.class);
	}

	public Mono<Boolean> reconciled() {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(RECONCILED)), ActivityFiguresDocument.class);
	}

	public Mono<Void> markReconciled() {
		return this.mongo.save(new ActivityFiguresDocument(RECONCILED, 0, null, null, null, 0)).then();
	}

}
