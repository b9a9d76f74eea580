package academy.cqo.course;

import java.util.Collection;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import academy.cqo.course.persistence.EnrolmentDocument;
import academy.cqo.shared.StartupTask;

/**
 * Read facade for reports: which of these people completed a course, in one read.
 */
@Service
public class Completions implements StartupTask {

	/** Up to this many people are read by an {@code $in} list, more in one pass. */
	static final int MAX_IN = 500;

	private final ReactiveMongoTemplate mongo;

	Completions(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	/** The index production MongoDB needs for reading many people's records at once. */
	@Override
	public Mono<Void> run() {
		return this.mongo.indexOps(EnrolmentDocument.COLLECTION)
			.createIndex(new Index("accountId", Sort.Direction.ASC).named("report_account"))
			.then();
	}

	/**
	 * Those who completed one of the courses.
	 * @param accountIds the learners
	 * @param courseIds the courses that count; empty means any course
	 * @return the account ids among them with a completed enrolment
	 */
	public Mono<Set<String>> completed(Collection<String> accountIds, Collection<String> courseIds) {
		if (accountIds.isEmpty()) {
			return Mono.just(Set.of());
		}
		// Many people: one pass over the completed enrolments, joined in memory (a long
		// $in
		// list costs a comparison per element and document on a store without indexes).
		boolean many = accountIds.size() > MAX_IN;
		Set<String> wanted = many ? new java.util.HashSet<>(accountIds) : Set.of();
		Criteria criteria = Criteria.where("completedAt").ne(null);
		if (!many) {
			criteria = criteria.and("accountId").in(accountIds);
		}
		if (!courseIds.isEmpty()) {
			criteria = criteria.and("courseId").in(courseIds);
		}
		Query query = Query.query(criteria);
		query.fields().include("accountId");
		return this.mongo.find(query, org.bson.Document.class, EnrolmentDocument.COLLECTION)
			.mapNotNull((enrolment) -> enrolment.getString("accountId"))
			.filter((account) -> !many || wanted.contains(account))
			.collect(java.util.stream.Collectors.toSet());
	}

}
