package academy.cqo.filing.persistence;

import java.time.Instant;
import java.util.regex.Pattern;

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

import academy.cqo.filing.EnterpriseRegistered;
import academy.cqo.shared.Conflict;

/** Enterprises, keyed by credit code. */
@Component
public class EnterpriseStore {

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final ReactiveMongoTemplate mongo;

	EnterpriseStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * Store a new enterprise.
	 * @param enterprise the enterprise
	 * @return it, or a {@link EnterpriseRegistered} ({@link Conflict}) naming the credit
	 * code when it is registered
	 */
	public Mono<EnterpriseDocument> insert(EnterpriseDocument enterprise) {
		return this.mongo.insert(enterprise)
			.onErrorMap(DuplicateKeyException.class, (ex) -> new EnterpriseRegistered(enterprise.creditCode()));
	}

	public Mono<EnterpriseDocument> find(String creditCode) {
		return this.mongo.findById(creditCode, EnterpriseDocument.class);
	}

	public Flux<EnterpriseDocument> list(String regionPrefix, String text, Boolean aboveScale, int limit) {
		Criteria criteria = Criteria.where("regionCode").regex("^" + Pattern.quote(regionPrefix));
		if (aboveScale != null) {
			criteria = criteria.and("aboveScale").is(aboveScale);
		}
		if (text != null && !text.isBlank()) {
			Pattern pattern = Pattern.compile(Pattern.quote(text.strip()));
			criteria = new Criteria().andOperator(criteria, new Criteria()
				.orOperator(Criteria.where("name").regex(pattern), Criteria.where("_id").regex(pattern)));
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), EnterpriseDocument.class);
	}

	/**
	 * Make a filing the enterprise's current CQO, if the current one is still the
	 * expected one (so two approvals cannot both replace the same appointment).
	 * @param creditCode the enterprise
	 * @param expected the current filing expected, or {@code null} for none
	 * @param filingId the new current filing, or {@code null} for none (a dismissal)
	 * @param since the new appointment's start month
	 * @return the enterprise after, or empty when the current filing was another
	 */
	public Mono<EnterpriseDocument> replaceCurrent(String creditCode, String expected, String filingId, String since) {
		Query query = Query.query(Criteria.where("_id").is(creditCode).and("currentFilingId").is(expected));
		return this.mongo.findAndModify(query, new Update().set("currentFilingId", filingId).set("currentSince", since),
				RETURN_NEW, EnterpriseDocument.class);
	}

	/**
	 * The first contact takes over an enterprise a bureau created: only while it has no
	 * account; the registration's particulars replace the bureau's, the current CQO
	 * stays.
	 * @param registered the registration as an enterprise record
	 * @return the enterprise after, or empty when it has an account already
	 */
	public Mono<EnterpriseDocument> claim(EnterpriseDocument registered) {
		Query unclaimed = Query.query(Criteria.where("_id").is(registered.creditCode()).and("accountIds").size(0));
		return this.mongo.findAndModify(unclaimed,
				new Update().set("name", registered.name())
					.set("regionCode", registered.regionCode())
					.set("industry", registered.industry())
					.set("enterpriseType", registered.enterpriseType())
					.set("aboveScale", registered.aboveScale())
					.set("size", registered.size())
					.set("businessScope", registered.businessScope())
					.set("legalRepresentative", registered.legalRepresentative())
					.set("contactName", registered.contactName())
					.set("mobile", registered.mobile())
					.set("email", registered.email())
					.set("accountIds", registered.accountIds()),
				RETURN_NEW, EnterpriseDocument.class);
	}

	public Mono<EnterpriseDocument> verify(String creditCode, String by, Instant at) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(creditCode).and("verified").is(false)),
				new Update().set("verified", true).set("verifiedBy", by).set("verifiedAt", at), RETURN_NEW,
				EnterpriseDocument.class);
	}

	public Mono<EnterpriseDocument> addAccount(String creditCode, String accountId) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(creditCode)),
				new Update().addToSet("accountIds", accountId), RETURN_NEW, EnterpriseDocument.class);
	}

}
