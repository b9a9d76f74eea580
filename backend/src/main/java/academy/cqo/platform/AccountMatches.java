package academy.cqo.platform;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Which of many people have a record that matches, in one read (for reports that ask of
 * thousands of people at once): up to {@link #MAX_IN} people by an {@code $in} list, more
 * by one pass over the matching records in bounded {@code _id} pages ({@link IdPages}),
 * joined in memory (a long {@code $in} list costs a comparison per element and document
 * on a store without indexes).
 */
public final class AccountMatches {

	/** Up to this many people are read by an {@code $in} list, more in one pass. */
	public static final int MAX_IN = 500;

	private static final String ACCOUNT = "accountId";

	private AccountMatches() {
	}

	/**
	 * The people among {@code accountIds} with at least one record that matches.
	 * @param mongo the store
	 * @param pages how many people's records are read (in bounded pages)
	 * @param collection the records' collection (with an {@code accountId} field)
	 * @param matching what a record must match
	 * @param accountIds the people asked about
	 * @return their account ids with a match
	 */
	public static Mono<Set<String>> among(ReactiveMongoTemplate mongo, IdPages pages, String collection,
			Criteria matching, Collection<String> accountIds) {
		if (accountIds.isEmpty()) {
			return Mono.just(Set.of());
		}
		boolean many = accountIds.size() > MAX_IN;
		Set<String> wanted = many ? new HashSet<>(accountIds) : Set.of();
		Criteria criteria = many ? matching : matching.and(ACCOUNT).in(accountIds);
		Query query = Query.query(criteria);
		query.fields().include(ACCOUNT);
		Flux<Document> found = many ? pages.all(query, collection) : mongo.find(query, Document.class, collection);
		return found.mapNotNull((record) -> record.getString(ACCOUNT))
			.filter((account) -> !many || wanted.contains(account))
			.collect(Collectors.toSet());
	}

	/**
	 * The index production MongoDB needs for {@link #among}.
	 * @param mongo the store
	 * @param collection the records' collection
	 * @return completion
	 */
	public static Mono<Void> index(ReactiveMongoTemplate mongo, String collection) {
		return mongo.indexOps(collection)
			.createIndex(new Index(ACCOUNT, Sort.Direction.ASC).named("report_account"))
			.then();
	}

}
