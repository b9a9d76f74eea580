package academy.cqo.supervision.persistence;

import java.util.List;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.shared.StartupTask;
import academy.cqo.supervision.NominationStage;

/**
 * Award rounds, nominations, quota counters ({@code award_quotas}, {@code _id} =
 * {@code roundId:regionCode}) and the honours of each person ({@code award_honours},
 * {@code _id} = account), each change one conditional single-document update.
 */
@Component
public class AwardStore implements StartupTask {

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	static final String QUOTAS = "award_quotas";

	static final String HONOURS = "award_honours";

	private final ReactiveMongoTemplate mongo;

	AwardStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	/**
	 * One nomination per person and round (unique, kept by the embedded store too);
	 * nominations by round and stage (review queues) and evidence files by nomination for
	 * production MongoDB.
	 */
	@Override
	public Mono<Void> run() {
		var nominations = this.mongo.indexOps(NominationDocument.COLLECTION);
		return nominations.createIndex(new Index("key", Sort.Direction.ASC).unique().named("nomination_key"))
			.then(nominations.createIndex(
					new Index("roundId", Sort.Direction.ASC).on("stage", Sort.Direction.ASC).named("nomination_round")))
			.then(this.mongo.indexOps(EvidenceDocument.COLLECTION)
				.createIndex(new Index("nominationId", Sort.Direction.ASC).named("evidence_nomination")))
			.then();
	}

	public Mono<AwardRoundDocument> insert(AwardRoundDocument round) {
		return this.mongo.insert(round);
	}

	public Mono<AwardRoundDocument> round(String id) {
		return this.mongo.findById(id, AwardRoundDocument.class);
	}

	public Flux<AwardRoundDocument> rounds(String regionPrefix) {
		return this.mongo.find(Query.query(Criteria.where("regionCode").regex("^" + regionPrefix))
			.with(Sort.by(Sort.Direction.DESC, "year", "createdAt")), AwardRoundDocument.class);
	}

	public Mono<AwardRoundDocument> publish(String id, boolean publicListing) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
				new Update().set("publicListing", publicListing), RETURN_NEW, AwardRoundDocument.class);
	}

	/**
	 * Insert a nomination; empty when the person is already nominated in the round.
	 * @param nomination the nomination
	 * @return it, or empty
	 */
	public Mono<NominationDocument> nominate(NominationDocument nomination) {
		return this.mongo.insert(nomination).onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty());
	}

	/**
	 * Store a nomination's evidence files (before the nomination that lists them).
	 * @param files the files
	 * @return completes when all are stored
	 */
	public Mono<Void> saveEvidence(List<EvidenceDocument> files) {
		return files.isEmpty() ? Mono.empty() : this.mongo.insertAll(files).then();
	}

	/**
	 * Remove the evidence files of a nomination that was not stored (a duplicate).
	 * @param nominationId the nomination
	 * @return completes when removed
	 */
	public Mono<Void> dropEvidence(String nominationId) {
		return this.mongo.remove(Query.query(Criteria.where("nominationId").is(nominationId)), EvidenceDocument.class)
			.then();
	}

	/**
	 * One evidence file of a nomination, read by its id.
	 * @param nominationId the nomination
	 * @param id the file
	 * @return the file, or empty
	 */
	public Mono<EvidenceDocument> evidence(String nominationId, String id) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(id).and("nominationId").is(nominationId)),
				EvidenceDocument.class);
	}

	public Mono<NominationDocument> nomination(String roundId, String id) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(id).and("roundId").is(roundId)),
				NominationDocument.class);
	}

	public Flux<NominationDocument> nominations(String roundId, Criteria scope) {
		return this.mongo.find(Query.query(Criteria.where("roundId").is(roundId).andOperator(scope))
			.with(Sort.by(Sort.Direction.ASC, "createdAt")), NominationDocument.class);
	}

	/**
	 * Move a nomination from one stage to the next, recording the decision.
	 * @param id the nomination
	 * @param from the stage it must be in
	 * @param to the stage after
	 * @param decision the decision
	 * @return the nomination after, or empty when it was not in {@code from}
	 */
	public Mono<NominationDocument> decide(String id, NominationStage from, NominationStage to,
			NominationDocument.NominationDecision decision) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)).addCriteria(from.guardTo(to)),
				new Update().set(NominationStage.FIELD, to.name()).push("decisions", decision), RETURN_NEW,
				NominationDocument.class);
	}

	/**
	 * Take a place of a region's quota: one conditional increment, so racing awards never
	 * exceed it.
	 * @param roundId the round
	 * @param regionCode the quota's region
	 * @param quota the quota
	 * @return {@code true} when a place was taken
	 */
	public Mono<Boolean> takeQuota(String roundId, String regionCode, int quota) {
		String id = roundId + ":" + regionCode;
		Query free = Query.query(Criteria.where("_id").is(id).and("used").lt(quota));
		return this.mongo.insert(new Document("_id", id).append("used", 0), QUOTAS)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())
			.then(this.mongo.updateFirst(free, new Update().inc("used", 1), QUOTAS))
			.map((result) -> result.getModifiedCount() > 0);
	}

	public Mono<Void> releaseQuota(String roundId, String regionCode) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(roundId + ":" + regionCode).and("used").gt(0)),
					new Update().inc("used", -1), QUOTAS)
			.then();
	}

	/**
	 * Record an honour of a person (idempotent: the same honour is kept once).
	 * @param accountId the person
	 * @param year the year
	 * @param kind the kind
	 * @param roundId the round
	 * @return completes when stored
	 */
	public Mono<Void> honour(String accountId, int year, String kind, String roundId) {
		return this.mongo
			.upsert(Query.query(Criteria.where("_id").is(accountId)),
					new Update().addToSet("honours",
							new Document("year", year).append("kind", kind).append("roundId", roundId)),
					HONOURS)
			.then();
	}

	/**
	 * A person's honours.
	 * @param accountId the person
	 * @return year and kind of each
	 */
	@SuppressWarnings("unchecked")
	public Flux<Document> honours(String accountId) {
		return this.mongo.findById(accountId, Document.class, HONOURS)
			.flatMapMany((found) -> Flux.fromIterable((List<Document>) found.getOrDefault("honours", List.of())));
	}

}
