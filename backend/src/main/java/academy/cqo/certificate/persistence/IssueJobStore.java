package academy.cqo.certificate.persistence;

import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Bulk issues, one per session: progress that the page polls.
 */
@Component
public class IssueJobStore {

	private final ReactiveMongoTemplate mongo;

	IssueJobStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * A bulk issue.
	 *
	 * @param sessionId the session (the id)
	 * @param running whether it runs
	 * @param total passes found
	 * @param issued certificates issued (or found issued)
	 * @param failed certificates that could not be issued
	 * @param startedBy who started it
	 * @param startedAt when
	 * @param finishedAt when it finished, or {@code null}
	 */
	@Document("certificate_jobs")
	public record Job(@Id String sessionId, Boolean running, Integer total, Integer issued, Integer failed,
			String startedBy, Instant startedAt, Instant finishedAt) {

		public boolean isRunning() {
			return Boolean.TRUE.equals(this.running);
		}

	}

	/**
	 * Start a job for a session unless one is running there.
	 * @param sessionId the session
	 * @param by who
	 * @param at when
	 * @param staleBefore a running job started before this is taken to have died
	 * @return the job, or empty when one is running
	 */
	public Mono<Job> start(String sessionId, String by, Instant at, Instant staleBefore) {
		Update update = new Update().set("running", true)
			.set("total", 0)
			.set("issued", 0)
			.set("failed", 0)
			.set("startedBy", by)
			.set("startedAt", at)
			.set("finishedAt", null);
		Query idle = Query.query(Criteria.where("_id")
			.is(sessionId)
			.orOperator(Criteria.where("running").ne(true), Criteria.where("startedAt").lt(staleBefore)));
		return this.mongo.findAndModify(idle, update, FindAndModifyOptions.options().returnNew(true), Job.class)
			.switchIfEmpty(Mono.defer(() -> this.mongo.insert(new Job(sessionId, true, 0, 0, 0, by, at, null))
				.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())));
	}

	public Mono<Void> total(String sessionId, int total) {
		return update(sessionId, new Update().set("total", total));
	}

	public Mono<Void> count(String sessionId, boolean issued) {
		return update(sessionId, new Update().inc(issued ? "issued" : "failed", 1));
	}

	public Mono<Void> finish(String sessionId, Instant at) {
		return update(sessionId, new Update().set("running", false).set("finishedAt", at));
	}

	public Mono<Job> find(String sessionId) {
		return this.mongo.findById(sessionId, Job.class);
	}

	private Mono<Void> update(String sessionId, Update update) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(sessionId)), update, Job.class).then();
	}

}
