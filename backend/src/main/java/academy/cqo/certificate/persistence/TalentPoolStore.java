package academy.cqo.certificate.persistence;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.platform.IdPages;

/**
 * The provincial talent pool: one entry per person (keyed by account), following the
 * person's newest certificate.
 */
@Component
public class TalentPoolStore {

	private final ReactiveMongoTemplate mongo;

	private final IdPages pages;

	TalentPoolStore(ReactiveMongoTemplate mongo, IdPages pages) {
		this.mongo = mongo;
		this.pages = pages;
	}

	/**
	 * A talent pool entry.
	 *
	 * @param accountId the person
	 * @param certificateId the certificate it follows
	 * @param number the certificate number
	 * @param holderName the name
	 * @param regionCode the region
	 * @param employerName the employer
	 * @param employerCreditCode the employer's credit code
	 * @param industry the employer's industry, or {@code null}
	 * @param issuedOn the certificate's issue date
	 * @param expiresOn its expiry date
	 * @param state the certificate's state
	 * @param ceOverdue whether the person is CE-overdue
	 * @param enteredAt when the person entered the pool
	 * @param certificateIssuedAt when the followed certificate was issued
	 */
	@Document(Entry.COLLECTION)
	public record Entry(@Id String accountId, String certificateId, String number, String holderName, String regionCode,
			String employerName, String employerCreditCode, String industry, String issuedOn, String expiresOn,
			String state, Boolean ceOverdue, Instant enteredAt, Instant certificateIssuedAt) {

		public static final String COLLECTION = "talent_pool";

		public boolean isCeOverdue() {
			return Boolean.TRUE.equals(this.ceOverdue);
		}

	}

	/**
	 * Enter the person or move the entry to this certificate, unless it already follows a
	 * newer one. Idempotent.
	 * @param entry the entry as this certificate gives it
	 * @return completes when stored
	 */
	public Mono<Void> enter(Entry entry) {
		Query query = Query.query(Criteria.where("_id").is(entry.accountId()));
		Update update = new Update().setOnInsert("enteredAt", entry.enteredAt())
			.set("certificateId", entry.certificateId())
			.set("number", entry.number())
			.set("holderName", entry.holderName())
			.set("regionCode", entry.regionCode())
			.set("employerName", entry.employerName())
			.set("employerCreditCode", entry.employerCreditCode())
			.set("industry", entry.industry())
			.set("issuedOn", entry.issuedOn())
			.set("expiresOn", entry.expiresOn())
			.set("state", entry.state())
			.set("certificateIssuedAt", entry.certificateIssuedAt());
		return this.mongo.findById(entry.accountId(), Entry.class)
			.filter((existing) -> existing.certificateIssuedAt() != null
					&& existing.certificateIssuedAt().isAfter(entry.certificateIssuedAt())
					&& !existing.certificateId().equals(entry.certificateId()))
			.hasElement()
			.flatMap((newerExists) -> newerExists ? Mono.empty() : this.mongo.upsert(query, update, Entry.class))
			.then();
	}

	/**
	 * Follow a certificate's change of state.
	 * @param certificateId the certificate
	 * @param accountId its holder
	 * @param state the new state
	 * @return completes when stored
	 */
	public Mono<Void> followState(String certificateId, String accountId, String state) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(accountId).and("certificateId").is(certificateId)),
					new Update().set("state", state), Entry.class)
			.then();
	}

	public Mono<Void> markCeOverdue(String accountId, boolean overdue) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(accountId)), new Update().set("ceOverdue", overdue),
					Entry.class)
			.then();
	}

	public Mono<Entry> find(String accountId) {
		return this.mongo.findById(accountId, Entry.class);
	}

	public Flux<Entry> page(Criteria criteria, int page, int size) {
		return this.mongo.find(Query.query(criteria)
			.with(Sort.by(Sort.Direction.ASC, "regionCode").and(Sort.by("holderName")))
			.skip((long) page * size)
			.limit(size), Entry.class);
	}

	public Flux<Entry> all(Criteria criteria) {
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.ASC, "regionCode")), Entry.class);
	}

	/**
	 * Every entry, in bounded {@code _id} pages with a pause between them (for a
	 * background reconciliation).
	 * @return every entry, in {@code _id} order
	 */
	public Flux<Entry> everyEntry() {
		return this.pages.all(new Query(), Entry.class, this.mongo.getCollectionName(Entry.class));
	}

	public Mono<Long> count(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), Entry.class);
	}

}
