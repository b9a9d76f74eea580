package academy.cqo.notification;

import java.time.Clock;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.notification.persistence.NotificationDocument;
import academy.cqo.notification.persistence.NotificationStore;
import academy.cqo.platform.Background;

/**
 * Sending and reading notices. Sending is idempotent per recipient and key: modules call
 * it from event listeners that may run more than once.
 */
@Service
public class Notifications {

	private final NotificationStore store;

	private final Clock clock;

	private final MailNotices mail;

	private final Background background;

	Notifications(NotificationStore store, Clock clock, MailNotices mail, Background background) {
		this.background = background;
		this.store = store;
		this.mail = mail;
		this.clock = clock;
	}

	/**
	 * Send a notice, once.
	 * @param notice the notice
	 * @return completes when it is stored (or was already); an e-mail, when configured,
	 * follows in the background
	 */
	public Mono<Void> send(Notice notice) {
		NotificationDocument document = new NotificationDocument(
				NotificationStore.idOf(notice.accountId(), notice.key()), notice.accountId(), notice.messageKey(),
				notice.arguments(), notice.link(), this.clock.instant(), null, this.mail.enabled(), null);
		return this.store.insertOnce(document).doOnNext((inserted) -> {
			if (inserted && this.mail.enabled()) {
				this.background.start("mail", document.id(), this.mail.deliver(document));
			}
		}).then();
	}

	/**
	 * A person's newest notices.
	 * @param accountId the recipient
	 * @param limit how many at most
	 * @return the notices, newest first
	 */
	public Flux<NotificationView> inbox(String accountId, int limit) {
		return this.store.newest(accountId, limit).map(Notifications::view);
	}

	public Mono<Long> unread(String accountId) {
		return this.store.countUnread(accountId);
	}

	/**
	 * Mark one notice read.
	 * @param accountId the reader, who must be its recipient
	 * @param id the notice
	 * @return the notice, or empty when the reader has no such notice
	 */
	public Mono<NotificationView> markRead(String accountId, String id) {
		return this.store.markRead(accountId, id, this.clock.instant()).map(Notifications::view);
	}

	public Mono<Void> markAllRead(String accountId) {
		return this.store.markAllRead(accountId, this.clock.instant());
	}

	private static NotificationView view(NotificationDocument document) {
		return new NotificationView(document.id(), document.messageKey(), document.arguments(), document.link(),
				document.sentAt(), document.readAt() != null);
	}

}
