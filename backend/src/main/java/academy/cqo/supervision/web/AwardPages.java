package academy.cqo.supervision.web;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.RegionLevel;
import academy.cqo.supervision.AwardRounds;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The award pages: the rounds of the province (the province creates one), a round with
 * its nominations, the nomination form and the review buttons of the caller's level, and
 * the public list of the awarded when the province lists them. The pages act through the
 * published JSON API.
 */
@PageController
class AwardPages implements Pages {

	private final AwardRounds rounds;

	private final RegionDirectory regions;

	AwardPages(AwardRounds rounds, RegionDirectory regions) {
		this.rounds = rounds;
		this.regions = regions;
	}

	/**
	 * The regions a round may give places to: the province's cities and counties, by
	 * name.
	 */
	private List<RegionDirectory.Option> quotaOptions(String province) {
		return this.regions.optionsWithin(province)
			.stream()
			.filter((option) -> !option.code().equals(province))
			.toList();
	}

	/**
	 * The province whose rounds the caller sees (an enterprise's or an administrator's).
	 */
	private String provinceOf(CurrentUser user) {
		return (user.regionCode() != null) ? user.regionCode().substring(0, 2) + "0000" : null;
	}

	@GetMapping("/awards")
	Mono<String> list(@AuthenticationPrincipal CurrentUser user, Model model) {
		boolean province = user.has(Role.ADMIN) && user.jurisdiction().level() == RegionLevel.PROVINCE;
		model.addAttribute("mayCreate", province);
		if (province) {
			model.addAttribute("quotaOptions", quotaOptions(user.regionCode()));
		}
		model.addAttribute("scopeName", scopeName(user));
		return this.rounds.rounds(user).collectList().map((list) -> {
			model.addAttribute("rounds", list);
			return "supervision/awards";
		});
	}

	/**
	 * The jurisdiction an enterprise sees (its province's rounds); an administrator's is
	 * shown by the layout.
	 */
	private String scopeName(CurrentUser user) {
		String province = provinceOf(user);
		return (!user.has(Role.ADMIN) && province != null) ? this.regions.fullName(province) : null;
	}

	@GetMapping("/awards/{id}")
	Mono<String> round(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		boolean admin = user.has(Role.ADMIN);
		model.addAttribute("admin", admin);
		model.addAttribute("reviewStage", admin ? user.jurisdiction().level().name() + "_REVIEW" : null);
		model.addAttribute("scopeName", scopeName(user));
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
		return this.rounds.awarded(id, user).collectList().zipWith(this.rounds.provinceOf(id)).map((found) -> {
			model.addAttribute("awarded", found.getT1());
			model.addAttribute("scopeName", this.regions.fullName(found.getT2()));
			return "supervision/awarded";
		});
	}

}
