package academy.cqo.certificate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.certificate.domain.CertificateState;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.platform.AccountMatches;
import academy.cqo.platform.IdPages;
import academy.cqo.shared.StartupTask;

/**
 * Read facade for reports: which of these people hold a valid certificate today (issued,
 * active, not expired), in one read.
 */
@Service
public class Holdings implements StartupTask {

	private final ReactiveMongoTemplate mongo;

	private final Clock clock;

	private final IdPages pages;

	Holdings(ReactiveMongoTemplate mongo, Clock clock, IdPages pages) {
		this.mongo = mongo;
		this.clock = clock;
		this.pages = pages;
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	/** The index production MongoDB needs for reading many people's records at once. */
	@Override
	public Mono<Void> run() {
		return AccountMatches.index(this.mongo, CertificateDocument.COLLECTION);
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
		// Many people: one pass over the valid certificates in bounded _id pages, joined
		// in
		// memory (a long $in list costs a comparison per element and document on a store
		// without indexes).
		boolean many = accountIds.size() > AccountMatches.MAX_IN;
		java.util.Set<String> wanted = many ? new java.util.HashSet<>(accountIds) : java.util.Set.of();
		Criteria criteria = CertificateState.ACTIVE.stillIn(CertificateStage.ISSUED.stillIn())
			.and("expiresOn")
			.gte(today);
		if (!many) {
			criteria = criteria.and("accountId").in(accountIds);
		}
		Flux<CertificateDocument> found = many
				? this.pages.all(Query.query(criteria), CertificateDocument.class, CertificateDocument.COLLECTION)
				: this.mongo.find(Query.query(criteria), CertificateDocument.class);
		return found.filter((certificate) -> !many || wanted.contains(certificate.accountId()))
			.collectMap(CertificateDocument::accountId, (certificate) -> certificate)
			.map((certificates) -> {
				Map<String, Holding> holdings = new java.util.HashMap<>();
				certificates.forEach((account, certificate) -> holdings.put(account,
						new Holding(certificate.number(), certificate.expiresOn())));
				return holdings;
			});
	}

}
