package academy.cqo.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Who runs each sweep: one document per sweep in {@value #COLLECTION} ({@code _id} = the
 * sweep's name, {@code holder}, {@code until}). Taking or renewing the lease is one
 * atomic upsert on the {@code _id}, matching only while the lease is this holder's or has
 * expired; when another holder's lease is still valid the upsert's insert collides with
 * the existing {@code _id} (duplicate key) and the lease is not taken. So it needs no
 * index but the {@code _id} and works on the embedded store as on MongoDB.
 */
class SweepLeases {

	static final String COLLECTION = "sweep_leases";

	private static final FindAndModifyOptions UPSERT = FindAndModifyOptions.options().upsert(true).returnNew(true);

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final String holder;

	SweepLeases(ReactiveMongoTemplate mongo, Clock clock, String holder) {
		this.mongo = mongo;
		this.clock = clock;
		this.holder = holder;
	}

	String holder() {
		return this.holder;
	}

	/**
	 * Take or renew a sweep's lease.
	 * @param sweep the sweep's name
	 * @param lease how long the lease lasts from now
	 * @return whether this holder has the lease now
	 */
	Mono<Boolean> acquire(String sweep, Duration lease) {
		Instant now = this.clock.instant();
		Query mineOrFree = Query.query(Criteria.where("_id")
			.is(sweep)
			.orOperator(Criteria.where("holder").is(this.holder), Criteria.where("until").lte(Date.from(now))));
		Update take = new Update().set("holder", this.holder)
			.set("until", Date.from(now.plus(lease)))
			.set("renewedAt", Date.from(now));
		return this.mongo.findAndModify(mineOrFree, take, UPSERT, Document.class, COLLECTION)
			.map((document) -> this.holder.equals(document.getString("holder")))
			.defaultIfEmpty(false)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
	}

}
