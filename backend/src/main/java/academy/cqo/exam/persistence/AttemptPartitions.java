package academy.cqo.exam.persistence;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.Document;
import reactor.core.publisher.Flux;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads the attempts of some candidates selected by their {@code _id}
 * ({@code sessionId:accountId:number}, {@link AttemptDocument#idOf}): on the embedded
 * store a query whose only key is {@code _id} with a regular expression is answered from
 * the unique {@code _id} index (the keys are matched, only the matching documents are
 * read), whereas a filter on {@code accountId} reads and compares every attempt. Filters
 * on other fields are applied by the caller to the documents read. Every attempt is read
 * in {@code _id} pages ({@code academy.cqo.platform.IdPages}).
 */
public final class AttemptPartitions {

	private AttemptPartitions() {
	}

	/**
	 * The attempts of some candidates, in one read of the {@code _id} index.
	 * @param mongo the store
	 * @param accountIds the candidates (a few hundred at most)
	 * @param fields the fields to read (besides {@code _id})
	 * @return their attempts
	 */
	public static Flux<Document> of(ReactiveMongoTemplate mongo, Collection<String> accountIds, String... fields) {
		if (accountIds.isEmpty()) {
			return Flux.empty();
		}
		return read(mongo, ofAccounts(accountIds), fields);
	}

	/** The ids of these candidates' attempts. */
	static Pattern ofAccounts(Collection<String> accountIds) {
		String accounts = accountIds.stream().map(Pattern::quote).collect(Collectors.joining("|"));
		return Pattern.compile("^[^:]*:(?:" + accounts + "):[0-9]+$");
	}

	/**
	 * A query for every attempt with only the given fields (read it in pages).
	 * @param fields the fields to read (besides {@code _id})
	 * @return the query
	 */
	public static Query fields(String... fields) {
		Query query = new Query();
		query.fields().include(fields);
		return query;
	}

	private static Flux<Document> read(ReactiveMongoTemplate mongo, Pattern ids, String... fields) {
		Query query = Query.query(Criteria.where("_id").regex(ids));
		query.fields().include(fields);
		return mongo.find(query, Document.class, AttemptDocument.COLLECTION);
	}

}
