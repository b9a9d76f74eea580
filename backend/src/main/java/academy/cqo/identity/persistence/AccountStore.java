package academy.cqo.identity.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
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

import academy.cqo.identity.Role;
import academy.cqo.platform.BatchedReads;
import academy.cqo.platform.IdPages;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.StartupTask;

/**
 * Stored accounts. Every change is one atomic single-document update; uniqueness of
 * usernames and ID numbers is held by unique indexes, so two registrations racing for the
 * same name give one account and one {@link Conflict}.
 */
@Component
public class AccountStore implements StartupTask {

	private final ReactiveMongoTemplate mongo;

	private final IdPages pages;

	/**
	 * The accounts requests are checked against, read many at a time in a burst (a
	 * synchronised exam start checks a thousand accounts in a second or two).
	 */
	private final BatchedReads<AccountDocument> currentReads;

	AccountStore(ReactiveMongoTemplate mongo, IdPages pages) {
		this.currentReads = new BatchedReads<>(
				(ids) -> mongo.find(Query.query(Criteria.where("_id").in(ids)), AccountDocument.class),
				AccountDocument::id, 200);
		this.mongo = mongo;
		this.pages = pages;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	@Override
	public Mono<Void> run() {
		var accounts = this.mongo.indexOps(AccountDocument.COLLECTION);
		var audit = this.mongo.indexOps(AuditEventDocument.COLLECTION);
		return accounts.createIndex(new Index("username", Sort.Direction.ASC).unique().named("username_unique"))
			.then(accounts.createIndex(
					new Index("idNumberHash", Sort.Direction.ASC).unique().sparse().named("id_number_hash_unique")))
			.then(accounts.createIndex(new Index("regionCode", Sort.Direction.ASC).named("region_code")))
			.then(audit.createIndex(new Index("at", Sort.Direction.DESC).named("audit_at")))
			.then();
	}

	public static String newId() {
		return new ObjectId().toHexString();
	}

	/**
	 * Store a new account.
	 * @param account the account
	 * @return the stored account, or a {@link Conflict} naming the username or the ID
	 * number when either is taken
	 */
	public Mono<AccountDocument> insert(AccountDocument account) {
		return this.mongo.insert(account).onErrorMap(DuplicateKeyException.class, AccountStore::conflict);
	}

	private static Conflict conflict(DuplicateKeyException ex) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("idNumberHash") || message.contains("id_number_hash")) {
			return new Conflict(FieldViolation.of("idNumber", "identity.idNumber.taken"));
		}
		return new Conflict(FieldViolation.of("username", "identity.username.taken"));
	}

	public Mono<AccountDocument> findByUsername(String username) {
		return this.mongo.findOne(Query.query(Criteria.where("username").is(username)), AccountDocument.class);
	}

	public Mono<AccountDocument> findById(String id) {
		return this.mongo.findById(id, AccountDocument.class);
	}

	/**
	 * The account as it stands now, for checking every API request's token against it
	 * (roles, region, lock). Read by id and remembered for at most five seconds; a change
	 * of roles or a lock made by this instance is seen at once, one made by another
	 * instance of the platform on the same MongoDB within five seconds. (Remembered for
	 * one second, four in five saves of an exam day read the account again: a candidate
	 * saves every 0.5 to 3 seconds.) The reads asked for while one is under way go to the
	 * store together ({@link BatchedReads}).
	 * @param id the account id
	 * @return the account, or empty when it no longer exists
	 */
	public Mono<AccountDocument> current(String id) {
		long now = System.nanoTime();
		Standing standing = this.standings.get(id);
		if (standing != null && now - standing.readAt() < STANDING_FOR_NANOS) {
			return Mono.just(standing.account());
		}
		return this.currentReads.read(id).doOnNext((account) -> {
			if (this.standings.size() > 100_000) {
				this.standings.clear();
			}
			this.standings.put(id, new Standing(account, now));
		});
	}

	private record Standing(AccountDocument account, long readAt) {
	}

	private static final long STANDING_FOR_NANOS = 5_000_000_000L;

	private final java.util.Map<String, Standing> standings = new java.util.concurrent.ConcurrentHashMap<>();

	private Mono<AccountDocument> forget(Mono<AccountDocument> change, String id) {
		return change.doOnSubscribe((subscription) -> this.standings.remove(id))
			.doOnTerminate(() -> this.standings.remove(id));
	}

	public Mono<AccountDocument> findByIdNumberHash(String hash) {
		return this.mongo.findOne(Query.query(Criteria.where("idNumberHash").is(hash)), AccountDocument.class);
	}

	public Flux<AccountDocument> findByIdNumberHashes(java.util.Collection<String> hashes) {
		return this.mongo.find(Query.query(Criteria.where("idNumberHash").in(hashes)), AccountDocument.class);
	}

	public Mono<Void> delete(String id) {
		this.standings.remove(id);
		return this.mongo.remove(Query.query(Criteria.where("_id").is(id)), AccountDocument.class).then();
	}

	public Mono<Boolean> existsByIdNumberHash(String hash) {
		return this.mongo.exists(Query.query(Criteria.where("idNumberHash").is(hash)), AccountDocument.class);
	}

	public Mono<Boolean> existsWithRole(Role role) {
		return this.mongo.exists(Query.query(Criteria.where("roles").is(role.name())), AccountDocument.class);
	}

	/**
	 * The ids of every account with a role.
	 * @param role the role
	 * @return the account ids
	 */
	public Flux<String> idsWithRole(Role role) {
		Query query = Query.query(Criteria.where("roles").is(role.name()));
		query.fields().include("_id");
		return this.mongo.find(query, org.bson.Document.class, AccountDocument.COLLECTION)
			.map((document) -> String.valueOf(document.get("_id")));
	}

	/**
	 * The region of every account that has one, two fields read in bounded {@code _id}
	 * pages (a report's reconciliation joins thousands of people with their regions).
	 * @return account id and region code
	 */
	public Flux<org.bson.Document> regions() {
		Query query = Query.query(Criteria.where("regionCode").ne(null));
		query.fields().include("_id", "regionCode");
		return this.pages.all(query, AccountDocument.COLLECTION);
	}

	/**
	 * Count a failed login; the failure that reaches {@code maxFailures} locks the
	 * account for {@code lockout}.
	 * @param id the account id
	 * @param now the time of the failure
	 * @param maxFailures failures that lock
	 * @param lockout how long the lock lasts
	 * @return the account after the failure was counted (locked or not)
	 */
	public Mono<AccountDocument> recordFailedLogin(String id, Instant now, int maxFailures, Duration lockout) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().inc("failedLogins", 1),
					FindAndModifyOptions.options().returnNew(true), AccountDocument.class)
			.flatMap((account) -> (account.failedLogins() >= maxFailures) ? lock(id, now.plus(lockout), maxFailures)
					: Mono.just(account));
	}

	private Mono<AccountDocument> lock(String id, Instant until, int maxFailures) {
		Query reachedLimit = Query.query(Criteria.where("_id").is(id).and("failedLogins").gte(maxFailures));
		Update lock = new Update().set("lockedUntil", until).set("failedLogins", 0);
		return forget(this.mongo
			.findAndModify(reachedLimit, lock, FindAndModifyOptions.options().returnNew(true), AccountDocument.class)
			.switchIfEmpty(findById(id)), id);
	}

	public Mono<Void> recordSuccessfulLogin(String id, Instant now) {
		Update update = new Update().set("failedLogins", 0).unset("lockedUntil").set("lastLoginAt", now);
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), update, AccountDocument.class).then();
	}

	public Mono<AccountDocument> replaceRoles(String id, Set<Role> roles) {
		return forget(
				this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)), new Update().set("roles", roles),
						FindAndModifyOptions.options().returnNew(true), AccountDocument.class),
				id);
	}

	/**
	 * Accounts whose region starts with a prefix, newest first, optionally matching a
	 * text in username or name.
	 * @param regionPrefix two, four or six digits
	 * @param text a text to look for, or {@code null}
	 * @param offset how many to skip
	 * @param limit how many at most
	 * @return the accounts
	 */
	public Flux<AccountDocument> findInRegion(String regionPrefix, String text, long offset, int limit) {
		return this.mongo.find(regionQuery(regionPrefix, text).with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.skip(offset)
			.limit(limit), AccountDocument.class);
	}

	public Mono<Long> countInRegion(String regionPrefix, String text) {
		return this.mongo.count(regionQuery(regionPrefix, text), AccountDocument.class);
	}

	private static Query regionQuery(String regionPrefix, String text) {
		Criteria criteria = Criteria.where("regionCode").regex("^" + Pattern.quote(regionPrefix));
		if (text != null && !text.isBlank()) {
			String quoted = Pattern.quote(text.strip());
			criteria = criteria.orOperator(Criteria.where("username").regex(quoted, "i"),
					Criteria.where("fullName").regex(quoted));
		}
		return Query.query(criteria);
	}

}
