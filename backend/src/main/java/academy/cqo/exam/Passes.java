package academy.cqo.exam;

import java.util.Collection;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.platform.AccountMatches;
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
		return AccountMatches.index(this.mongo, AttemptDocument.COLLECTION);
	}

	/**
	 * Those who passed at least one graded attempt.
	 * @param accountIds the candidates
	 * @return the account ids among them with a pass
	 */
	public Mono<Set<String>> passed(Collection<String> accountIds) {
		return AccountMatches.among(this.mongo, AttemptDocument.COLLECTION, Criteria.where("passed").is(true),
				accountIds);
	}

}
