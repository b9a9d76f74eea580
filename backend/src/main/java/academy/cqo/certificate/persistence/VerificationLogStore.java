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
import org.springframework.stereotype.Component;

/**
 * The log of verifications: when, by which channel, with what result and from roughly
 * where (a network prefix, never a full address).
 */
@Component
public class VerificationLogStore {

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
