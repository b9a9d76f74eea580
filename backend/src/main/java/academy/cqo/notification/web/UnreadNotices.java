package academy.cqo.notification.web;

import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import academy.cqo.identity.CurrentUser;
import academy.cqo.notification.Notifications;
import academy.cqo.shared.Pages;

/**
 * How many unread notices the signed-in visitor has, for the navigation of every page.
 */
@ControllerAdvice(assignableTypes = Pages.class)
class UnreadNotices {

	private final Notifications notifications;

	UnreadNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute("unreadNotices")
	Mono<Long> unreadNotices() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter((authentication) -> authentication.getPrincipal() instanceof CurrentUser)
			.flatMap((authentication) -> this.notifications
				.unread(((CurrentUser) authentication.getPrincipal()).accountId()))
			.defaultIfEmpty(0L);
	}

}
