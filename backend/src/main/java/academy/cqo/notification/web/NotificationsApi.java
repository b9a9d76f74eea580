package academy.cqo.notification.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.CurrentUser;
import academy.cqo.notification.NotificationView;
import academy.cqo.notification.Notifications;
import academy.cqo.notification.NotificationNotFound;

/**
 * The signed-in person's notices.
 */
@RestController
@RequestMapping("/api/v1/me/notifications")
@Tag(name = "notifications", description = "The signed-in person's notices")
class NotificationsApi {

	private final Notifications notifications;

	NotificationsApi(Notifications notifications) {
		this.notifications = notifications;
	}

	record Inbox(long unread, List<NotificationView> items) {
	}

	@GetMapping
	@Operation(summary = "The newest notices (message keys and arguments) and how many are unread")
	Mono<Inbox> inbox(@AuthenticationPrincipal CurrentUser user) {
		return this.notifications.unread(user.accountId())
			.zipWith(this.notifications.inbox(user.accountId(), NotificationPages.INBOX_SIZE).collectList())
			.map((pair) -> new Inbox(pair.getT1(), pair.getT2()));
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Mark a notice read")
	Mono<NotificationView> read(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.notifications.markRead(user.accountId(), id)
			.switchIfEmpty(Mono.error(() -> new NotificationNotFound(id)));
	}

}
