package academy.cqo.ce.persistence;

import java.time.Instant;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.ce.domain.CeEntryState;

/**
 * Stored claims, closed years and finished runs.
 */
@Component
public class CeStore {

	private final ReactiveMongoTemplate mongo;

	CeStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public static String newId() {
		return new ObjectId().toHexString();
	}

	private static Query withoutEvidence(Query query) {
		query.fields().exclude("evidence");
		return query;
	}

	public Mono<ClaimDocument> insert(ClaimDocument claim) {
		return this.mongo.insert(claim);
	}

	public Mono<ClaimDocument> findClaim(String id) {
		return this.mongo.findOne(withoutEvidence(Query.query(Criteria.where("_id").is(id))), ClaimDocument.class);
	}

	public Mono<ClaimDocument> findClaimWithEvidence(String id) {
		return this.mongo.findById(id, ClaimDocument.class);
	}

	public Flux<ClaimDocument> claimsOf(String accountId, int year) {
		return this.mongo
			.find(withoutEvidence(Query.query(Criteria.where("accountId").is(accountId).and("year").is(year)))
				.with(Sort.by("date")), ClaimDocument.class);
	}

	public Flux<String> claimantsOf(int year) {
		Query query = Query.query(Criteria.where("year").is(year));
		query.fields().include("accountId");
		return this.mongo.find(query, ClaimDocument.class).map(ClaimDocument::accountId).distinct();
	}

	/**
	 * Claims of holders inside a region, newest first.
	 * @param regionPrefix the administrator's jurisdiction prefix
	 * @param state a state, or {@code null} for any
	 * @param limit how many at most
	 * @return the claims (without evidence)
	 */
	public Flux<ClaimDocument> claimsInRegion(String regionPrefix, String state, int limit) {
		Criteria criteria = Criteria.where("regionCode").regex("^" + Pattern.quote(regionPrefix));
		if (state != null) {
			criteria = criteria.and("state").is(state);
		}
		return this.mongo.find(
				withoutEvidence(Query.query(criteria)).with(Sort.by(Sort.Direction.DESC, "submittedAt")).limit(limit),
				ClaimDocument.class);
	}

	/**
	 * Decide a pending claim of a holder inside a region: one conditional update.
	 * @param id the claim
	 * @param regionPrefix the deciding administrator's jurisdiction prefix
	 * @param state {@code APPROVED} or {@code REJECTED} (a move {@link CeEntryState}
	 * allows from {@code PENDING})
	 * @param reason the reason, or {@code null}
	 * @param decidedBy the administrator
	 * @param at when
	 * @param deciderId the administrator's account, never the claim's holder
	 * @return the decided claim, empty when it is not pending, not in the region or the
	 * administrator's own
	 */
	public Mono<ClaimDocument> decide(String id, String regionPrefix, CeEntryState state, String reason,
			String decidedBy, String deciderId, Instant at) {
		Query query = withoutEvidence(Query.query(state.moveGuard(Criteria.where("_id").is(id))
			.and("accountId")
			.ne(deciderId)
			.and("regionCode")
			.regex("^" + Pattern.quote(regionPrefix))));
		return this.mongo.findAndModify(query,
				new Update().set(CeEntryState.FIELD, state.name())
					.set("reason", reason)
					.set("decidedBy", decidedBy)
					.set("decidedAt", at),
				FindAndModifyOptions.options().returnNew(true), ClaimDocument.class);
	}

	/**
	 * Close a holder's year, once: the first closing's outcome stays.
	 * @param year the closed year
	 * @return the stored closed year (this one, or the one stored before)
	 */
	public Mono<Closed> close(CeYearDocument year) {
		return this.mongo.insert(year)
			.map((stored) -> new Closed(stored, true))
			.onErrorResume(DuplicateKeyException.class, (ex) -> this.mongo.findById(year.id(), CeYearDocument.class)
				.map((stored) -> new Closed(stored, false)));
	}

	/**
	 * A closed year and whether this call closed it.
	 *
	 * @param year the closed year
	 * @param now whether this call closed it
	 */
	public record Closed(CeYearDocument year, boolean now) {
	}

	public Mono<CeYearDocument> findYear(String accountId, int year) {
		return this.mongo.findById(CeYearDocument.idOf(accountId, year), CeYearDocument.class);
	}

	public Mono<CeRunDocument> findRun(String id) {
		return this.mongo.findById(id, CeRunDocument.class);
	}

	public Mono<CeRunDocument> finishRun(CeRunDocument run) {
		return this.mongo.save(run);
	}

}
