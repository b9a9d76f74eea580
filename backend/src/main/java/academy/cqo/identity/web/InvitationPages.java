package academy.cqo.identity.web;

import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.Invitations;
import academy.cqo.shared.FieldErrors;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The one-time link of an invited account: a page that names the username and sets the
 * password, and the same as an API call.
 */
@PageController
class InvitationPages implements Pages {

	private final Invitations invitations;

	private final MessageSource messages;

	InvitationPages(Invitations invitations, MessageSource messages) {
		this.invitations = invitations;
		this.messages = messages;
	}

	@GetMapping("/invitations/{accountId}/{token}")
	Mono<String> page(@PathVariable String accountId, @PathVariable String token, Model model,
			ServerWebExchange exchange) {
		model.addAttribute("action", "/invitations/" + accountId + "/" + token);
		return this.invitations.usernameFor(accountId, token).map((username) -> {
			model.addAttribute("username", username);
			model.addAttribute("errors", Map.of());
			return "identity/invitation";
		}).switchIfEmpty(Mono.fromSupplier(() -> {
			exchange.getResponse().setStatusCode(HttpStatus.GONE);
			model.addAttribute("username", null);
			model.addAttribute("errors", Map.of());
			return "identity/invitation";
		}));
	}

	@PostMapping("/invitations/{accountId}/{token}")
	Mono<String> accept(@PathVariable String accountId, @PathVariable String token, Model model,
			ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		model.addAttribute("action", "/invitations/" + accountId + "/" + token);
		return exchange.getFormData()
			.flatMap((form) -> this.invitations.accept(accountId, token, form.getFirst("password")))
			.map((username) -> "redirect:/login?invited")
			.onErrorResume(InvalidInput.class,
					(ex) -> this.invitations.usernameFor(accountId, token).defaultIfEmpty("").map((username) -> {
						exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
						model.addAttribute("username", username.isEmpty() ? null : username);
						model.addAttribute("errors", FieldErrors.of(ex.violations(), this.messages, locale));
						return "identity/invitation";
					}));
	}

}
