package academy.cqo.home.web;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.RegionDirectory;

/**
 * The bureau's home (province, city or county administrators, or a region inside their
 * jurisdiction): the {@link Dashboard} as gauges, charts (Chart.js) each with its table
 * view and Excel download, the pending work and the sampling results.
 */
@Component
class BureauHome {

	private final BureauDashboard dashboards;

	private final RegionDirectory directory;

	private final MessageSource messages;

	BureauHome(BureauDashboard dashboards, RegionDirectory directory, MessageSource messages) {
		this.dashboards = dashboards;
		this.directory = directory;
		this.messages = messages;
	}

	Mono<String> render(CurrentUser admin, String regionCode, Locale locale, Model model) {
		return this.dashboards.of(admin, regionCode).map((dashboard) -> {
			DashboardWorkbook names = new DashboardWorkbook(this.messages, locale, java.time.ZoneOffset.UTC);
			model.addAttribute("d", dashboard);
			model.addAttribute("regionOptions", this.directory.optionsWithin(admin.regionCode()));
			model.addAttribute("barNames",
					dashboard.bars().stream().map((bar) -> names.barName(dashboard, bar)).toList());
			model.addAttribute("barLabels", join(dashboard.bars(), (bar) -> names.barName(dashboard, bar)));
			model.addAttribute("barCoverage", join(dashboard.bars(), (bar) -> String.valueOf(bar.coveragePercent())));
			model.addAttribute("barTrained", join(dashboard.bars(), (bar) -> String.valueOf(bar.trainedPercent())));
			model.addAttribute("monthLabels", join(dashboard.months(), Dashboard.Month::month));
			model.addAttribute("monthFilings",
					join(dashboard.months(), (month) -> String.valueOf(month.filingsApproved())));
			model.addAttribute("monthTrained", join(dashboard.months(), (month) -> String.valueOf(month.trained())));
			model.addAttribute("monthIssued",
					join(dashboard.months(), (month) -> String.valueOf(month.certificatesIssued())));
			model.addAttribute("sessionLabels", join(dashboard.sessions(), Dashboard.Session::title));
			model.addAttribute("sessionPass",
					join(dashboard.sessions(), (session) -> String.valueOf(session.passPercent())));
			return "home/bureau";
		});
	}

	private static <T> String join(List<T> items, Function<T, String> value) {
		return items.stream().map(value).map((text) -> text.replace("|", "/")).collect(Collectors.joining("|"));
	}

}
