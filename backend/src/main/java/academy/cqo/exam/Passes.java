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

	/** Up to this many people are read by an {@code $in} list, more in one pass. */
	static final int MAX_IN = 500;

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
		// Many people: one pass over the passed attempts, joined in memory (a long $in
		// list
		// costs a comparison per element and document on a store without indexes).
		boolean many = accountIds.size() > MAX_IN;
		Set<String> wanted = many ? new java.util.HashSet<>(accountIds) : Set.of();
		Criteria criteria = Criteria.where("passed").is(true);
		if (!many) {
			criteria = criteria.and("accountId").in(accountIds);
		}
		Query query = Query.query(criteria);
		query.fields().include("accountId");
		return this.mongo.find(query, org.bson.Document.class, AttemptDocument.COLLECTION)
			.mapNotNull((attempt) -> attempt.getString("accountId"))
			.filter((account) -> !many || wanted.contains(account))
			.collect(java.util.stream.Collectors.toSet());
	}

}
