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
 * The exam part of the reporting projection: per county its candidates' results
 * ({@code report_exam_counties}) and their small copy ({@code report_exam_figures}).
 * Lookups by {@code _id}; the compare-and-set is served by the unique index
 * {@code _id + version}.
 */
@Component
public class ExamTallyStore implements StartupTask {

	/** The id of the marker written by the first complete reconciliation. */
	static final String RECONCILED = "reconciled";

	private final ReactiveMongoTemplate mongo;

	ExamTallyStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	@Override
	public Mono<Void> run() {
		return CountyVersions.createVersionIndex(this.mongo, ExamCountyDocument.COLLECTION,
				"report_exam_county_version");
	}

	public Mono<ExamCountyDocument> county(String county) {
		return this.mongo.findById(county, ExamCountyDocument.class);
	}

	/**
	 * Write a county's results if it is still at the version it was read at.
	 * @param next the new document, its version one more than the expected
	 * @return {@code true} when written, {@code false} when another write came first
	 */
	public Mono<Boolean> put(ExamCountyDocument next) {
		return CountyVersions.compareAndSet(this.mongo, next.county(), next, next.version());
	}

	/**
	 * Copy a county's figures unless a newer version is there already.
	 * @param figures the copy
	 * @return completes when written or found newer
	 */
	public Mono<Void> putFigures(ExamFiguresDocument figures) {
		Update fields = new Update().set("resultsHash", figures.resultsHash())
			.set("sessions", figures.sessions())
			.set("firstPasses", figures.firstPasses());
		return CountyVersions.copyUnlessNewer(this.mongo, figures.county(), figures.version(), fields,
				ExamFiguresDocument.class);
	}

	public Flux<ExamFiguresDocument> figures(String regionPrefix) {
		return this.mongo.find(CountyVersions.inRegion(regionPrefix), ExamFiguresDocument.class);
	}

	public Mono<Boolean> reconciled() {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(RECONCILED)), ExamFiguresDocument.class);
	}

	public Mono<Void> markReconciled() {
		return this.mongo.save(new ExamFiguresDocument(RECONCILED, 0, null, null, null)).then();
	}

}
