package academy.cqo.ce.web;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.ce.CeLedgers;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.NotAllowed;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * Administrators review the claims of holders in their jurisdiction: evidence, approve,
 * reject with a reason.
 */
@PageController
@PreAuthorize("hasRole('ADMIN')")
class CeAdminPages implements Pages {

	private static final List<String> STATES = List.of("PENDING", "APPROVED", "REJECTED", "ALL");

	private final CeLedgers ledgers;

	private final MessageSource messages;

	CeAdminPages(CeLedgers ledgers, MessageSource messages) {
		this.ledgers = ledgers;
		this.messages = messages;
	}

	@GetMapping("/admin/ce/claims")
	Mono<String> claims(@RequestParam(defaultValue = "PENDING") String state, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		String shown = STATES.contains(state) ? state : "PENDING";
		model.addAttribute("state", shown);
		model.addAttribute("states", STATES);
		return this.ledgers.claimsToReview(user, shown).collectList().map((claims) -> {
			model.addAttribute("claims", claims);
			return "ce/review";
		});
	}

	@PostMapping("/admin/ce/claims/{id}/decision")
	Mono<String> decide(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange,
			Model model) {
		return exchange.getFormData()
			.flatMap((form) -> this.ledgers
				.decide(id, "approve".equals(form.getFirst("decision")), form.getFirst("reason"), user)
				.map((claim) -> "redirect:/admin/ce/claims?decided=" + claim.id())
				.onErrorResume(InvalidInput.class, (ex) -> refused(ex.violations().get(0), exchange, user, model))
				.onErrorResume(Conflict.class, (ex) -> refused(ex.violation(), exchange, user, model))
				.onErrorResume((ex) -> ex instanceof NotAllowed refusal && refusal.violation() != null,
						(ex) -> refused(((NotAllowed) ex).violation(), exchange, user, model)));
	}

	private Mono<String> refused(FieldViolation violation, ServerWebExchange exchange, CurrentUser user, Model model) {
		exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
		Locale locale = exchange.getLocaleContext().getLocale();
		model.addAttribute("refusal", this.messages.getMessage(violation.messageKey(), violation.arguments().toArray(),
				violation.messageKey(), (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE));
		return claims("PENDING", user, model);
	}

}
