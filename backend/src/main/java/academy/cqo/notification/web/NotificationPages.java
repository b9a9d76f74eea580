package academy.cqo.notification.web;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import academy.cqo.identity.CurrentUser;
import academy.cqo.notification.Notifications;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The inbox page: a person's notices, newest first; opening one marks it read.
 */
@PageController
class NotificationPages implements Pages {

	static final int INBOX_SIZE = 100;

	private final Notifications notifications;

	NotificationPages(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	Mono<String> inbox(@AuthenticationPrincipal CurrentUser user, Model model) {
		return this.notifications.inbox(user.accountId(), INBOX_SIZE).collectList().map((notices) -> {
			model.addAttribute("notices", notices);
			return "notification/inbox";
		});
	}

	@PostMapping("/notifications/{id}/read")
	Mono<String> open(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.notifications.markRead(user.accountId(), id)
			.map((notice) -> "redirect:" + (isLocal(notice.link()) ? notice.link() : "/notifications"))
			.defaultIfEmpty("redirect:/notifications");
	}

	@PostMapping("/notifications/read-all")
	Mono<String> readAll(@AuthenticationPrincipal CurrentUser user) {
		return this.notifications.markAllRead(user.accountId()).thenReturn("redirect:/notifications");
	}

	/** Only paths inside the platform: a notice never sends anyone elsewhere. */
	static boolean isLocal(String link) {
		return link != null && link.startsWith("/") && !link.startsWith("//") && !link.contains("\\");
	}

}
