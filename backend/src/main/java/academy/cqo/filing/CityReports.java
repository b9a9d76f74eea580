package academy.cqo.filing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

import academy.cqo.filing.persistence.CityReportDocument;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RegionLevel;

/**
 * A city confirms the upward report of its counties' approved filings to the province
 * (批量报备): a dated batch that the province receives and can query. Each filing is reported
 * once: it is marked with the report's id by a conditional update before the report is
 * written, so two reports at once never share a filing.
 */
@Service
public class CityReports {

	private final ReactiveMongoTemplate mongo;

	private final FilingStore store;

	private final AuditLog audit;

	private final Clock clock;

	CityReports(ReactiveMongoTemplate mongo, FilingStore store, AuditLog audit, Clock clock) {
		this.mongo = mongo;
		this.store = store;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Report filings upward.
	 * @param filingIds the filings, or {@code null} with {@code all}
	 * @param all every approved filing of the city not yet reported
	 * @param admin a city administrator
	 * @return the report
	 */
	public Mono<CityReportDocument> report(List<String> filingIds, boolean all, CurrentUser admin) {
		if (!admin.has(Role.ADMIN)) {
			return Mono.error(new AccessDeniedException("Only a bureau reports upward"));
		}
		if (admin.jurisdiction().level() != RegionLevel.CITY) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("cityCode", "filing.report.cityOnly"))));
		}
		String prefix = admin.jurisdiction().codePrefix();
		Mono<List<String>> chosen;
		if (all) {
			chosen = this.mongo.find(Query.query(Criteria.where("regionCode")
				.regex("^" + Pattern.quote(prefix))
				.and("state")
				.is(FilingState.APPROVED.name())
				.and("reportedIn")
				.isNull()), FilingDocument.class).map(FilingDocument::id).collectList();
		}
		else {
			List<String> ids = (filingIds != null) ? filingIds : List.of();
			chosen = Flux.range(0, ids.size())
				.concatMap((index) -> this.store.find(String.valueOf(ids.get(index)))
					.filter((filing) -> filing.regionCode().startsWith(prefix)
							&& FilingState.APPROVED.name().equals(filing.state()) && filing.reportedIn() == null)
					.map((filing) -> List.<Object>of(filing.id()))
					.defaultIfEmpty(List.of(index)))
				.collectList()
				.flatMap((results) -> {
					List<FieldViolation> violations = new ArrayList<>();
					Set<String> found = new LinkedHashSet<>();
					for (List<Object> result : results) {
						if (result.get(0) instanceof Integer index) {
							violations.add(FieldViolation.of("filingIds[" + index + "]", "filing.report.notApproved"));
						}
						else {
							found.add((String) result.get(0));
						}
					}
					return violations.isEmpty() ? Mono.just(List.copyOf(found))
							: Mono.error(new InvalidInput(violations));
				});
		}
		String reportId = FilingStore.newId();
		return chosen.flatMap((ids) -> ids.isEmpty()
				? Mono.<CityReportDocument>error(
						new InvalidInput(List.of(FieldViolation.of("filingIds", "filing.report.empty"))))
				: this.store.markReported(ids, reportId)
					.then(this.mongo
						.find(Query.query(Criteria.where("reportedIn").is(reportId)).with(Sort.by("number")),
								FilingDocument.class)
						.collectList())
					.flatMap((reported) -> reported.isEmpty()
							? Mono.<CityReportDocument>error(
									new InvalidInput(List.of(FieldViolation.of("filingIds", "filing.report.empty"))))
							: this.mongo.insert(new CityReportDocument(reportId, admin.regionCode(),
									reported.stream().map(FilingDocument::id).toList(),
									reported.stream().map(FilingDocument::number).toList(), admin.username(),
									this.clock.instant())))
					.flatMap((report) -> this.audit
						.record(admin.username(), "FILING_CITY_REPORT", report.id(), report.cityCode(),
								report.filingIds().size() + " filings")
						.thenReturn(report)));
	}

	/**
	 * The reports a city made, or every report of a province's cities.
	 * @param admin a city or province administrator
	 * @return the reports, newest first
	 */
	public Flux<CityReportDocument> reports(CurrentUser admin) {
		CurrentUser.requireAdmin(admin);
		return this.mongo
			.find(Query.query(Criteria.where("cityCode").regex("^" + Pattern.quote(admin.jurisdiction().codePrefix())))
				.with(Sort.by(Sort.Direction.DESC, "reportedAt")), CityReportDocument.class);
	}

}
