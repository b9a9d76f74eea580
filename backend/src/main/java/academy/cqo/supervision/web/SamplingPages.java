package academy.cqo.supervision.web;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.supervision.SamplingDraws;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The sampling pages for administrators: the draws of the jurisdiction with a form to
 * draw (through the published API), and a draw with its strata and each enterprise's
 * assessment result.
 */
@PageController
class SamplingPages implements Pages {

	private final SamplingDraws draws;

	private final RegionDirectory regions;

	SamplingPages(SamplingDraws draws, RegionDirectory regions) {
		this.draws = draws;
		this.regions = regions;
	}

	@GetMapping("/admin/sampling")
	Mono<String> list(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("scopeName", this.regions.fullName(user.regionCode()));
		model.addAttribute("regionCode", user.regionCode());
		model.addAttribute("regionOptions", this.regions.optionsWithin(user.regionCode()));
		model.addAttribute("attributes", academy.cqo.supervision.domain.StratifiedSample.ATTRIBUTES);
		return this.draws.list(user).collectList().map((list) -> {
			model.addAttribute("draws", list);
			model.addAttribute("regionNames",
					list.stream()
						.map(SamplingDraws.DrawView::regionCode)
						.distinct()
						.collect(java.util.stream.Collectors.toMap((code) -> code, this.regions::fullName)));
			return "supervision/sampling";
		});
	}

	@GetMapping("/admin/sampling/{id}")
	Mono<String> draw(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.draws.find(id, user).zipWith(this.draws.outcomes(id, user)).map((found) -> {
			model.addAttribute("draw", found.getT1());
			model.addAttribute("regionName", this.regions.fullName(found.getT1().regionCode()));
			model.addAttribute("outcomes", found.getT2());
			return "supervision/sampling-draw";
		});
	}

}
