package academy.cqo.exam;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptPartitions;
import academy.cqo.platform.AccountMatches;
import academy.cqo.platform.IdPages;
import academy.cqo.shared.StartupTask;

/**
 * Read facade for reports: which of these people passed an exam, in one read.
 */
@Service
public class Passes implements StartupTask {

	private static final String ACCOUNT = "accountId";

	private static final String PASSED = "passed";

	private final ReactiveMongoTemplate mongo;

	private final IdPages pages;

	Passes(ReactiveMongoTemplate mongo, IdPages pages) {
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
		return AccountMatches.index(this.mongo, AttemptDocument.COLLECTION);
	}

	/**
	 * Those who passed at least one graded attempt. A few hundred candidates' attempts
	 * are read by their {@code _id} in one read of the {@code _id} index
	 * ({@link AttemptPartitions}); more, every attempt in bounded {@code _id} pages
	 * ({@link IdPages}), so no reply reads every attempt at once (at 25,000 graded
	 * attempts one read of them all outlasted the driver's 30 s reply timeout on the
	 * embedded store).
	 * @param accountIds the candidates
	 * @return the account ids among them with a pass
	 */
	public Mono<Set<String>> passed(Collection<String> accountIds) {
		if (accountIds.isEmpty()) {
			return Mono.just(Set.of());
		}
		Set<String> wanted = new HashSet<>(accountIds);
		Flux<Document> attempts = (accountIds.size() > AccountMatches.MAX_IN)
				? this.pages.all(AttemptPartitions.fields(ACCOUNT, PASSED), AttemptDocument.COLLECTION)
				: AttemptPartitions.of(this.mongo, wanted, ACCOUNT, PASSED);
		return attempts.filter((attempt) -> Boolean.TRUE.equals(attempt.getBoolean(PASSED)))
			.mapNotNull((attempt) -> attempt.getString(ACCOUNT))
			.filter(wanted::contains)
			.collect(Collectors.toSet());
	}

}
