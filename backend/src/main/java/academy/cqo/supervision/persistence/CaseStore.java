package academy.cqo.supervision.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.shared.StartupTask;
import academy.cqo.supervision.CaseState;
import academy.cqo.supervision.StepKind;

/**
 * Supervision cases and their documents; every change is one conditional update on the
 * states it starts from.
 */
@Component
public class CaseStore implements StartupTask {

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final ReactiveMongoTemplate mongo;

	CaseStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	/**
	 * The indexes production MongoDB needs (the embedded store keeps only unique ones):
	 * cases by county (lists in a jurisdiction), by enterprise (its portal), by state and
	 * due date (the escalation sweep), documents by case.
	 */
	@Override
	public Mono<Void> run() {
		var cases = this.mongo.indexOps(CaseDocument.COLLECTION);
		return cases.createIndex(new Index("regionCode", Sort.Direction.ASC).named("case_region"))
			.then(cases.createIndex(new Index("creditCode", Sort.Direction.ASC).named("case_enterprise")))
			.then(cases.createIndex(
					new Index("state", Sort.Direction.ASC).on("dueDate", Sort.Direction.ASC).named("case_due")))
			.then(this.mongo.indexOps(CaseFileDocument.COLLECTION)
				.createIndex(new Index("caseId", Sort.Direction.ASC).named("case_file_case")))
			.then();
	}

	public static String newId() {
		return new ObjectId().toHexString();
	}

	public Mono<CaseDocument> insert(CaseDocument document) {
		return this.mongo.insert(document);
	}

	public Mono<CaseDocument> find(String id) {
		return this.mongo.findById(id, CaseDocument.class);
	}

	/**
	 * Add a step while the case is in a state the step may follow
	 * ({@link StepKind#guard()}), moving it to the step's outcome.
	 * @param id the case
	 * @param kind the step's kind
	 * @param step the step
	 * @param change further changes (the due date)
	 * @return the case after, or empty when its state did not allow the step
	 */
	public Mono<CaseDocument> addStep(String id, StepKind kind, CaseDocument.Step step, Update change) {
		if (kind.outcome() != null) {
			change.set(CaseState.FIELD, kind.outcome().name());
		}
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)).addCriteria(kind.guard()),
				change.push("steps", step).inc("revision", 1), RETURN_NEW, CaseDocument.class);
	}

	/**
	 * Decide the exit: only while the case is active and no exit is decided, so of two
	 * requests at once exactly one wins.
	 * @param id the case
	 * @param step the exit step
	 * @param exit the exit
	 * @return the case after, or empty for the loser
	 */
	public Mono<CaseDocument> decideExit(String id, CaseDocument.Step step, CaseDocument.Exit exit) {
		return this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(id))
					.addCriteria(StepKind.EXIT.guard())
					.addCriteria(Criteria.where("exit").isNull()),
				new Update().set(CaseState.FIELD, CaseState.EXITED.name())
					.set("exit", exit)
					.push("steps", step)
					.inc("revision", 1),
				RETURN_NEW, CaseDocument.class);
	}

	public Mono<CaseDocument> completeExit(String id, List<String> certificates, Instant at) {
		return this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(id).and("exit").ne(null).and("exit.completedAt").isNull()),
				new Update().set("exit.certificates", certificates).set("exit.completedAt", at), RETURN_NEW,
				CaseDocument.class);
	}

	/** Exits decided but not yet carried out (a crash interrupted them). */
	public Flux<CaseDocument> unfinishedExits() {
		return this.mongo.find(
				Query.query(CaseState.EXITED.criteria()).addCriteria(Criteria.where("exit.completedAt").isNull()),
				CaseDocument.class);
	}

	/**
	 * Open cases whose rectification deadline passed.
	 * @param today today in the platform zone
	 * @return the cases
	 */
	public Flux<CaseDocument> overdue(LocalDate today) {
		return this.mongo.find(Query.query(CaseState.OPEN.criteria()).addCriteria(Criteria.where("dueDate").lt(today)),
				CaseDocument.class);
	}

	public Flux<CaseDocument> list(Criteria scope, String state, int limit) {
		Criteria criteria = (state != null) ? scope.and("state").is(state) : scope;
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
				CaseDocument.class);
	}

	public Mono<SamplingDrawDocument> insertDraw(SamplingDrawDocument draw) {
		return this.mongo.insert(draw);
	}

	public Mono<SamplingDrawDocument> draw(String id) {
		return this.mongo.findById(id, SamplingDrawDocument.class);
	}

	/**
	 * The newest draws inside a jurisdiction.
	 * @param regionPrefix the jurisdiction's code prefix
	 * @param limit how many
	 * @return the draws, newest first
	 */
	public Flux<SamplingDrawDocument> draws(String regionPrefix, int limit) {
		return this.mongo.find(Query.query(Criteria.where("regionCode").regex("^" + regionPrefix))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.limit(limit), SamplingDrawDocument.class);
	}

	/** Draws with an assessment session (the sweep follows their results). */
	public Flux<SamplingDrawDocument> drawsWithSessions() {
		return this.mongo.find(Query.query(Criteria.where("sessionId").ne(null)), SamplingDrawDocument.class);
	}

	/**
	 * Insert a case once under a fixed id (a case a sampling failure opens).
	 * @param document the case
	 * @return it when inserted now, empty when it existed
	 */
	public Mono<CaseDocument> insertOnce(CaseDocument document) {
		return this.mongo.insert(document)
			.onErrorResume(org.springframework.dao.DuplicateKeyException.class, (ex) -> Mono.empty());
	}

	public Mono<CaseFileDocument> saveFile(CaseFileDocument file) {
		return this.mongo.insert(file);
	}

	public Mono<CaseFileDocument> file(String caseId, String fileId) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(fileId).and("caseId").is(caseId)),
				CaseFileDocument.class);
	}

	/**
	 * Which of some documents belong to a case.
	 * @param caseId the case
	 * @param ids the documents
	 * @return those that do
	 */
	public Flux<String> filesOf(String caseId, Collection<String> ids) {
		Query query = Query.query(Criteria.where("_id").in(ids).and("caseId").is(caseId));
		query.fields().exclude("content");
		return this.mongo.find(query, CaseFileDocument.class).map(CaseFileDocument::id);
	}

	/** File names of a case's documents. */
	public Flux<CaseFileDocument> filesOf(String caseId) {
		Query query = Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by("uploadedAt"));
		query.fields().exclude("content");
		return this.mongo.find(query, CaseFileDocument.class);
	}

}
