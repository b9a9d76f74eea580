package academy.cqo.reporting.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.CurrentUser;
import academy.cqo.reporting.Coverage;
import academy.cqo.reporting.ReportRounds;
import academy.cqo.reporting.Rosters;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RegionLevel;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The bureau's reporting pages: coverage of a region with each figure's definition, a bar
 * per subordinate region and a drill-down to the enterprises; the roster with filters and
 * export; the 附件3 rounds with the county's form and the city's overview.
 */
@PageController
class ReportPages implements Pages {

	private final Coverage coverage;

	private final Rosters rosters;

	private final ReportRounds rounds;

	private final MessageSource messages;

	ReportPages(Coverage coverage, Rosters rosters, ReportRounds rounds, MessageSource messages) {
		this.coverage = coverage;
		this.rosters = rosters;
		this.rounds = rounds;
		this.messages = messages;
	}

	private String message(FieldViolation violation, ServerWebExchange exchange) {
		return this.messages.getMessage(violation.messageKey(), violation.arguments().toArray(), violation.messageKey(),
				RostersApi.locale(exchange));
	}

	@GetMapping("/reports")
	Mono<String> coverage(@RequestParam(required = false) String regionCode, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		return Mono.defer(() -> this.coverage.report(user, regionCode, null)).map((report) -> {
			model.addAttribute("report", report);
			model.addAttribute("county", RegionLevel.of(report.regionCode()) == RegionLevel.COUNTY);
			List<Coverage.Report> children = report.children();
			model.addAttribute("childLabels",
					children.stream().map(Coverage.Report::name).collect(Collectors.joining("|")));
			model.addAttribute("childCoverage",
					children.stream()
						.map((child) -> String.valueOf(Math.round(child.coverageRate() * 100)))
						.collect(Collectors.joining("|")));
			model.addAttribute("childTraining",
					children.stream()
						.map((child) -> String.valueOf(Math.round(child.trainedOfRoster() * 100)))
						.collect(Collectors.joining("|")));
			return "reporting/coverage";
		});
	}

	@GetMapping("/reports/roster")
	Mono<String> roster(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Boolean aboveScale, @RequestParam(required = false) Boolean filed,
			@RequestParam(required = false) Boolean trained, @RequestParam(required = false) Boolean certified,
			@RequestParam(required = false) Boolean awardWinner, @RequestParam(required = false) String q,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		Rosters.Filter filter = new Rosters.Filter(regionCode, aboveScale, filed, trained, certified, awardWinner, q);
		return Mono.defer(() -> this.rosters.list(user, filter)).map((rows) -> {
			model.addAttribute("rows", rows);
			model.addAttribute("filter", filter);
			return "reporting/roster";
		});
	}

	@GetMapping("/reports/rounds")
	Mono<String> rounds(@AuthenticationPrincipal CurrentUser user, Model model) {
		return Mono.defer(() -> this.rounds.rounds(user).collectList()).map((list) -> {
			model.addAttribute("rounds", list);
			model.addAttribute("maySet", user.jurisdiction().level() != RegionLevel.COUNTY);
			model.addAttribute("thisYear", LocalDate.now().getYear());
			return "reporting/rounds";
		});
	}

	@PostMapping("/reports/rounds")
	Mono<String> setRound(ServerWebExchange exchange, @AuthenticationPrincipal CurrentUser user, Model model) {
		return exchange.getFormData().flatMap((form) -> {
			List<Integer> years = List.of(form.getFirst("planYears").split("[,，\\s]+"))
				.stream()
				.filter((year) -> year.matches("\\d{4}"))
				.map(Integer::valueOf)
				.toList();
			LocalDate due = parseDate(form.getFirst("dueDate"));
			return this.rounds.create(user, new ReportRounds.NewRound(form.getFirst("name"), years, due))
				.map((round) -> "redirect:/reports/rounds/" + round.id());
		}).onErrorResume(InvalidInput.class, (ex) -> {
			model.addAttribute("error", message(ex.violations().get(0), exchange));
			return rounds(user, model);
		});
	}

	private static LocalDate parseDate(String text) {
		try {
			return (text != null && !text.isBlank()) ? LocalDate.parse(text.strip()) : null;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	@GetMapping("/reports/rounds/{id}")
	Mono<String> round(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return Mono.defer(() -> this.rounds.round(user, id)).zipWith(this.rounds.submissions(user, id)).map((both) -> {
			model.addAttribute("round", both.getT1());
			model.addAttribute("submissions", both.getT2());
			boolean county = user.jurisdiction().level() == RegionLevel.COUNTY;
			model.addAttribute("county", county);
			model.addAttribute("own", county ? both.getT2().stream().findFirst().orElse(null) : null);
			return "reporting/round";
		});
	}

	@PostMapping("/reports/rounds/{id}/{regionCode}")
	Mono<String> act(@PathVariable String id, @PathVariable String regionCode, ServerWebExchange exchange,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		return exchange.getFormData()
			.flatMap((form) -> action(id, regionCode, form, user))
			.thenReturn("redirect:/reports/rounds/" + id)
			.onErrorResume((ex) -> ex instanceof InvalidInput || ex instanceof Conflict, (ex) -> {
				FieldViolation violation = (ex instanceof InvalidInput invalid) ? invalid.violations().get(0)
						: ((Conflict) ex).violation();
				model.addAttribute("error", message(violation, exchange));
				return round(id, user, model);
			});
	}

	private Mono<ReportRounds.Submission> action(String id, String regionCode, MultiValueMap<String, String> form,
			CurrentUser user) {
		String action = form.getFirst("action");
		if ("return".equals(action)) {
			return this.rounds.giveBack(user, id, regionCode, form.getFirst("comment"));
		}
		Map<String, Integer> plans = new LinkedHashMap<>();
		form.forEach((name, values) -> {
			if (name.startsWith("plan-") && !values.isEmpty()) {
				String value = values.get(0).strip();
				plans.put(name.substring(5), value.matches("\\d{1,7}") ? Integer.valueOf(value) : -1);
			}
		});
		Mono<ReportRounds.Submission> saved = this.rounds.savePlans(user, id, regionCode, plans);
		return "submit".equals(action) ? saved.then(this.rounds.submit(user, id, regionCode)) : saved;
	}

}
