package academy.cqo.home.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/** The bureau dashboard's numbers, as the page uses them: JSON and Excel. */
@RestController
@Tag(name = "dashboard", description = "The bureau dashboard of a region")
class DashboardApi {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final BureauDashboard dashboards;

	private final MessageSource messages;

	private final Clock clock;

	DashboardApi(BureauDashboard dashboards, MessageSource messages, Clock clock) {
		this.dashboards = dashboards;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/api/v1/dashboard")
	@Operation(summary = "The bureau dashboard of a region in the administrator's jurisdiction (404 outside it): "
			+ "coverage and training gauges against the targets (gap in enterprises, days left), one bar per "
			+ "subordinate region (a county: per industry), the last 12 months (filings approved, CQOs trained, "
			+ "certificates issued), recent qualifying sessions (pass rate, average score), CE completion, pending "
			+ "work and sampling draws (drawn, assigned, examined, passed, failed with their cases)")
	Mono<Dashboard> dashboard(@RequestParam(required = false) String regionCode,
			@AuthenticationPrincipal CurrentUser user) {
		return this.dashboards.of(user, regionCode);
	}

	@GetMapping("/api/v1/dashboard.xlsx")
	@Operation(summary = "The same numbers as Excel: one sheet per chart, or only `chart` (gauges, bars, months, "
			+ "sessions, ce, pending, sampling)")
	Mono<ResponseEntity<byte[]>> workbook(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String chart, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange) {
		if (chart != null && !DashboardWorkbook.CHARTS.contains(chart)) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("chart", "field.invalid"))));
		}
		Locale locale = exchange.getLocaleContext().getLocale();
		DashboardWorkbook workbook = new DashboardWorkbook(this.messages,
				(locale != null) ? locale : Locale.SIMPLIFIED_CHINESE, this.clock.getZone());
		return this.dashboards.of(user, regionCode)
			.map((dashboard) -> download(workbook.write(dashboard, chart),
					"dashboard-" + dashboard.regionCode() + ((chart != null) ? "-" + chart : "") + ".xlsx"));
	}

	static ResponseEntity<byte[]> download(byte[] bytes, String fileName) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.body(bytes);
	}

}
