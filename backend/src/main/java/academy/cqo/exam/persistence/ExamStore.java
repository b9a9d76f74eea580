package academy.cqo.exam.persistence;

import java.util.List;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.exam.ExamDefinition;

/**
 * Stored exams and sessions.
 */
@Component
public class ExamStore {

	private final ReactiveMongoTemplate mongo;

	private final RecentReads<ExamDocument> recentExams = new RecentReads<>();

	private final RecentReads<SessionDocument> recentSessions = new RecentReads<>();

	ExamStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public static String newId() {
		return new ObjectId().toHexString();
	}

	public Mono<ExamDocument> insert(ExamDocument exam) {
		return this.mongo.insert(exam).transform((write) -> this.recentExams.forgetAfter(exam.id(), write));
	}

	public Mono<ExamDocument> findExam(String id) {
		return this.mongo.findById(id, ExamDocument.class);
	}

	/**
	 * An exam as read at most a second ago on this instance (changes made here are seen
	 * at once), for the hot path of a synchronised start; never for a read that a change
	 * is computed from.
	 * @param id the exam
	 * @return the exam, or empty
	 */
	public Mono<ExamDocument> recentExam(String id) {
		return this.recentExams.get(id, () -> findExam(id));
	}

	public Flux<ExamDocument> findExams() {
		return this.mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), ExamDocument.class);
	}

	public Mono<ExamDocument> updateDefinition(String id, ExamDefinition definition, java.time.Instant at) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id)),
					new Update().set("definition", definition).set("updatedAt", at),
					FindAndModifyOptions.options().returnNew(true), ExamDocument.class)
			.transform((write) -> this.recentExams.forgetAfter(id, write));
	}

	public Mono<ExamDocument> updateStewardship(String id, academy.cqo.identity.Stewardship stewardship) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().set("stewardship", stewardship),
					FindAndModifyOptions.options().returnNew(true), ExamDocument.class)
			.transform((write) -> this.recentExams.forgetAfter(id, write));
	}

	public Mono<SessionDocument> insert(SessionDocument session) {
		return this.mongo.insert(session).transform((write) -> this.recentSessions.forgetAfter(session.id(), write));
	}

	public Mono<SessionDocument> findSession(String id) {
		return this.mongo.findById(id, SessionDocument.class);
	}

	/**
	 * A session as read at most a second ago on this instance (changes made here are seen
	 * at once), for the hot path of a synchronised start; never for a read that a change
	 * is computed from.
	 * @param id the session
	 * @return the session, or empty
	 */
	public Mono<SessionDocument> recentSession(String id) {
		return this.recentSessions.get(id, () -> findSession(id));
	}

	public Flux<SessionDocument> findSessions() {
		return this.mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "opensAt")), SessionDocument.class);
	}

	/**
	 * Change a session's settings (not its exam, adjustments or author).
	 * @param id the session
	 * @param changes the new settings
	 * @return the session after the change, or empty when there is none
	 */
	public Mono<SessionDocument> updateSession(String id, Update changes) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id)), changes,
					FindAndModifyOptions.options().returnNew(true), SessionDocument.class)
			.transform((write) -> this.recentSessions.forgetAfter(id, write));
	}

	public Mono<SessionDocument> replaceOverrides(String id, List<SessionDocument.Adjustment> overrides) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().set("overrides", overrides),
					FindAndModifyOptions.options().returnNew(true), SessionDocument.class)
			.transform((write) -> this.recentSessions.forgetAfter(id, write));
	}

}
