package academy.cqo.identity.web;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.reactive.result.view.CsrfRequestDataValueProcessor;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.shared.Pages;
import academy.cqo.shared.RegionDirectory;

/**
 * What every page's layout needs to know about the visitor: who is signed in and what
 * they may open.
 */
@ControllerAdvice(assignableTypes = Pages.class)
class PageModel {

	/** The visitor as the navigation shows them. */
	record Visitor(boolean signedIn, String username, String fullName, boolean admin, boolean trainer,
			boolean candidate, String jurisdiction, boolean enterprise) {

		static final Visitor ANONYMOUS = new Visitor(false, null, null, false, false, false, null, false);

		static Visitor of(CurrentUser user, RegionDirectory regions) {
			boolean admin = user.has(Role.ADMIN);
			String jurisdiction = (admin && user.regionCode() != null)
					? regions.find(user.regionCode()).map(academy.cqo.shared.Region::name).orElse(user.regionCode())
					: null;
			return new Visitor(true, user.username(), user.fullName(), admin, user.has(Role.TRAINER),
					user.has(Role.CANDIDATE), jurisdiction, user.has(Role.ENTERPRISE));
		}

	}

	private final RegionDirectory regions;

	PageModel(RegionDirectory regions) {
		this.regions = regions;
	}

	/**
	 * Resolve the CSRF token for the page, so that Thymeleaf adds it to every
	 * {@code th:action} form.
	 * @param exchange the request
	 * @return the token
	 */
	@ModelAttribute("_csrfToken")
	Mono<CsrfToken> csrfToken(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		if (token == null) {
			return Mono.empty();
		}
		return token.doOnSuccess((resolved) -> exchange.getAttributes()
			.put(CsrfRequestDataValueProcessor.DEFAULT_CSRF_ATTR_NAME, resolved));
	}

	@ModelAttribute("visitor")
	Mono<Visitor> visitor() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter((authentication) -> authentication.getPrincipal() instanceof CurrentUser)
			.map((authentication) -> Visitor.of((CurrentUser) authentication.getPrincipal(), this.regions))
			.defaultIfEmpty(Visitor.ANONYMOUS);
	}

}
