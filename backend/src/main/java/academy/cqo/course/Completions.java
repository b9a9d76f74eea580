package academy.cqo.course;

import java.util.Collection;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
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

}
