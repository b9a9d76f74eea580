package academy.cqo.home.web;

import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The home page: the public page for visitors; for a signed-in person the home of their
 * main role (administration first, then training, then candidacy).
 */
@PageController
class HomePages implements Pages {

	private final CandidateHome candidate;

	private final TrainerHome trainer;

	private final BureauHome bureau;

	private final EnterpriseHome enterprise;

	HomePages(CandidateHome candidate, TrainerHome trainer, BureauHome bureau, EnterpriseHome enterprise) {
		this.enterprise = enterprise;
		this.candidate = candidate;
		this.trainer = trainer;
		this.bureau = bureau;
	}

	@GetMapping("/")
	Mono<String> home(@RequestParam(required = false) String regionCode, @AuthenticationPrincipal CurrentUser user,
			Locale locale, Model model) {
		if (user == null) {
			return Mono.just("home");
		}
		if (user.has(Role.ADMIN)) {
			return this.bureau.render(user, regionCode, locale, model);
		}
		if (user.has(Role.TRAINER)) {
			return this.trainer.render(user, model);
		}
		if (user.has(Role.CANDIDATE)) {
			return this.candidate.render(user, model);
		}
		if (user.has(Role.ENTERPRISE)) {
			// An enterprise lands on its status against what the bureau expects.
			return this.enterprise.render(user, model);
		}
		return Mono.just("home");
	}

}
