package academy.cqo.reporting.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.platform.IdPages;
import academy.cqo.reporting.domain.RosterImportState;
import academy.cqo.shared.StartupTask;

/**
 * The roster entries (keyed by credit code) and the imports that write them.
 */
@Component
public class RosterStore implements StartupTask {

	private final ReactiveMongoTemplate mongo;

	private final IdPages pages;

	RosterStore(ReactiveMongoTemplate mongo, IdPages pages) {
		this.mongo = mongo;
		this.pages = pages;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	@Override
	public Mono<Void> run() {
		return this.mongo.indexOps(RosterEntryDocument.COLLECTION)
			.createIndex(new Index("regionCode", Sort.Direction.ASC).named("roster_region"))
			.then();
	}

	public static String newId() {
		return new ObjectId().toHexString();
	}

	public Flux<RosterEntryDocument> inRegion(String regionPrefix) {
		if (regionPrefix.isEmpty()) {
			// the whole roster (the reconciliation): in bounded pages, paced
			return this.pages.all(new Query(), RosterEntryDocument.class, RosterEntryDocument.COLLECTION);
		}
		return this.mongo.find(Query.query(Criteria.where("regionCode").regex("^" + Pattern.quote(regionPrefix))),
				RosterEntryDocument.class);
	}

	public Flux<RosterEntryDocument> inCountiesOrCodes(Collection<String> counties, Collection<String> codes) {
		return this.mongo.find(Query.query(
				new Criteria().orOperator(Criteria.where("regionCode").in(counties), Criteria.where("_id").in(codes))),
				RosterEntryDocument.class);
	}

	public Mono<RosterEntryDocument> find(String creditCode) {
		return this.mongo.findById(creditCode, RosterEntryDocument.class);
	}

	/**
	 * Write entries (insert or replace by credit code) in one bulk request.
	 * @param entries the entries
	 * @return done
	 */
	public Mono<Void> putAll(List<RosterEntryDocument> entries) {
		if (entries.isEmpty()) {
			return Mono.empty();
		}
		var bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RosterEntryDocument.class);
		for (RosterEntryDocument entry : entries) {
			bulk.replaceOne(Query.query(Criteria.where("_id").is(entry.creditCode())), entry,
					FindAndReplaceOptions.options().upsert());
		}
		return bulk.execute().then();
	}

	/**
	 * Remove the entries of these counties that are not among the given codes.
	 * @param counties the counties
	 * @param keep the codes to keep
	 * @return how many were removed
	 */
	public Mono<Long> removeOthers(Collection<String> counties, Collection<String> keep) {
		return this.mongo
			.remove(Query.query(Criteria.where("regionCode").in(counties).and("_id").nin(keep)),
					RosterEntryDocument.class)
			.map((result) -> result.getDeletedCount());
	}

	public Mono<RosterImportDocument> insert(RosterImportDocument rosterImport) {
		return this.mongo.insert(rosterImport);
	}

	public Mono<RosterImportDocument> findImport(String id) {
		return this.mongo.findById(id, RosterImportDocument.class);
	}

	/**
	 * Take an import for application: {@code PREVIEWED} (or an interrupted
	 * {@code APPLYING}) becomes {@code APPLYING}.
	 * @param id the import
	 * @return the import, or empty when it was applied already
	 */
	public Mono<RosterImportDocument> startApplying(String id) {
		return moveImport(id, RosterImportState.APPLYING, new Update());
	}

	public Mono<RosterImportDocument> applied(String id, Instant at) {
		return moveImport(id, RosterImportState.APPLIED, new Update().set("appliedAt", at));
	}

	private Mono<RosterImportDocument> moveImport(String id, RosterImportState to, Update change) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)).addCriteria(to.moveGuard()),
				change.set(RosterImportState.FIELD, to.name()), FindAndModifyOptions.options().returnNew(true),
				RosterImportDocument.class);
	}

}
