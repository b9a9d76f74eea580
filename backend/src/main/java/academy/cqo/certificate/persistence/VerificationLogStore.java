package academy.cqo.certificate.persistence;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The log of verifications: when, by which channel, with what result and from roughly
 * where (a network prefix, never a full address).
 * <p>
 * Entries are keyed by ids that grow with time ({@link #newId(Instant)}), so a batch of
 * new entries lands in the last pages of the store's maps. With random ids every batch
 * touched pages all over the log, and on the embedded store each commit rewrote (and
 * serialised) every page it touched: hundreds of pages of old entries each second under
 * load, growing with the log.
 */
@Component
public class VerificationLogStore {

	/**
	 * Tells this process's ids from another instance's written in the same millisecond.
	 */
	private static final String INSTANCE = String.format("%08x", new SecureRandom().nextInt());

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private final ReactiveMongoTemplate mongo;

	VerificationLogStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * One verification.
	 *
	 * @param id the id
	 * @param at when
	 * @param channel {@code QR}, {@code API}, {@code UPLOAD} or {@code NUMBER}
	 * @param result the verdict
	 * @param origin the coarse origin (e.g. {@code 203.0.113.0/24})
	 * @param certificateId the certificate when one was identified, or {@code null}
	 */
	@Document("verification_log")
	public record Entry(@Id String id, Instant at, String channel, String result, String origin, String certificateId) {
	}

	/**
	 * A new entry id: the time in milliseconds (11 hex digits, so ids sort as text in
	 * time order), this process's random mark and a sequence number. Never a valid
	 * {@code ObjectId}, so it is stored as the string it is.
	 * @param at the verification's time
	 * @return the id
	 */
	public static String newId(Instant at) {
		return String.format("%011x-%s-%08x", at.toEpochMilli(), INSTANCE, SEQUENCE.incrementAndGet() & 0xffffffffL);
	}

	public Mono<Void> append(Entry entry) {
		return this.mongo.insert(entry).then();
	}

	/**
	 * Write a batch of entries.
	 * @param entries the entries
	 * @return when written
	 */
	public Mono<Void> appendAll(java.util.Collection<Entry> entries) {
		return this.mongo.insertAll(entries).then();
	}

	public Flux<Entry> ofCertificate(String certificateId, int limit) {
		return this.mongo.find(Query.query(Criteria.where("certificateId").is(certificateId))
			.with(Sort.by(Sort.Direction.DESC, "at"))
			.limit(limit), Entry.class);
	}

}
