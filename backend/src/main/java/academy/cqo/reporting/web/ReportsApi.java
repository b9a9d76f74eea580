package academy.cqo.reporting.web;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.CurrentUser;
import academy.cqo.reporting.CountySummaries;
import academy.cqo.reporting.Coverage;

/**
 * Reports (published API): coverage and training rates per region and year.
 */
@RestController
@Tag(name = "reports", description = "Coverage and training rates, 附件2 and 附件3")
class ReportsApi {

	static final MediaType PDF = MediaType.APPLICATION_PDF;

	private final Coverage coverage;

	private final CountySummaries summaries;

	ReportsApi(Coverage coverage, CountySummaries summaries) {
		this.coverage = coverage;
		this.summaries = summaries;
	}

	@GetMapping("/api/v1/reports/coverage")
	@Operation(summary = "Coverage of a region in the administrator's jurisdiction (404 outside it) for a year: "
			+ "{regionCode, year, rosterEnterprises, aboveScale, filed, aboveScaleFiled, coverageRate = aboveScaleFiled "
			+ "/ aboveScale, trained, trainingRate = trained / filed, trainedOfRoster = trained / rosterEnterprises, "
			+ "certified, ceMet, targets: {coverageRate, trainingRate, dueDate, ...gaps and days left}, children: one "
			+ "per subordinate region}; every count is of enterprises in the roster")
	Mono<Coverage.Report> coverage(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Integer year, @AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.coverage.report(user, regionCode, year));
	}

	@GetMapping("/api/v1/reports/county-summary.xlsx")
	@Operation(summary = "附件2 县(市、区)企业首席质量官信息汇总表 as Excel: one row per roster enterprise of the region with "
			+ "its CQO (enterprise, 规上, name, post, title, education, appointment date, trained, certificate number) "
			+ "and totals; 404 outside the jurisdiction")
	Mono<ResponseEntity<byte[]>> countySummary(@RequestParam(required = false) String regionCode,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.summaries.workbook(user, regionCode))
			.map((bytes) -> RostersApi.download(bytes, "附件2-企业首席质量官信息汇总表.xlsx"));
	}

	@GetMapping("/api/v1/reports/county-summary.pdf")
	@Operation(summary = "附件2 as an A4 PDF in the notice's table layout")
	Mono<ResponseEntity<byte[]>> countySummaryPdf(@RequestParam(required = false) String regionCode,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.summaries.pdf(user, regionCode))
			.map((bytes) -> pdf(bytes, "附件2-企业首席质量官信息汇总表.pdf"));
	}

	static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
		return ResponseEntity.ok()
			.contentType(PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}

}
