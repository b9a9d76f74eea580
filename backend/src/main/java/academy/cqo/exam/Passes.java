package academy.cqo.exam;

import java.util.Collection;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.shared.StartupTask;

/**
 * Read facade for reports: which of these people passed an exam, in one read.
 */
@Service
public class Passes implements StartupTask {

	private final ReactiveMongoTemplate mongo;

	Passes(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	/** The index production MongoDB needs for reading many people's records at once. */
	@Override
	public Mono<Void> run() {
		return this.mongo.indexOps(AttemptDocument.COLLECTION)
			.createIndex(new Index("accountId", Sort.Direction.ASC).named("report_account"))
			.then();
	}

	/**
	 * Those who passed at least one graded attempt.
	 * @param accountIds the candidates
	 * @return the account ids among them with a pass
	 */
	public Mono<Set<String>> passed(Collection<String> accountIds) {
		if (accountIds.isEmpty()) {
			return Mono.just(Set.of());
		}
		Query query = Query.query(Criteria.where("accountId").in(accountIds).and("passed").is(true));
		query.fields().include("accountId");
		return this.mongo.find(query, org.bson.Document.class, AttemptDocument.COLLECTION)
			.map((attempt) -> attempt.getString("accountId"))
			.collect(java.util.stream.Collectors.toSet());
	}

}
