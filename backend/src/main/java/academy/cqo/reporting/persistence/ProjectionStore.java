package academy.cqo.reporting.persistence;

import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.platform.IdPages;
import academy.cqo.reporting.CoverageCounts;
import academy.cqo.shared.StartupTask;

/**
 * The reporting projection: per county its standings ({@code report_counties}), a small
 * copy of its counts ({@code report_figures}) and where each CQO's account stands
 * ({@code report_cqos}). Every lookup is by {@code _id}; the compare-and-set of a county
 * is served by the unique index {@code _id + version}.
 */
@Component
public class ProjectionStore implements StartupTask {

	/** The id of the marker written by the first complete reconciliation. */
	static final String RECONCILED = "reconciled";

	private final ReactiveMongoTemplate mongo;

	private final IdPages pages;

	ProjectionStore(ReactiveMongoTemplate mongo, IdPages pages) {
		this.mongo = mongo;
		this.pages = pages;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	@Override
	public Mono<Void> run() {
		return CountyVersions.createVersionIndex(this.mongo, CountyStandingsDocument.COLLECTION,
				"report_county_version");
	}

	public Mono<CountyStandingsDocument> county(String county) {
		return this.mongo.findById(county, CountyStandingsDocument.class);
	}

	public Flux<CountyStandingsDocument> counties() {
		return this.mongo.findAll(CountyStandingsDocument.class);
	}

	/**
	 * The county documents of a region (read by {@code _id}).
	 * @param regionPrefix the region's code prefix
	 * @return its counties' documents
	 */
	public Flux<CountyStandingsDocument> counties(String regionPrefix) {
		return this.mongo.find(CountyVersions.inRegion(regionPrefix), CountyStandingsDocument.class);
	}

	/**
	 * Write a county's projection if it is still at the version it was read at.
	 * @param next the new document, its version one more than the expected
	 * @return {@code true} when written, {@code false} when another write came first
	 */
	public Mono<Boolean> put(CountyStandingsDocument next) {
		return CountyVersions.compareAndSet(this.mongo, next.county(), next, next.version());
	}

	/**
	 * Copy a county's counts unless a newer version is there already (the same version is
	 * written again, which repairs a damaged copy).
	 * @param figures the copy
	 * @return completes when written or found newer
	 */
	public Mono<Void> putFigures(CountyFiguresDocument figures) {
		Update fields = new Update().set("ceYear", figures.ceYear())
			.set("counts", figures.counts())
			.set("rowsHash", figures.rowsHash())
			.set("expiries", figures.expiries());
		return CountyVersions.copyUnlessNewer(this.mongo, figures.county(), figures.version(), fields,
				CountyFiguresDocument.class);
	}

	/**
	 * Replace a county's copy whatever its version (the reconciliation, after rewriting a
	 * county document that had gone back behind its copy).
	 * @param figures the copy
	 * @return completes when written
	 */
	public Mono<Void> replaceFigures(CountyFiguresDocument figures) {
		return this.mongo.save(figures).then();
	}

	public Flux<CountyFiguresDocument> figures(String regionPrefix) {
		return this.mongo.find(CountyVersions.inRegion(regionPrefix), CountyFiguresDocument.class);
	}

	public Flux<CountyFiguresDocument> allFigures() {
		return figures("");
	}

	/**
	 * Whether a complete reconciliation has built the projection (before that, reports
	 * are computed from the records).
	 * @return {@code true} once built
	 */
	public Mono<Boolean> reconciled() {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(RECONCILED)), CountyFiguresDocument.class);
	}

	public Mono<Void> markReconciled(int year) {
		return this.mongo.save(new CountyFiguresDocument(RECONCILED, 0, year, CoverageCounts.NONE, null, null)).then();
	}

	public Mono<CqoPlaceDocument> place(String accountId) {
		return this.mongo.findById(accountId, CqoPlaceDocument.class);
	}

	public Flux<CqoPlaceDocument> places() {
		return this.pages.all(new Query(), CqoPlaceDocument.class, CqoPlaceDocument.COLLECTION);
	}

	/**
	 * Write CQO places (replacing by account), in unordered bulk writes of 1,000.
	 * @param places the places
	 * @return completes when written
	 */
	public Mono<Void> putPlaces(List<CqoPlaceDocument> places) {
		return Flux.fromIterable(places).buffer(1000).concatMap((batch) -> {
			var bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, CqoPlaceDocument.class);
			for (CqoPlaceDocument place : batch) {
				bulk.replaceOne(Query.query(Criteria.where("_id").is(place.accountId())), place,
						FindAndReplaceOptions.options().upsert());
			}
			return bulk.execute();
		}).then();
	}

	public Mono<Void> removePlaces(Collection<String> accountIds) {
		if (accountIds.isEmpty()) {
			return Mono.empty();
		}
		return this.mongo.remove(Query.query(Criteria.where("_id").in(accountIds)), CqoPlaceDocument.class).then();
	}

}
