package academy.cqo.reporting.persistence;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import academy.cqo.shared.StartupTask;

/**
 * The store of a per-county projection written by compare-and-set
 * ({@link CountyVersions}) with a small copy per county that reports read: the county
 * document by {@code _id}, its compare-and-set (served by the unique index
 * {@code _id + version}), the copies of a region (by an {@code _id} prefix) and the
 * marker of the first complete reconciliation.
 *
 * @param <C> the county document
 * @param <F> its copy
 */
public abstract class CountyCopyStore<C, F> implements StartupTask {

	/** The id of the marker written by the first complete reconciliation. */
	static final String RECONCILED = "reconciled";

	private final ReactiveMongoTemplate mongo;

	private final Class<C> countyType;

	private final Class<F> copyType;

	private final String collection;

	private final String versionIndex;

	private final F reconciledMarker;

	CountyCopyStore(ReactiveMongoTemplate mongo, Class<C> countyType, Class<F> copyType, String collection,
			String versionIndex, F reconciledMarker) {
		this.mongo = mongo;
		this.countyType = countyType;
		this.copyType = copyType;
		this.collection = collection;
		this.versionIndex = versionIndex;
		this.reconciledMarker = reconciledMarker;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	@Override
	public Mono<Void> run() {
		return CountyVersions.createVersionIndex(this.mongo, this.collection, this.versionIndex);
	}

	public Mono<C> county(String county) {
		return this.mongo.findById(county, this.countyType);
	}

	/**
	 * Write a county's document if it is still at the version it was read at.
	 * @param county the county
	 * @param next the new document
	 * @param version its version, one more than the expected
	 * @return {@code true} when written, {@code false} when another write came first
	 */
	Mono<Boolean> put(String county, C next, long version) {
		return CountyVersions.compareAndSet(this.mongo, county, next, version);
	}

	/**
	 * Write a county's copy unless a newer version is there already.
	 * @param county the county
	 * @param version the copy's version
	 * @param fields the copy's fields besides the version
	 * @return completes when written or found newer
	 */
	Mono<Void> putCopy(String county, long version, Update fields) {
		return CountyVersions.copyUnlessNewer(this.mongo, county, version, fields, this.copyType);
	}

	/**
	 * Write a county's document if it is still at the version it was read at.
	 * @param next the new document, its version one more than the expected
	 * @return {@code true} when written, {@code false} when another write came first
	 */
	public abstract Mono<Boolean> put(C next);

	/**
	 * Copy a county's figures unless a newer version is there already.
	 * @param figures the copy
	 * @return completes when written or found newer
	 */
	public abstract Mono<Void> putFigures(F figures);

	/**
	 * Replace a county's copy whatever its version (the reconciliation, after rewriting a
	 * county document that had gone back behind its copy).
	 * @param figures the copy
	 * @return completes when written
	 */
	public Mono<Void> replaceFigures(F figures) {
		return this.mongo.save(figures).then();
	}

	public Flux<F> figures(String regionPrefix) {
		return this.mongo.find(CountyVersions.inRegion(regionPrefix), this.copyType);
	}

	public Mono<Boolean> reconciled() {
		return this.mongo.exists(Query.query(Criteria.where("_id").is(RECONCILED)), this.copyType);
	}

	public Mono<Void> markReconciled() {
		return this.mongo.save(this.reconciledMarker).then();
	}

}
