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
 * Bulk issues, one per session and jurisdiction (a county's job neither blocks nor shows
 * the province's): progress that the page polls.
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
	 * @param id the session and the jurisdiction ({@code sessionId@regionCode})
	 * @param sessionId the session
	 * @param regionCode the jurisdiction whose candidates it issues for
	 * @param running whether it runs
	 * @param total passes found
	 * @param issued certificates issued (or found issued)
	 * @param failed certificates that could not be issued
	 * @param startedBy who started it
	 * @param startedAt when
	 * @param finishedAt when it finished, or {@code null}
	 */
	@Document("certificate_jobs")
	public record Job(@Id String id, String sessionId, String regionCode, Boolean running, Integer total,
			Integer issued, Integer failed, String startedBy, Instant startedAt, Instant finishedAt) {

		public boolean isRunning() {
			return Boolean.TRUE.equals(this.running);
		}

	}

	/**
	 * The id of a session's job for a jurisdiction.
	 * @param sessionId the session
	 * @param regionCode the jurisdiction
	 * @return the id
	 */
	public static String idOf(String sessionId, String regionCode) {
		return sessionId + "@" + regionCode;
	}

	/**
	 * Start a job for a session and jurisdiction unless one is running there.
	 * @param sessionId the session
	 * @param regionCode the jurisdiction
	 * @param by who
	 * @param at when
	 * @param staleBefore a running job started before this is taken to have died
	 * @return the job, or empty when one is running
	 */
	public Mono<Job> start(String sessionId, String regionCode, String by, Instant at, Instant staleBefore) {
		String id = idOf(sessionId, regionCode);
		Update update = new Update().set("running", true)
			.set("total", 0)
			.set("issued", 0)
			.set("failed", 0)
			.set("startedBy", by)
			.set("startedAt", at)
			.set("finishedAt", null);
		Query idle = Query.query(Criteria.where("_id")
			.is(id)
			.orOperator(Criteria.where("running").ne(true), Criteria.where("startedAt").lt(staleBefore)));
		return this.mongo.findAndModify(idle, update, FindAndModifyOptions.options().returnNew(true), Job.class)
			.switchIfEmpty(
					Mono.defer(() -> this.mongo.insert(new Job(id, sessionId, regionCode, true, 0, 0, 0, by, at, null))
						.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty())));
	}

	public Mono<Void> total(String jobId, int total) {
		return update(jobId, new Update().set("total", total));
	}

	public Mono<Void> count(String jobId, boolean issued) {
		return update(jobId, new Update().inc(issued ? "issued" : "failed", 1));
	}

	public Mono<Void> finish(String jobId, Instant at) {
		return update(jobId, new Update().set("running", false).set("finishedAt", at));
	}

	public Mono<Job> find(String jobId) {
		return this.mongo.findById(jobId, Job.class);
	}

	private Mono<Void> update(String jobId, Update update) {
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(jobId)), update, Job.class).then();
	}

}
