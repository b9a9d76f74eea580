package academy.cqo.filing.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.filing.CityReports;
import academy.cqo.filing.persistence.CityReportDocument;
import academy.cqo.identity.CurrentUser;

/** The city's upward reports of approved filings to the province (published API). */
@RestController
@Tag(name = "city reports", description = "批量报备: a city reports its counties' approved filings upward")
class CityReportsApi {

	private final CityReports reports;

	CityReportsApi(CityReports reports) {
		this.reports = reports;
	}

	/**
	 * Which filings to report.
	 *
	 * @param filingIds the filings
	 * @param all every approved filing of the city not yet reported
	 */
	record ReportRequest(List<String> filingIds, Boolean all) {
	}

	@PostMapping("/api/v1/city-reports")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Report approved filings upward (city administrator) {filingIds | all: true} → 201 the dated "
			+ "batch")
	Mono<ResponseEntity<CityReportDocument>> report(@RequestBody ReportRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		ReportRequest body = (request != null) ? request : new ReportRequest(null, null);
		return this.reports.report(body.filingIds(), Boolean.TRUE.equals(body.all()), user)
			.map((report) -> ResponseEntity.created(URI.create("/api/v1/city-reports/" + report.id())).body(report));
	}

	@GetMapping("/api/v1/city-reports")
	@Operation(summary = "The city's reports, or all reports of the province's cities (newest first)")
	Mono<List<CityReportDocument>> reports(@AuthenticationPrincipal CurrentUser user) {
		return this.reports.reports(user).collectList();
	}

}
