package academy.cqo.filing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import academy.cqo.filing.persistence.EnterpriseDocument;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.identity.RealNames;
import academy.cqo.platform.IdPages;

/**
 * Read facade for reports: every enterprise in a region with its current CQO (the filing
 * the enterprise points at as current). Reads only; the CQO's candidate account is
 * resolved from the filing or, in one read, from the ID number's blind index.
 */
@Service
public class CurrentCqos {

	private static final int BATCH = 2000;

	private final ReactiveMongoTemplate mongo;

	private final RealNames realNames;

	private final IdPages pages;

	CurrentCqos(ReactiveMongoTemplate mongo, RealNames realNames, IdPages pages) {
		this.mongo = mongo;
		this.realNames = realNames;
		this.pages = pages;
	}

	/**
	 * An enterprise's current CQO.
	 *
	 * @param creditCode the enterprise
	 * @param regionCode its county
	 * @param enterpriseName its name
	 * @param aboveScale 规上 as registered
	 * @param filingId the current filing
	 * @param filingNumber its number
	 * @param fullName the CQO's name
	 * @param accountId the CQO's candidate account, or {@code null} when none is known
	 * @param post the appointment's post (聘任岗位)
	 * @param currentPost the CQO's current position (现任职务)
	 * @param professionalTitle {@code ProfessionalTitle} name
	 * @param titleName the title's name
	 * @param education {@code Education} name
	 * @param startMonth appointment start ({@code YYYY-MM})
	 * @param approvedAt when the filing was decided
	 */
	public record CurrentCqo(String creditCode, String regionCode, String enterpriseName, boolean aboveScale,
			String filingId, String filingNumber, String fullName, String accountId, String post, String currentPost,
			String professionalTitle, String titleName, String education, String startMonth, Instant approvedAt) {
	}

	/**
	 * The current CQOs of the enterprises in a region.
	 * @param regionPrefix a division code prefix (2, 4 or 6 digits)
	 * @return one per enterprise that has a current CQO
	 */
	public Flux<CurrentCqo> inRegion(String regionPrefix) {
		Query enterprises = Query.query(regionPrefix.isEmpty() ? Criteria.where("currentFilingId").ne(null)
				: Criteria.where("regionCode")
					.regex("^" + Pattern.quote(regionPrefix))
					.and("currentFilingId")
					.ne(null));
		enterprises.fields().include("_id", "currentFilingId");
		// every enterprise (the reconciliation): in bounded pages, paced
		Flux<org.bson.Document> found = regionPrefix.isEmpty()
				? this.pages.all(enterprises, EnterpriseDocument.COLLECTION)
				: this.mongo.find(enterprises, org.bson.Document.class, EnterpriseDocument.COLLECTION);
		return found.map((document) -> document.getString("currentFilingId")).buffer(BATCH).concatMap(this::current);
	}

	/**
	 * One enterprise's current CQO, if the enterprise lies in the region (the same join
	 * as {@link #inRegion(String)}, for one enterprise).
	 * @param creditCode the enterprise
	 * @param regionPrefix a division code prefix
	 * @return its current CQO, or empty
	 */
	public Mono<CurrentCqo> of(String creditCode, String regionPrefix) {
		return this.mongo.findById(creditCode, EnterpriseDocument.class)
			.filter((enterprise) -> enterprise.currentFilingId() != null && enterprise.regionCode() != null
					&& enterprise.regionCode().startsWith(regionPrefix))
			.flatMapMany((enterprise) -> current(List.of(enterprise.currentFilingId())))
			.next();
	}

	private Flux<CurrentCqo> current(List<String> filingIds) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(filingIds)), FilingDocument.class)
			.collectList()
			.flatMapMany((filings) -> accounts(filings).flatMapIterable((accounts) -> {
				List<CurrentCqo> result = new ArrayList<>();
				for (FilingDocument filing : filings) {
					result.add(view(filing, accounts));
				}
				return result;
			}));
	}

	private Mono<Map<String, String>> accounts(List<FilingDocument> filings) {
		List<String> hashes = filings.stream()
			.filter((filing) -> filing.candidateAccountId() == null && filing.cqo() != null)
			.map((filing) -> filing.cqo().idNumberHash())
			.filter((hash) -> hash != null)
			.toList();
		return this.realNames.accountsWithIdNumbers(hashes);
	}

	private static CurrentCqo view(FilingDocument filing, Map<String, String> accounts) {
		FilingDocument.Cqo cqo = filing.cqo();
		String accountId = (filing.candidateAccountId() != null) ? filing.candidateAccountId()
				: accounts.get(cqo.idNumberHash());
		return new CurrentCqo(filing.creditCode(), filing.regionCode(), filing.enterprise().name(),
				filing.enterprise().aboveScale(), filing.id(), filing.number(), cqo.fullName(), accountId,
				(filing.appointment() != null) ? filing.appointment().post() : null, cqo.currentPost(),
				cqo.professionalTitle(), cqo.titleName(), cqo.education(),
				(filing.appointment() != null) ? filing.appointment().startMonth() : null, filing.decidedAt());
	}

}
