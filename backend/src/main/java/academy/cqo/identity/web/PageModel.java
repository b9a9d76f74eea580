package academy.cqo.identity.web;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.stereotype.Controller;

import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;

/**
 * What every page's layout needs to know about the visitor: who is signed in and what
 * they may open.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

	/** The visitor as the navigation shows them. */
	record Visitor(boolean signedIn, String username, String fullName, boolean admin, boolean trainer,
			boolean candidate) {

		static final Visitor ANONYMOUS = new Visitor(false, null, null, false, false, false);

		static Visitor of(CurrentUser user) {
			return new Visitor(true, user.username(), user.fullName(), user.has(Role.ADMIN), user.has(Role.TRAINER),
					user.has(Role.CANDIDATE));
		}

	}

	@ModelAttribute("visitor")
	Mono<Visitor> visitor() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter((authentication) -> authentication.getPrincipal() instanceof CurrentUser)
			.map((authentication) -> Visitor.of((CurrentUser) authentication.getPrincipal()))
			.defaultIfEmpty(Visitor.ANONYMOUS);
	}

}
