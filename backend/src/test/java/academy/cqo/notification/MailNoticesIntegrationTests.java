package academy.cqo.notification;

import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.identity.Accounts;
import academy.cqo.testsupport.Eventually;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an SMTP server configured, a notice is also e-mailed to its recipient, once, in
 * Chinese with a link into the platform; when the server is down the notice waits and is
 * mailed by the retry once the server is back. The SMTP server is a real one (GreenMail)
 * listening on a local port.
 */
@IntegrationTest
class MailNoticesIntegrationTests {

	static final int PORT = freePort();

	static GreenMail smtp = start();

	@Autowired
	WebTestClient client;

	@Autowired
	Notifications notifications;

	@Autowired
	MailNotices mail;

	@Autowired
	Accounts accounts;

	@Autowired
	academy.cqo.notification.persistence.NotificationStore store;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> PORT);
		registry.add("cqo.notification.site-url", () -> "https://cqo.example.gov.cn");
	}

	@AfterAll
	static void stop() {
		smtp.stop();
	}

	@Test
	void aNoticeIsMailedOnceAndAMailThatFailedIsSentByTheRetry() throws Exception {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String accountId = this.accounts.profileByUsername(candidate.username()).block().accountId();
		String address = candidate.username() + "@example.com";
		Notice notice = new Notice("mail-test:1", accountId, "certificate.notice.issued", List.of("JX-2026-000001"),
				"/certificates");
		this.notifications.send(notice).block();
		this.notifications.send(notice).block();
		Eventually.await("the e-mail arrives", Duration.ofSeconds(20), () -> received(address).size() == 1);
		MimeMessage message = received(address).get(0);
		assertThat(message.getSubject()).contains("首席质量官任职资格证书已签发").contains("JX-2026-000001");
		assertThat((String) message.getContent()).contains("https://cqo.example.gov.cn/certificates");
		Eventually.await("the notice is marked mailed", Duration.ofSeconds(10),
				() -> Boolean.FALSE.equals(this.store.mailPending(java.time.Instant.EPOCH)
					.any((pending) -> pending.accountId().equals(accountId))
					.block()));
		this.mail.retry().block();
		assertThat(received(address)).as("sent once however often the notice is sent").hasSize(1);

		smtp.stop();
		this.notifications
			.send(new Notice("mail-test:2", accountId, "certificate.notice.revoke", List.of("JX-2026-000001"),
					"/certificates"))
			.block();
		smtp = start();
		Eventually.await("the retry mails the waiting notice", Duration.ofSeconds(30), () -> {
			this.mail.retry().block();
			return received(address).stream().anyMatch((mail) -> subject(mail).contains("已被吊销"));
		});
	}

	private static List<MimeMessage> received(String address) {
		return List.of(smtp.getReceivedMessages())
			.stream()
			.filter((message) -> recipients(message).contains(address))
			.toList();
	}

	private static String recipients(MimeMessage message) {
		try {
			return String.valueOf(List.of(message.getAllRecipients()));
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail start() {
		GreenMail server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
