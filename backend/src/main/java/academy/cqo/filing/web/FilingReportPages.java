package academy.cqo.filing.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.filing.CityReports;
import academy.cqo.filing.FilingState;
import academy.cqo.filing.FilingView;
import academy.cqo.filing.Filings;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The bureaus above the county: the city selects its counties' approved filings not yet
 * reported and confirms the dated upward batch (批量报备); the province (and the city) see
 * the filings counted by county and state and the batches received.
 */
@PageController
class FilingReportPages implements Pages {

	private final Filings filings;

	private final CityReports reports;

	private final RegionDirectory regions;

	FilingReportPages(Filings filings, CityReports reports, RegionDirectory regions) {
		this.filings = filings;
		this.reports = reports;
		this.regions = regions;
	}

	/** Filings of one county by state. */
	record CountyCount(String regionCode, String regionName, Map<String, Long> byState, long total) {
	}

	@GetMapping("/filings/reports")
	Mono<String> page(@AuthenticationPrincipal CurrentUser user, Model model) {
		CurrentUser.requireAdmin(user);
		boolean city = user.regionCode() != null && user.regionCode().endsWith("00")
				&& !user.regionCode().endsWith("0000");
		model.addAttribute("city", city);
		model.addAttribute("scopeName", this.regions.fullName(user.regionCode()));
		model.addAttribute("states", java.util.Arrays.stream(FilingState.values()).map(Enum::name).toList());
		return this.filings.list(user, null, null, null)
			.collectList()
			.zipWith(this.reports.reports(user).collectList())
			.map((pair) -> {
				List<FilingView.Summary> all = pair.getT1();
				model.addAttribute("unreported",
						all.stream()
							.filter((filing) -> FilingState.APPROVED.name().equals(filing.state())
									&& filing.reportedIn() == null)
							.toList());
				model.addAttribute("counts", counts(all));
				model.addAttribute("batches", pair.getT2());
				return "filing/reports";
			});
	}

	private List<CountyCount> counts(List<FilingView.Summary> all) {
		Map<String, Map<String, Long>> byCounty = new TreeMap<>();
		for (FilingView.Summary filing : all) {
			byCounty.computeIfAbsent(filing.regionCode(), (code) -> new TreeMap<>())
				.merge(filing.state(), 1L, Long::sum);
		}
		return byCounty.entrySet()
			.stream()
			.map((entry) -> new CountyCount(entry.getKey(), this.regions.fullName(entry.getKey()), entry.getValue(),
					entry.getValue().values().stream().mapToLong(Long::longValue).sum()))
			.toList();
	}

	@PostMapping("/filings/reports")
	Mono<String> report(@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((form) -> this.reports.report(form.get("filingIds"), "1".equals(form.getFirst("all")), user))
			.map((report) -> "redirect:/filings/reports?reported=" + report.id());
	}

}
