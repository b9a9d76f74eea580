package academy.cqo.course;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import academy.cqo.course.persistence.EnrolmentDocument;
import academy.cqo.platform.AccountMatches;
import academy.cqo.platform.IdPages;
import academy.cqo.shared.StartupTask;

/**
 * Read facade for reports: which of these people completed a course, in one read.
 */
@Service
public class Completions implements StartupTask {

	private final ReactiveMongoTemplate mongo;

	private final IdPages pages;

	Completions(ReactiveMongoTemplate mongo, IdPages pages) {
		this.mongo = mongo;
		this.pages = pages;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	/** The index production MongoDB needs for reading many people's records at once. */
	@Override
	public Mono<Void> run() {
		return AccountMatches.index(this.mongo, EnrolmentDocument.COLLECTION);
	}

	/**
	 * Those who completed one of the courses.
	 * @param accountIds the learners
	 * @param courseIds the courses that count; empty means any course
	 * @return the account ids among them with a completed enrolment
	 */
	public Mono<Set<String>> completed(Collection<String> accountIds, Collection<String> courseIds) {
		Criteria criteria = Criteria.where("completedAt").ne(null);
		if (!courseIds.isEmpty()) {
			criteria = criteria.and("courseId").in(courseIds);
		}
		return AccountMatches.among(this.mongo, this.pages, EnrolmentDocument.COLLECTION, criteria, accountIds);
	}

	/**
	 * A completed course.
	 *
	 * @param accountId the learner
	 * @param completedAt when the last of its modules was completed
	 */
	public record Completed(String accountId, Instant completedAt) {
	}

	/**
	 * Everyone's completions of the courses that count (one per enrolment; a learner who
	 * completed two counted courses appears twice), for reports that take each learner's
	 * first; read in bounded pages ({@link IdPages}).
	 * @param courseIds the courses that count; empty means any course
	 * @return the completions, in no particular order
	 */
	public Flux<Completed> all(Collection<String> courseIds) {
		return this.pages.all(completedQuery(courseIds), EnrolmentDocument.COLLECTION)
			.mapNotNull(Completions::completed);
	}

	/**
	 * One learner's first completion of a course that counts: read by {@code _id} when
	 * the counted courses are named, by the learner otherwise.
	 * @param accountId the learner
	 * @param courseIds the courses that count; empty means any course
	 * @return when the learner first completed one, or empty if never
	 */
	public Mono<Instant> first(String accountId, Collection<String> courseIds) {
		Query query;
		if (courseIds.isEmpty()) {
			query = completedQuery(courseIds);
			query.addCriteria(Criteria.where("accountId").is(accountId));
		}
		else {
			query = Query.query(Criteria.where("_id")
				.in(courseIds.stream().map((course) -> EnrolmentDocument.idOf(course, accountId)).toList())
				.and("completedAt")
				.ne(null));
			query.fields().include("accountId", "completedAt");
		}
		return this.mongo.find(query, Document.class, EnrolmentDocument.COLLECTION)
			.mapNotNull(Completions::completed)
			.map(Completed::completedAt)
			.reduce((a, b) -> a.isBefore(b) ? a : b);
	}

	private static Query completedQuery(Collection<String> courseIds) {
		Criteria criteria = Criteria.where("completedAt").ne(null);
		if (!courseIds.isEmpty()) {
			criteria = criteria.and("courseId").in(courseIds);
		}
		Query query = Query.query(criteria);
		query.fields().include("accountId", "completedAt");
		return query;
	}

	private static Completed completed(Document enrolment) {
		String account = enrolment.getString("accountId");
		java.util.Date at = enrolment.getDate("completedAt");
		return (account != null && at != null) ? new Completed(account, at.toInstant()) : null;
	}

}
