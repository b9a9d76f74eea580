package academy.cqo.supervision.web;

import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import academy.cqo.certificate.Certificates;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.supervision.CaseKind;
import academy.cqo.supervision.CaseState;
import academy.cqo.supervision.SupervisionCases;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The supervision pages: the case list (the administrator's jurisdiction, with a form to
 * open a case; the enterprise's own cases) and a case with its steps, documents and the
 * forms for the next step or the enterprise's rectification report. The pages act through
 * the published JSON API.
 */
@PageController
class SupervisionPages implements Pages {

	private final SupervisionCases cases;

	private final RegionDirectory regions;

	SupervisionPages(SupervisionCases cases, RegionDirectory regions) {
		this.cases = cases;
		this.regions = regions;
	}

	@GetMapping("/supervision")
	Mono<String> list(@RequestParam(required = false) String state, @AuthenticationPrincipal CurrentUser user,
			Model model) {
		boolean admin = user.has(Role.ADMIN);
		String filter = (state != null && Arrays.stream(CaseState.values()).anyMatch((s) -> s.name().equals(state)))
				? state : null;
		model.addAttribute("admin", admin);
		model.addAttribute("state", filter);
		model.addAttribute("states", Arrays.stream(CaseState.values()).map(Enum::name).toList());
		model.addAttribute("kinds", Arrays.stream(CaseKind.values()).map(Enum::name).toList());
		model.addAttribute("reasons", Certificates.REASONS);
		model.addAttribute("scopeName", admin ? this.regions.fullName(user.regionCode()) : null);
		return this.cases.list(user, filter, null).collectList().map((list) -> {
			model.addAttribute("cases", list);
			return "supervision/list";
		});
	}

	@GetMapping("/supervision/{id}")
	Mono<String> detail(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.cases.find(id, user).map((found) -> {
			model.addAttribute("c", found);
			model.addAttribute("mayAct", user.has(Role.ADMIN) && found.active());
			model.addAttribute("mayRectify", user.has(Role.ENTERPRISE) && found.rectifiable());
			model.addAttribute("stepKinds", List.of("INTERVIEW", "WARNING", "EXIT", "CLOSE"));
			model.addAttribute("reasons", Certificates.REASONS);
			return "supervision/detail";
		});
	}

}
