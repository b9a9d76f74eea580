package academy.cqo.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import academy.cqo.identity.Accounts;
import academy.cqo.notification.persistence.NotificationDocument;
import academy.cqo.notification.persistence.NotificationStore;
import academy.cqo.platform.Sweep;

/**
 * Notices by e-mail as well, when an SMTP server is configured ({@code spring.mail.host},
 * {@code SPRING_MAIL_HOST}): each new notice is mailed to the recipient's address in
 * Chinese with a link into the platform. A notice stays marked until its e-mail has gone;
 * a sweep retries those of the last day (an SMTP server that was down, a crash). Without
 * an SMTP server nothing is mailed and nothing is marked.
 */
@Component
class MailNotices {

	private static final Logger logger = LoggerFactory.getLogger(MailNotices.class);

	private static final Duration RETRY_FOR = Duration.ofDays(1);

	private final ObjectProvider<JavaMailSender> sender;

	private final NotificationStore store;

	private final Accounts accounts;

	private final MessageSource messages;

	private final Settings settings;

	private final Clock clock;

	/**
	 * E-mail settings ({@code cqo.notification.*}).
	 *
	 * @param mailFrom the sender address ({@code CQO_NOTIFICATION_MAILFROM})
	 * @param siteUrl the platform's public address, for links in e-mails
	 * ({@code CQO_NOTIFICATION_SITEURL})
	 * @param retryInterval how often unsent e-mails are retried
	 */
	@ConfigurationProperties("cqo.notification")
	record Settings(@DefaultValue("noreply@cqo.example.gov.cn") String mailFrom,
			@DefaultValue("http://localhost:8080") String siteUrl, @DefaultValue("5m") Duration retryInterval) {
	}

	MailNotices(ObjectProvider<JavaMailSender> sender, NotificationStore store, Accounts accounts,
			MessageSource messages, Settings settings, Clock clock) {
		this.sender = sender;
		this.store = store;
		this.accounts = accounts;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
	}

	boolean enabled() {
		return this.sender.getIfAvailable() != null;
	}

	/**
	 * Mail a notice to its recipient, then mark it sent. A recipient without an address
	 * is marked too (nothing to send); a failure leaves it for the retry.
	 * @param notice the notice
	 * @return completes when done or failed
	 */
	Mono<Void> deliver(NotificationDocument notice) {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			return Mono.empty();
		}
		return this.accounts.profile(notice.accountId())
			.flatMap((profile) -> (profile.email() == null || profile.email().isBlank()) ? Mono.just(false)
					: Mono.fromCallable(() -> {
						mail.send(message(notice, profile.email()));
						return true;
					}).subscribeOn(Schedulers.boundedElastic()))
			.flatMap((sent) -> this.store.markMailed(notice.id(), this.clock.instant()))
			.onErrorResume(MailException.class, (ex) -> {
				logger.warn("E-mail for notice {} failed; retried later: {}", notice.id(), ex.getMessage());
				return Mono.empty();
			});
	}

	private SimpleMailMessage message(NotificationDocument notice, String to) {
		Locale chinese = Locale.SIMPLIFIED_CHINESE;
		String text = this.messages.getMessage(notice.messageKey(), notice.arguments().toArray(), notice.messageKey(),
				chinese);
		String link = this.settings.siteUrl() + ((notice.link() != null) ? notice.link() : "/notifications");
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.settings.mailFrom());
		message.setTo(to);
		message.setSubject(this.messages.getMessage("notice.mail.subject", new Object[] { text }, chinese));
		message.setText(this.messages.getMessage("notice.mail.body", new Object[] { text, link }, chinese));
		return message;
	}

	@Bean
	Sweep mailRetrySweep() {
		return Sweep.of("mail-retries", this.settings.retryInterval(), this::retry);
	}

	/**
	 * Mail what is still pending from the last day.
	 * @return completes when done
	 */
	Mono<Void> retry() {
		if (!enabled()) {
			return Mono.empty();
		}
		return this.store.mailPending(this.clock.instant().minus(RETRY_FOR)).concatMap(this::deliver).then();
	}

}
