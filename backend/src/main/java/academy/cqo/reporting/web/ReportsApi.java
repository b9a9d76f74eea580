package academy.cqo.reporting.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.CurrentUser;
import academy.cqo.reporting.Coverage;

/**
 * Reports (published API): coverage and training rates per region and year.
 */
@RestController
@Tag(name = "reports", description = "Coverage and training rates, 附件2 and 附件3")
class ReportsApi {

	private final Coverage coverage;

	ReportsApi(Coverage coverage) {
		this.coverage = coverage;
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

}
