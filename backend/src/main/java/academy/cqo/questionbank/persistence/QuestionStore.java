package academy.cqo.questionbank.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.questionbank.DrawCriteria;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.questionformats.ReviewStatus;
import academy.cqo.shared.StartupTask;

/**
 * Stored questions and their frozen versions. Every change is one conditional
 * single-document update: edits are conditional on the revision the editor saw, a new
 * version on the current one being frozen. Uniqueness of codes, numbers and duplicate
 * fingerprints per bank is held by unique indexes.
 */
@Component
public class QuestionStore implements StartupTask {

	private final ReactiveMongoTemplate mongo;

	QuestionStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	@Override
	public Mono<Void> run() {
		var questions = this.mongo.indexOps(QuestionDocument.COLLECTION);
		var banks = this.mongo.indexOps(BankDocument.COLLECTION);
		return questions
			.createIndex(new Index().on("bankId", Sort.Direction.ASC)
				.on("code", Sort.Direction.ASC)
				.unique()
				.named("bank_code_unique"))
			.then(questions.createIndex(new Index().on("bankId", Sort.Direction.ASC)
				.on("fingerprint", Sort.Direction.ASC)
				.unique()
				.named("bank_fingerprint_unique")))
			.then(questions.createIndex(new Index().on("bankId", Sort.Direction.ASC)
				.on("number", Sort.Direction.ASC)
				.unique()
				.named("bank_number_unique")))
			.then(banks.createIndex(new Index("name", Sort.Direction.ASC).unique().named("bank_name_unique")))
			.then();
	}

	public static String newId() {
		return new ObjectId().toHexString();
	}

	static Criteria visible() {
		return Criteria.where("importId").is(null);
	}

	public Mono<QuestionDocument> findById(String id) {
		return this.mongo.findOne(Query.query(Criteria.where("_id").is(id).andOperator(visible())),
				QuestionDocument.class);
	}

	public Mono<QuestionDocument> findByFingerprint(String bankId, String fingerprint) {
		return this.mongo.findOne(Query.query(Criteria.where("bankId").is(bankId).and("fingerprint").is(fingerprint)),
				QuestionDocument.class);
	}

	/**
	 * Every visible question of a bank, in number order.
	 * @param bankId the bank
	 * @return the questions
	 */
	public Flux<QuestionDocument> allInBank(String bankId) {
		return this.mongo.find(
				Query.query(Criteria.where("bankId").is(bankId).andOperator(visible())).with(Sort.by("number")),
				QuestionDocument.class);
	}

	/**
	 * A page of a bank's questions.
	 * @param filter what to show
	 * @param offset how many to skip
	 * @param limit how many at most
	 * @return the questions in number order
	 */
	public Flux<QuestionDocument> find(QuestionQuery filter, long offset, int limit) {
		return this.mongo.find(Query.query(filter.criteria()).with(Sort.by("number")).skip(offset).limit(limit),
				QuestionDocument.class);
	}

	public Mono<Long> count(QuestionQuery filter) {
		return this.mongo.count(Query.query(filter.criteria()), QuestionDocument.class);
	}

	/**
	 * How many visible questions each bank holds, retired ones not counted.
	 * @return question counts by bank id
	 */
	public Mono<Map<String, Long>> countsByBank() {
		Aggregation aggregation = Aggregation.newAggregation(
				Aggregation.match(Criteria.where("status").ne(ReviewStatus.RETIRED.name()).andOperator(visible())),
				Aggregation.group("bankId").count().as("count"));
		return this.mongo.aggregate(aggregation, QuestionDocument.COLLECTION, Document.class)
			.collectMap((row) -> row.getString("_id"), (row) -> ((Number) row.get("count")).longValue());
	}

	public Mono<QuestionDocument> insert(QuestionDocument question) {
		return this.mongo.insert(question);
	}

	public Flux<QuestionDocument> insertAll(List<QuestionDocument> questions) {
		return this.mongo.insert(questions, QuestionDocument.class);
	}

	/**
	 * Change a question whose current version has not been delivered, keeping its version
	 * number.
	 * @param id the question
	 * @param expectedRevision the revision the editor saw
	 * @param change the new state
	 * @return the changed question, or empty when it changed meanwhile or its version was
	 * delivered meanwhile
	 */
	public Mono<QuestionDocument> editInPlace(String id, long expectedRevision, Update change) {
		Query query = Query
			.query(Criteria.where("_id").is(id).and("revision").is(expectedRevision).and("delivered").is(false));
		return this.mongo.findAndModify(query, change.inc("revision", 1),
				FindAndModifyOptions.options().returnNew(true), QuestionDocument.class);
	}

	/**
	 * Replace a question's frozen current version by a new one.
	 * @param id the question
	 * @param expectedRevision the revision the editor saw
	 * @param change the new state
	 * @return the changed question, or empty when it changed meanwhile
	 */
	public Mono<QuestionDocument> newVersion(String id, long expectedRevision, Update change) {
		Query query = Query
			.query(Criteria.where("_id").is(id).and("revision").is(expectedRevision).and("delivered").is(true));
		return this.mongo.findAndModify(query, change.inc("revision", 1).inc("version", 1).set("delivered", false),
				FindAndModifyOptions.options().returnNew(true), QuestionDocument.class);
	}

	/**
	 * Change only what is not versioned (tags, difficulty, status).
	 * @param id the question
	 * @param expectedRevision the revision the editor saw, or {@code null} for any
	 * @param change the change
	 * @return the changed question, or empty when it changed meanwhile
	 */
	public Mono<QuestionDocument> editMetadata(String id, Long expectedRevision, Update change) {
		Criteria criteria = Criteria.where("_id").is(id);
		if (expectedRevision != null) {
			criteria = criteria.and("revision").is(expectedRevision);
		}
		return this.mongo.findAndModify(Query.query(criteria), change.inc("revision", 1),
				FindAndModifyOptions.options().returnNew(true), QuestionDocument.class);
	}

	/**
	 * Freeze a question's current version: mark it delivered and make sure its version
	 * document exists. Idempotent; the content written is the one read atomically while
	 * marking, which cannot change afterwards.
	 * @param id the question
	 * @param at now
	 * @return the frozen version
	 */
	public Mono<QuestionVersionDocument> freeze(String id, Instant at) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id).andOperator(visible())),
					new Update().set("delivered", true), FindAndModifyOptions.options().returnNew(true),
					QuestionDocument.class)
			.flatMap((question) -> saveVersion(question, at));
	}

	private Mono<QuestionVersionDocument> saveVersion(QuestionDocument question, Instant at) {
		String versionId = QuestionVersionDocument.idOf(question.id(), question.version());
		QuestionVersionDocument version = new QuestionVersionDocument(versionId, question.id(), question.bankId(),
				question.version(), question.content(), question.updatedAt(), question.updatedBy(), at);
		return this.mongo.findById(versionId, QuestionVersionDocument.class)
			.switchIfEmpty(Mono.defer(() -> this.mongo.insert(version)
				.onErrorResume(DuplicateKeyException.class,
						(ex) -> this.mongo.findById(versionId, QuestionVersionDocument.class))));
	}

	public Mono<QuestionVersionDocument> findVersionById(String versionId) {
		return this.mongo.findById(versionId, QuestionVersionDocument.class);
	}

	public Mono<QuestionVersionDocument> findVersion(String questionId, int version) {
		return this.mongo.findById(QuestionVersionDocument.idOf(questionId, version), QuestionVersionDocument.class);
	}

	public Flux<QuestionVersionDocument> findVersions(String questionId) {
		return this.mongo.find(Query.query(Criteria.where("questionId").is(questionId)).with(Sort.by("version")),
				QuestionVersionDocument.class);
	}

	/**
	 * Apply the same change to many questions of a bank.
	 * @param bankId the bank
	 * @param ids the questions
	 * @param change the change
	 * @return how many changed
	 */
	public Mono<Long> updateMany(String bankId, Collection<String> ids, Update change) {
		Query query = Query.query(Criteria.where("_id").in(ids).and("bankId").is(bankId).andOperator(visible()));
		return this.mongo.updateMulti(query, change.inc("revision", 1), QuestionDocument.class)
			.map((result) -> result.getModifiedCount());
	}

	/**
	 * Retire the questions of a bank whose codes are not among the given ones (the
	 * official bank retires what its files no longer hold); past attempts keep their
	 * frozen versions.
	 * @param bankId the bank
	 * @param codes the codes that stay
	 * @return how many were retired
	 */
	public Mono<Long> retireAllBut(String bankId, Collection<String> codes) {
		Query query = Query.query(Criteria.where("bankId")
			.is(bankId)
			.and("code")
			.nin(codes)
			.and("status")
			.ne(ReviewStatus.RETIRED.name())
			.andOperator(visible()));
		return this.mongo
			.updateMulti(query, new Update().set("status", ReviewStatus.RETIRED).inc("revision", 1),
					QuestionDocument.class)
			.map((result) -> result.getModifiedCount());
	}

	/**
	 * Make the questions an import wrote visible.
	 * @param importId the import
	 * @return done
	 */
	public Mono<Void> publishImport(String importId) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("importId").is(importId)), new Update().unset("importId"),
					QuestionDocument.class)
			.then();
	}

	/**
	 * Remove the questions of an import that did not commit.
	 * @param importId the import
	 * @return done
	 */
	public Mono<Void> discardImport(String importId) {
		return this.mongo.remove(Query.query(Criteria.where("importId").is(importId)), QuestionDocument.class).then();
	}

	/**
	 * The ids of reviewed questions an exam section may draw, in a stable order.
	 * @param criteria what the section draws
	 * @return question ids ordered by bank and number
	 */
	public Flux<String> drawable(DrawCriteria criteria) {
		Query query = Query.query(drawableCriteria(criteria)).with(Sort.by("bankId", "number"));
		query.fields().include("_id");
		return this.mongo.find(query, org.bson.Document.class, QuestionDocument.COLLECTION)
			.map((document) -> document.get("_id").toString());
	}

	public Mono<Long> countDrawable(DrawCriteria criteria) {
		return this.mongo.count(Query.query(drawableCriteria(criteria)), QuestionDocument.class);
	}

	private static Criteria drawableCriteria(DrawCriteria criteria) {
		Criteria where = Criteria.where("bankId")
			.in(criteria.bankIds())
			.and("content.type")
			.is(criteria.type().name())
			.and("status")
			.is(ReviewStatus.REVIEWED.name());
		if (!criteria.difficulties().isEmpty()) {
			where = where.and("difficulty").in(criteria.difficulties());
		}
		if (!criteria.tags().isEmpty()) {
			String any = criteria.tags()
				.stream()
				.map((tag) -> Pattern.quote(tag.strip()))
				.collect(java.util.stream.Collectors.joining("|"));
			where = where.and("tags").regex("^(?:" + any + ")(/|$)");
		}
		return where.andOperator(visible());
	}

	/**
	 * A filter over one bank's visible questions.
	 *
	 * @param bankId the bank
	 * @param type only this type, or {@code null}
	 * @param tag only questions with this tag or a tag below it, or {@code null}
	 * @param difficulty only this difficulty, or {@code null}
	 * @param status only this status, or {@code null} for all but retired
	 * @param text only questions whose stem, options or code contain this (folded), or
	 * {@code null}
	 * @param anyStatus with {@code status} {@code null}: retired questions too
	 */
	public record QuestionQuery(String bankId, QuestionType type, String tag, Integer difficulty, ReviewStatus status,
			String text, boolean anyStatus) {

		Criteria criteria() {
			Criteria criteria = Criteria.where("bankId").is(this.bankId);
			if (this.type != null) {
				criteria = criteria.and("content.type").is(this.type.name());
			}
			if (this.tag != null && !this.tag.isBlank()) {
				criteria = criteria.and("tags").regex("^" + Pattern.quote(this.tag.strip()) + "(/|$)");
			}
			if (this.difficulty != null) {
				criteria = criteria.and("difficulty").is(this.difficulty);
			}
			if (this.status != null) {
				criteria = criteria.and("status").is(this.status.name());
			}
			else if (!this.anyStatus) {
				criteria = criteria.and("status").ne(ReviewStatus.RETIRED.name());
			}
			if (this.text != null && !this.text.isBlank()) {
				criteria = criteria.and("searchText").regex(Pattern.quote(this.text));
			}
			return criteria.andOperator(visible());
		}

	}

}
