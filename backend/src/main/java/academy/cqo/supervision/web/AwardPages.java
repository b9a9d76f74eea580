package academy.cqo.supervision.web;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.shared.RegionLevel;
import academy.cqo.supervision.AwardRounds;

/**
 * The award pages: the rounds of the province (the province creates one), a round with
 * its nominations, the nomination form and the review buttons of the caller's level, and
 * the public list of the awarded when the province lists them. The pages act through the
 * published JSON API.
 */
@Controller
class AwardPages {

	private final AwardRounds rounds;

	AwardPages(AwardRounds rounds) {
		this.rounds = rounds;
	}

	@GetMapping("/awards")
	Mono<String> list(@AuthenticationPrincipal CurrentUser user, Model model) {
		boolean province = user.has(Role.ADMIN) && user.jurisdiction().level() == RegionLevel.PROVINCE;
		model.addAttribute("mayCreate", province);
		return this.rounds.rounds(user).collectList().map((list) -> {
			model.addAttribute("rounds", list);
			return "supervision/awards";
		});
	}

	@GetMapping("/awards/{id}")
	Mono<String> round(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		boolean admin = user.has(Role.ADMIN);
		model.addAttribute("admin", admin);
		model.addAttribute("reviewStage", admin ? user.jurisdiction().level().name() + "_REVIEW" : null);
		return this.rounds.round(id, user)
			.zipWith(this.rounds.nominations(id, null, user).collectList())
			.map((found) -> {
				model.addAttribute("round", found.getT1());
				model.addAttribute("nominations", found.getT2());
				return "supervision/award";
			});
	}

	@GetMapping("/excellent-cqos/{id}")
	Mono<String> awarded(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.rounds.awarded(id, user).collectList().map((list) -> {
			model.addAttribute("awarded", list);
			return "supervision/awarded";
		});
	}

}
