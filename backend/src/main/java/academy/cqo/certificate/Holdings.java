package academy.cqo.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.shared.StartupTask;

/**
 * Read facade for reports: which of these people hold a valid certificate today (issued,
 * active, not expired), in one read.
 */
@Service
public class Holdings implements StartupTask {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	Holdings(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	/** The index production MongoDB needs for reading many people's records at once. */
	@Override
	public Mono<Void> run() {
		return this.mongo.indexOps(CertificateDocument.COLLECTION)
			.createIndex(new Index("accountId", Sort.Direction.ASC).named("report_account"))
			.then();
	}

	/**
	 * A valid certificate.
	 *
	 * @param number its number
	 * @param expiresOn its expiry date ({@code YYYY-MM-DD})
	 */
	public record Holding(String number, String expiresOn) {
	}

	/**
	 * The valid certificates of these accounts.
	 * @param accountIds the holders
	 * @return account id → its valid certificate (the latest to expire)
	 */
	public Mono<Map<String, Holding>> valid(Collection<String> accountIds) {
		if (accountIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		String today = LocalDate.now(this.clock).toString();
		Query query = Query.query(Criteria.where("accountId")
			.in(accountIds)
			.and("stage")
			.is(CertificateDocument.ISSUED)
			.and("state")
			.is(CertificateDocument.ACTIVE)
			.and("expiresOn")
			.gte(today));
		return this.mongo.find(query, CertificateDocument.class)
			.collectMap(CertificateDocument::accountId, (certificate) -> certificate)
			.map((certificates) -> {
				Map<String, Holding> holdings = new java.util.HashMap<>();
				certificates.forEach((account, certificate) -> holdings.put(account,
						new Holding(certificate.number(), certificate.expiresOn())));
				return holdings;
			});
	}

}
