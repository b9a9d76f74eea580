package academy.cqo.reporting.persistence;

import java.util.Map;

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

import academy.cqo.reporting.domain.SubmissionState;
import academy.cqo.shared.StartupTask;

/**
 * Report rounds and the regions' submissions; every change of a submission is one
 * conditional update on its state.
 */
@Component
public class RoundStore implements StartupTask {

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final ReactiveMongoTemplate mongo;

	RoundStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	@Override
	public Mono<Void> run() {
		return this.mongo.indexOps(SubmissionDocument.COLLECTION)
			.createIndex(new Index("roundId", Sort.Direction.ASC).named("submission_round"))
			.then();
	}

	public Mono<ReportRoundDocument> insert(ReportRoundDocument round) {
		return this.mongo.insert(round);
	}

	public Mono<ReportRoundDocument> round(String id) {
		return this.mongo.findById(id, ReportRoundDocument.class);
	}

	public Flux<ReportRoundDocument> rounds() {
		return this.mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), ReportRoundDocument.class);
	}

	public Flux<SubmissionDocument> submissions(String roundId) {
		return this.mongo.find(Query.query(Criteria.where("roundId").is(roundId)), SubmissionDocument.class);
	}

	public Mono<SubmissionDocument> submission(String roundId, String regionCode) {
		return this.mongo.findById(SubmissionDocument.idOf(roundId, regionCode), SubmissionDocument.class);
	}

	/**
	 * Save plans on a report that is not submitted (creating the draft when there is
	 * none).
	 * @return the draft, or empty when the report is submitted
	 */
	public Mono<SubmissionDocument> savePlans(String roundId, String regionCode, Map<String, Integer> plans,
			SubmissionDocument.Action action) {
		Query open = byId(roundId, regionCode).addCriteria(SubmissionState.editableGuard());
		Update update = new Update().set("plans", plans)
			.set("updatedAt", action.at())
			.setOnInsert("roundId", roundId)
			.setOnInsert("regionCode", regionCode)
			.setOnInsert(SubmissionState.FIELD, SubmissionState.DRAFT.name())
			.setOnInsert("late", false)
			.push("history", action);
		return this.mongo
			.findAndModify(open, update, FindAndModifyOptions.options().returnNew(true).upsert(true),
					SubmissionDocument.class)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty());
	}

	/**
	 * Lock a draft or returned report with the figures as they are now.
	 * @return the submitted report, or empty when there is no open report
	 */
	public Mono<SubmissionDocument> submit(String roundId, String regionCode, long aboveScale, long filed, boolean late,
			SubmissionDocument.Action action) {
		Query open = byId(roundId, regionCode).addCriteria(SubmissionState.SUBMITTED.moveGuard());
		Update update = new Update().set(SubmissionState.FIELD, SubmissionState.SUBMITTED.name())
			.set("aboveScale", aboveScale)
			.set("filed", filed)
			.set("late", late)
			.set("submittedAt", action.at())
			.set("submittedBy", action.by())
			.set("updatedAt", action.at())
			.push("history", action);
		return this.mongo.findAndModify(open, update, RETURN_NEW, SubmissionDocument.class);
	}

	/**
	 * Return a submitted report for revision.
	 * @return the returned report, or empty when it was not submitted
	 */
	public Mono<SubmissionDocument> giveBack(String roundId, String regionCode, String comment,
			SubmissionDocument.Action action) {
		Query submitted = byId(roundId, regionCode).addCriteria(SubmissionState.RETURNED.moveGuard());
		Update update = new Update().set(SubmissionState.FIELD, SubmissionState.RETURNED.name())
			.set("returnComment", comment)
			.set("updatedAt", action.at())
			.push("history", action);
		return this.mongo.findAndModify(submitted, update, RETURN_NEW, SubmissionDocument.class);
	}

	private static Query byId(String roundId, String regionCode) {
		return Query.query(Criteria.where("_id").is(SubmissionDocument.idOf(roundId, regionCode)));
	}

}
