package academy.cqo.reporting.persistence;

import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The two writes every per-county projection makes, written once: the county's document
 * replaced by compare-and-set on {@code _id + version}, and its small copy written unless
 * a newer version is there (the same version again repairs a damaged copy). Both are one
 * single-document operation, so racing writers never lose a change: the loser of a
 * compare-and-set reads again and retries.
 */
final class CountyVersions {

	private CountyVersions() {
	}

	/**
	 * Write a county's document if it is still at the version it was read at.
	 * @param mongo the store
	 * @param county the county (the document's {@code _id})
	 * @param next the new document, its version one more than the expected
	 * @param version the new document's version
	 * @return {@code true} when written, {@code false} when another write came first
	 */
	static Mono<Boolean> compareAndSet(ReactiveMongoTemplate mongo, String county, Object next, long version) {
		long expected = version - 1;
		if (expected == 0) {
			return mongo.insert(next)
				.thenReturn(true)
				.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
		}
		Query unchanged = Query.query(Criteria.where("_id").is(county).and("version").is(expected));
		return mongo.replace(unchanged, next).map((result) -> result.getMatchedCount() == 1);
	}

	/**
	 * Write a county's copy unless a newer version is there already.
	 * @param mongo the store
	 * @param county the county (the copy's {@code _id})
	 * @param version the copy's version
	 * @param fields the copy's fields besides the version
	 * @param type the copy's document class
	 * @return completes when written or found newer
	 */
	static Mono<Void> copyUnlessNewer(ReactiveMongoTemplate mongo, String county, long version, Update fields,
			Class<?> type) {
		Query notNewer = Query.query(Criteria.where("_id").is(county).and("version").lte(version));
		return mongo.upsert(notNewer, fields.set("version", version), type)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then();
	}

	/**
	 * The unique index {@code _id + version} a compare-and-set is served by.
	 * @param mongo the store
	 * @param collection the counties' collection
	 * @param name the index's name
	 * @return completes when the index exists
	 */
	static Mono<Void> createVersionIndex(ReactiveMongoTemplate mongo, String collection, String name) {
		return mongo.indexOps(collection)
			.createIndex(
					new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique().named(name))
			.then();
	}

	/**
	 * The copies of every county in a region.
	 * @param regionPrefix the region's code prefix ({@code ""} for all)
	 * @return the query
	 */
	static Query inRegion(String regionPrefix) {
		return Query.query(Criteria.where("_id").regex("^" + Pattern.quote(regionPrefix) + "\\d*$"));
	}

}
