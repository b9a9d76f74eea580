package academy.cqo.exam.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptDocument.AttemptEvent;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;
import academy.cqo.exam.persistence.AttemptDocument.SavedAnswer;
import academy.cqo.platform.BatchedInserts;
import academy.cqo.platform.KeyedUpserts;
import academy.cqo.shared.StartupTask;

/**
 * Stored attempts. Each operation is one conditional update of one attempt, so that a
 * save, a submit and the deadline sweep racing each other (on one instance or several)
 * always leave one consistent attempt: a save is applied only while the attempt is open
 * and only when its sequence number is newer than the stored one; a submit moves
 * {@code IN_PROGRESS → SUBMITTED} once.
 */
@Component
public class AttemptStore implements StartupTask {

	private final ReactiveMongoTemplate mongo;

	private final PaperContents contents;

	/**
	 * New attempts, inserted many at a time in a burst (a synchronised start inserts a
	 * thousand in a second or two).
	 */
	private final BatchedInserts inserts;

	/** Saves: one conditional upsert each, in process on the embedded store. */
	private final KeyedUpserts upserts;

	AttemptStore(ReactiveMongoTemplate mongo, PaperContents contents, KeyedUpserts upserts) {
		this.mongo = mongo;
		this.upserts = upserts;
		this.contents = contents;
		this.inserts = new BatchedInserts(mongo, AttemptDocument.COLLECTION, 200);
	}

	/**
	 * Store a new attempt.
	 * @param attempt the attempt
	 * @return the attempt, or the one stored under the same id when another start won the
	 * race
	 */
	public Mono<AttemptDocument> insert(AttemptDocument attempt) {
		return this.inserts.insert(PaperContents.stripped(attempt))
			.flatMap((inserted) -> inserted ? Mono.just(attempt) : findById(attempt.id()));
	}

	/**
	 * An attempt as the application sees it: the paper's contents filled in and the
	 * answers, which live in their own documents, merged in (the newest of each question
	 * wins, so attempts stored before answers moved out still read right).
	 */
	private Mono<AttemptDocument> complete(AttemptDocument attempt) {
		return this.contents.hydrate(attempt).flatMap(this::withAnswers);
	}

	private Mono<AttemptDocument> withAnswers(AttemptDocument attempt) {
		if (attempt.paper().isEmpty() || !attempt.results().isEmpty()) {
			// graded: the answers it was graded on are part of the attempt
			return Mono.just(attempt);
		}
		List<String> ids = attempt.paper()
			.stream()
			.map((question) -> AnswerDocument.idOf(attempt.id(), question.questionId()))
			.toList();
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), AnswerDocument.class)
			.collectList()
			.map((answers) -> {
				if (answers.isEmpty()) {
					return attempt;
				}
				Map<String, SavedAnswer> merged = new HashMap<>(attempt.answers());
				for (AnswerDocument answer : answers) {
					if (!answer.answered()) {
						continue;
					}
					merged.merge(answer.questionId(), answer.saved(),
							(stored, saved) -> (saved.seq() > stored.seq()) ? saved : stored);
				}
				return attempt.withAnswers(merged);
			});
	}

	public Mono<AttemptDocument> findById(String id) {
		return this.mongo.findById(id, AttemptDocument.class).flatMap(this::complete);
	}

	/**
	 * A candidate's attempts in a session, first to last. Attempt ids are
	 * {@code sessionId:accountId:n}, so they are found by key (1, 2, … until one is
	 * missing) rather than by scanning: on an exam day every candidate starts at once.
	 * @param sessionId the session
	 * @param accountId the candidate
	 * @return the attempts in order
	 */
	public Flux<AttemptDocument> findByCandidate(String sessionId, String accountId) {
		return Flux.range(1, 1000)
			.concatMap((number) -> this.mongo
				.findById(AttemptDocument.idOf(sessionId, accountId, number), AttemptDocument.class)
				.defaultIfEmpty(MISSING), 1)
			.takeWhile((attempt) -> attempt != MISSING)
			.concatMap(this::complete);
	}

	/** Marks the end of a candidate's attempts when probing by key. */
	private static final AttemptDocument MISSING = new AttemptDocument("", "", "", "", "", 0, "", null, null, 0, null,
			null, null, null, null, null, null, null, null, null, 0, null, null, false);

	public Flux<AttemptDocument> findByAccount(String accountId) {
		return this.mongo
			.find(Query.query(Criteria.where("accountId").is(accountId))
				.with(Sort.by(Sort.Direction.DESC, "startedAt")), AttemptDocument.class)
			.concatMap(this::complete);
	}

	public Flux<AttemptDocument> findBySession(String sessionId) {
		return this.mongo
			.find(Query.query(Criteria.where("sessionId").is(sessionId)).with(Sort.by("startedAt")),
					AttemptDocument.class)
			.concatMap(this::complete);
	}

	public Mono<Long> countCandidates(String sessionId) {
		return this.mongo.count(Query.query(Criteria.where("sessionId").is(sessionId).and("number").is(1)),
				AttemptDocument.class);
	}

	/**
	 * What a save checks of its attempt, read by key with only these fields.
	 *
	 * @param status the attempt's status
	 * @param browserToken the page that holds it, or {@code null}
	 */
	public record Gate(String status, String browserToken) {

		public boolean open() {
			return AttemptStatus.IN_PROGRESS.name().equals(this.status);
		}

	}

	/**
	 * The attempt's status and the page that holds it.
	 * @param id the attempt
	 * @return them, or empty when there is no such attempt
	 */
	public Mono<Gate> gate(String id) {
		// Read as a plain document: mapped to the Gate record, the query mapper looked
		// for an "_id" property on it, and each read threw and caught an exception.
		Query query = Query.query(Criteria.where("_id").is(id));
		query.fields().include("status", "browserToken");
		return this.mongo.findOne(query, Document.class, AttemptDocument.COLLECTION)
			.map((gate) -> new Gate(gate.getString("status"), gate.getString("browserToken")));
	}

	/**
	 * What became of a save.
	 *
	 * @param stored the answer now stored for the question: the one sent, or a newer one
	 * that was there
	 * @param sealed whether the attempt's answers were sealed for grading before this one
	 * arrived (then it was not stored)
	 */
	public record AnswerSave(SavedAnswer stored, boolean sealed) {
	}

	/**
	 * Store an answer unless the one stored for the question is as new or newer, or the
	 * attempt's answers were sealed for grading: one conditional upsert of the answer's
	 * own document, {@code {_id, seq < n, sealed != true}}, served by the {@code _id}
	 * index. When the condition fails the upsert's insert meets the existing {@code _id}
	 * (duplicate key) and the stored answer is read to say why. Grading seals every
	 * question's document before it reads the answers ({@link #sealAnswers}), and both
	 * are single-document operations on the same document, so an answer is either stored
	 * before the seal (and read by the grader) or refused.
	 * @param attemptId the attempt
	 * @param questionId the question
	 * @param answer the answer
	 * @return what became of it
	 */
	public Mono<AnswerSave> saveAnswer(String attemptId, String questionId, SavedAnswer answer) {
		String id = AnswerDocument.idOf(attemptId, questionId);
		// the fields as AnswerDocument maps them (a date for the Instant)
		org.bson.Document newerAndOpen = new org.bson.Document("_id", id)
			.append("seq", new org.bson.Document("$lt", answer.seq()))
			.append("sealed", new org.bson.Document("$ne", Boolean.TRUE));
		org.bson.Document set = new org.bson.Document("attemptId", attemptId).append("questionId", questionId)
			.append("response", answer.response())
			.append("seq", answer.seq())
			.append("savedAt", Date.from(answer.savedAt()));
		return this.upserts.upsert(AnswerDocument.COLLECTION, newerAndOpen, new org.bson.Document("$set", set))
			.flatMap((written) -> written ? Mono.just(new AnswerSave(answer, false))
					: this.mongo.findById(id, AnswerDocument.class)
						.map((stored) -> new AnswerSave(stored.answered() ? stored.saved() : null, stored.isSealed())));
	}

	/**
	 * Seal every question's answer document of an attempt (creating the document of an
	 * unanswered question), so that no save is accepted any more, then read the answers:
	 * what grading must see. Idempotent; a seal racing a save's first insert of the same
	 * question is repeated.
	 * @param attempt a submitted attempt
	 * @return the attempt with every answer acknowledged before the seal
	 */
	public Mono<AttemptDocument> sealAnswers(AttemptDocument attempt) {
		if (attempt.paper().isEmpty()) {
			return Mono.just(attempt);
		}
		List<KeyedUpserts.Upsert> seals = attempt.paper()
			.stream()
			.map((question) -> new KeyedUpserts.Upsert(
					new org.bson.Document("_id", AnswerDocument.idOf(attempt.id(), question.questionId())),
					new org.bson.Document("$set", new org.bson.Document("sealed", Boolean.TRUE)).append("$setOnInsert",
							new org.bson.Document("attemptId", attempt.id()).append("questionId",
									question.questionId()))))
			.toList();
		return this.upserts.upsertAll(AnswerDocument.COLLECTION, seals)
			.retryWhen(Retry.max(5).filter(AttemptStore::duplicateKey))
			.then(withAnswers(attempt));
	}

	private static boolean duplicateKey(Throwable ex) {
		return ex instanceof DuplicateKeyException;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	/**
	 * The unique index {@code _id + seq} an earlier compare-and-set used is no longer
	 * needed (every save query is served by the {@code _id} index): dropped where it
	 * exists, so that a save maintains one index less.
	 */
	@Override
	public Mono<Void> run() {
		return this.mongo.indexOps(AnswerDocument.COLLECTION)
			.getIndexInfo()
			.filter((index) -> "answer_seq_unique".equals(index.getName()))
			.concatMap((index) -> this.mongo.indexOps(AnswerDocument.COLLECTION).dropIndex(index.getName()))
			.then();
	}

	/**
	 * The stored answer to one question.
	 * @param attemptId the attempt
	 * @param questionId the question
	 * @return it, or empty when none was saved
	 */
	public Mono<SavedAnswer> answer(String attemptId, String questionId) {
		return this.mongo.findById(AnswerDocument.idOf(attemptId, questionId), AnswerDocument.class)
			.map(AnswerDocument::saved);
	}

	public Mono<AttemptDocument> flag(String id, String accountId, String questionId, boolean flagged) {
		Update update = flagged ? new Update().addToSet("flagged", questionId)
				: new Update().pull("flagged", questionId);
		return this.mongo
			.findAndModify(
					Query.query(AttemptStatus.IN_PROGRESS
						.stillIn(Criteria.where("_id").is(id).and("accountId").is(accountId))),
					update, FindAndModifyOptions.options().returnNew(true), AttemptDocument.class)
			.flatMap(this::complete);
	}

	public Mono<AttemptDocument> record(String id, AttemptEvent event) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().push("events", event),
					FindAndModifyOptions.options().returnNew(true), AttemptDocument.class)
			.flatMap(this::complete);
	}

	/**
	 * Hand the attempt to a browser page; pages that held it before can no longer save.
	 * @param id the attempt
	 * @param token the page's token
	 * @param event the log entry
	 * @return the attempt
	 */
	public Mono<AttemptDocument> takeOver(String id, String token, AttemptEvent event) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id)),
					new Update().set("browserToken", token).push("events", event),
					FindAndModifyOptions.options().returnNew(true), AttemptDocument.class)
			.flatMap(this::complete);
	}

	/**
	 * Submit an open attempt: the one move from {@code IN_PROGRESS} to {@code SUBMITTED}.
	 * @param id the attempt
	 * @param by {@code CANDIDATE}, {@code DEADLINE} or {@code INTEGRITY}
	 * @param event the log entry
	 * @return the submitted attempt, or empty when it was no longer open
	 */
	public Mono<AttemptDocument> submit(String id, String by, AttemptEvent event) {
		Query open = Query.query(AttemptStatus.SUBMITTED.moveGuard(Criteria.where("_id").is(id)));
		Update update = new Update().set(AttemptStatus.FIELD, AttemptStatus.SUBMITTED.name())
			.set("submittedAt", event.at())
			.set("submittedBy", by)
			.push("events", event);
		return this.mongo
			.findAndModify(open, update, FindAndModifyOptions.options().returnNew(true), AttemptDocument.class)
			.flatMap(this::complete);
	}

	/**
	 * Record the marks of a submitted attempt, and the answers they were given for; final
	 * when nothing awaits a person.
	 * @param id the attempt
	 * @param answers the answers graded (from then on the attempt's own)
	 * @param results per question
	 * @param score the score when final, else {@code null}
	 * @param passed whether it passed when final, else {@code null}
	 * @param gradedAt when it became final, else {@code null}
	 * @return the graded attempt, or empty when it was already graded
	 */
	public Mono<AttemptDocument> grade(String id, Map<String, SavedAnswer> answers, List<QuestionResult> results,
			Double score, Boolean passed, Instant gradedAt) {
		Query submitted = Query.query(AttemptStatus.SUBMITTED.stillIn(Criteria.where("_id").is(id)));
		Update update = new Update().set("answers", answers)
			.set("results", results)
			.set("score", score)
			.set("passed", passed);
		if (gradedAt != null) {
			update.set(AttemptStatus.FIELD, AttemptStatus.GRADED.name()).set("gradedAt", gradedAt);
		}
		return this.mongo
			.findAndModify(submitted, update, FindAndModifyOptions.options().returnNew(true), AttemptDocument.class)
			.flatMap(this::complete);
	}

	/**
	 * Record a person's mark for one essay of a submitted attempt.
	 * @param id the attempt
	 * @param questionId the essay
	 * @param points the points awarded
	 * @param event the log entry (who marked)
	 * @return the attempt after marking, or empty when it is no longer awaiting marks
	 */
	public Mono<AttemptDocument> mark(String id, String questionId, double points, AttemptEvent event) {
		Query query = Query.query(AttemptStatus.SUBMITTED.stillIn(Criteria.where("_id").is(id))
			.and("results")
			.elemMatch(Criteria.where("questionId").is(questionId)));
		Update update = new Update().set("results.$.awarded", points).push("events", event);
		return this.mongo
			.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), AttemptDocument.class)
			.flatMap(this::complete);
	}

	/**
	 * Make a fully marked attempt final.
	 * @param id the attempt
	 * @param score the total
	 * @param passed whether it passed
	 * @param at now
	 * @return the final attempt, or empty when another marker finalised it first
	 */
	public Mono<AttemptDocument> finish(String id, double score, boolean passed, Instant at) {
		Query query = Query.query(AttemptStatus.GRADED.moveGuard(Criteria.where("_id").is(id)));
		Update update = new Update().set(AttemptStatus.FIELD, AttemptStatus.GRADED.name())
			.set("score", score)
			.set("passed", passed)
			.set("gradedAt", at);
		return this.mongo
			.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), AttemptDocument.class)
			.flatMap(this::complete);
	}

	public Flux<AttemptDocument> findGradedByExam(String examId) {
		return this.mongo
			.find(Query.query(AttemptStatus.GRADED.stillIn(Criteria.where("examId").is(examId))), AttemptDocument.class)
			.concatMap(this::complete);
	}

	/**
	 * Apply a regrade of one question: the corrected key and its mark, and the total when
	 * the attempt is final. Conditional on the mark it replaces, so a regrade racing
	 * another change applies once.
	 * @param id the attempt
	 * @param index the question's position in the paper
	 * @param corrected the question with the corrected key
	 * @param before the mark it replaces
	 * @param after the new mark
	 * @param score the new total, or {@code null} while not final
	 * @param passed whether it now passes, or {@code null} while not final
	 * @param event the log entry
	 * @return the regraded attempt, or empty when it changed meanwhile
	 */
	public Mono<AttemptDocument> regrade(String id, int index, academy.cqo.questionformats.QuestionContent corrected,
			QuestionResult before, QuestionResult after, Double score, Boolean passed, AttemptEvent event) {
		Query query = Query
			.query(Criteria.where("_id").is(id).and("results." + index + ".awarded").is(before.awarded()));
		Update update = new Update().set("paper." + index + ".content", corrected)
			.set("results." + index, after)
			.push("events", event);
		if (score != null) {
			update.set("score", score).set("passed", passed);
		}
		return this.mongo
			.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), AttemptDocument.class)
			.flatMap(this::complete);
	}

	public Flux<AttemptDocument> findByExam(String examId) {
		return this.mongo.find(Query.query(Criteria.where("examId").is(examId)), AttemptDocument.class)
			.concatMap(this::complete);
	}

	public Flux<AttemptDocument> findAwaitingMarks(String sessionId) {
		return this.mongo
			.find(Query.query(AttemptStatus.SUBMITTED.stillIn(Criteria.where("sessionId").is(sessionId)))
				.with(Sort.by("submittedAt")), AttemptDocument.class)
			.concatMap(this::complete);
	}

	public Mono<Void> markOutcomePublished(String id) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("outcomePublished", true),
					AttemptDocument.class)
			.then();
	}

	/**
	 * Open attempts whose deadline (plus grace) has passed.
	 * @param cutoff now minus the grace period
	 * @return the attempts
	 */
	public Flux<AttemptDocument> findOverdue(Instant cutoff) {
		return this.mongo
			.find(Query.query(AttemptStatus.IN_PROGRESS.stillIn().and("deadline").lte(cutoff)), AttemptDocument.class)
			.concatMap(this::complete);
	}

	/**
	 * What the deadline sweep looks at of the attempts of some sessions, in one read of
	 * the {@code _id} index (an attempt's id begins with its session's): the status, the
	 * deadline, whether it passed and was announced, when it was graded, and its first
	 * result if any (an attempt submitted but never graded has none). On the embedded
	 * store only the matching ids' documents are read, not every attempt.
	 * @param sessionIds the sessions
	 * @param leftOut attempts not to read (on the embedded store, their documents are not
	 * read at all)
	 * @return one document per attempt with those fields
	 */
	public Flux<org.bson.Document> sweepViewOf(java.util.Collection<String> sessionIds,
			java.util.Collection<String> leftOut) {
		if (sessionIds.isEmpty()) {
			return Flux.empty();
		}
		String sessions = sessionIds.stream()
			.map(java.util.regex.Pattern::quote)
			.collect(java.util.stream.Collectors.joining("|"));
		Criteria ids = Criteria.where("_id").regex(java.util.regex.Pattern.compile("^(?:" + sessions + "):"));
		Query query = Query.query(leftOut.isEmpty() ? ids : ids.nin(leftOut));
		query.fields().include(AttemptStatus.FIELD, "deadline", "passed", "outcomePublished", "gradedAt");
		return this.mongo.find(query, org.bson.Document.class, AttemptDocument.COLLECTION);
	}

	/**
	 * Submitted attempts that were never graded (a crash between submitting and grading).
	 * @return the attempts
	 */
	public Flux<AttemptDocument> findUngraded() {
		return this.mongo
			.find(Query.query(AttemptStatus.SUBMITTED.stillIn().and("results").size(0)), AttemptDocument.class)
			.concatMap(this::complete);
	}

	/**
	 * Passed attempts whose outcome was never published (a crash before publishing).
	 * @param gradedBefore only those graded before this
	 * @return the attempts
	 */
	public Flux<AttemptDocument> findUnpublishedPasses(Instant gradedBefore) {
		return this.mongo.find(Query.query(AttemptStatus.GRADED.stillIn()
			.and("passed")
			.is(true)
			.and("outcomePublished")
			.is(false)
			.and("gradedAt")
			.lt(gradedBefore)), AttemptDocument.class).concatMap(this::complete);
	}

}
