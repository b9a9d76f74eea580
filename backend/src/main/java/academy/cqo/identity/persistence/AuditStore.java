package academy.cqo.identity.persistence;

import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Stored audit records; append-only.
 */
@Component
public class AuditStore {

	private final ReactiveMongoTemplate mongo;

	AuditStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<AuditEventDocument> append(AuditEventDocument event) {
		return this.mongo.insert(event);
	}

	/**
	 * The newest records about subjects in a region, or with no region (logins of unknown
	 * names).
	 * @param regionPrefix two, four or six digits
	 * @param limit how many at most
	 * @return the records, newest first
	 */
	public Flux<AuditEventDocument> newestInRegion(String regionPrefix, int limit) {
		Criteria inRegion = Criteria.where("subjectRegionCode").regex("^" + Pattern.quote(regionPrefix));
		return this.mongo.find(Query.query(inRegion).with(Sort.by(Sort.Direction.DESC, "at")).limit(limit),
				AuditEventDocument.class);
	}

	public Flux<AuditEventDocument> forSubject(String subject) {
		return this.mongo.find(Query.query(Criteria.where("subject").is(subject)), AuditEventDocument.class);
	}

}
