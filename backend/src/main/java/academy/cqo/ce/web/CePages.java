package academy.cqo.ce.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.ce.ActivityType;
import academy.cqo.ce.CeClaims;
import academy.cqo.ce.CeLedgers;
import academy.cqo.ce.CeSettings;
import academy.cqo.ce.ClaimDraft;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldErrors;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The holder's CE page: the year's progress against the requirement, every entry, what is
 * missing, and the claim form with evidence upload.
 */
@PageController
class CePages implements Pages {

	private final CeLedgers ledgers;

	private final CeClaims claims;

	private final CeSettings settings;

	private final MessageSource messages;

	private final Clock clock;

	private final academy.cqo.ce.CeTranscripts transcripts;

	CePages(CeLedgers ledgers, CeClaims claims, CeSettings settings, MessageSource messages, Clock clock,
			academy.cqo.ce.CeTranscripts transcripts) {
		this.transcripts = transcripts;
		this.ledgers = ledgers;
		this.claims = claims;
		this.settings = settings;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/ce")
	Mono<String> thisYear() {
		return Mono.just("redirect:/ce/" + LocalDate.now(this.clock).getYear());
	}

	@GetMapping("/ce/{year}/transcript.pdf")
	Mono<org.springframework.http.ResponseEntity<byte[]>> transcript(@PathVariable int year,
			@AuthenticationPrincipal CurrentUser user) {
		return this.transcripts.transcript(user, year).map(CeApi::pdf);
	}

	@GetMapping("/ce/{year}")
	Mono<String> ledger(@PathVariable int year, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("form", new ClaimDraft("OFFLINE_CLASS", "", "", "", "", null));
		return page(year, user, model);
	}

	private Mono<String> page(int year, CurrentUser user, Model model) {
		int current = LocalDate.now(this.clock).getYear();
		model.addAttribute("year", year);
		model.addAttribute("years", List.of(current, current - 1, current - 2));
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("caps", this.settings.caps());
		model.addAttribute("maxEvidenceMb", this.settings.maxEvidenceSize().toMegabytes());
		model.addAttribute("mayClaim", year <= current);
		return this.ledgers.ledger(user.accountId(), year).map((ledger) -> {
			model.addAttribute("ledger", ledger);
			return "ce/ledger";
		});
	}

	@PostMapping("/ce/{year}/claims")
	Mono<String> claim(@PathVariable int year, @AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange,
			Model model) {
		return exchange.getMultipartData()
			.flatMap((parts) -> ClaimForms.read(parts, this.settings.maxEvidenceSize().toBytes()))
			.flatMap((posted) -> this.claims.claim(user, year, posted.draft(), posted.evidence())
				.map((claim) -> "redirect:/ce/" + year + "?claimed=" + claim.id())
				.onErrorResume(InvalidInput.class, (ex) -> {
					exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
					model.addAttribute("form", posted.draft());
					model.addAttribute("errors", FieldErrors.of(ex.violations(), this.messages, locale(exchange)));
					return page(year, user, model);
				})
				.onErrorResume(Conflict.class, (ex) -> {
					exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
					model.addAttribute("form", posted.draft());
					model.addAttribute("errors",
							FieldErrors.of(List.of(ex.violation()), this.messages, locale(exchange)));
					return page(year, user, model);
				}));
	}

	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
	}

}
