package academy.cqo.notification;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.certificate.CeStandings;
import academy.cqo.identity.Accounts;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices reach their recipient once however often a module sends them, show in the
 * reader's language, and only their recipient can read them.
 */
@IntegrationTest
class NotificationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	Notifications notifications;

	@Autowired
	Accounts accounts;

	@Autowired
	CeStandings standings;

	@Test
	void aNoticeSentTwiceArrivesOnceAndOnlyItsRecipientCanReadIt() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String accountId = this.accounts.profileByUsername(candidate.username()).block().accountId();
		Notice notice = new Notice("test:1", accountId, "notice.heading", List.of(), "/exams");
		this.notifications.send(notice).block();
		this.notifications.send(notice).block();

		Map<String, Object> inbox = candidate.getJson("/api/v1/me/notifications");
		assertThat(inbox.get("unread")).isEqualTo(1);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> items = (List<Map<String, Object>>) inbox.get("items");
		assertThat(items).singleElement().satisfies((item) -> {
			assertThat(item.get("messageKey")).isEqualTo("notice.heading");
			assertThat(item.get("read")).isEqualTo(false);
		});
		String id = (String) items.get(0).get("id");

		QuestionBankApi other = QuestionBankApi.newCandidate(this.client);
		other.post("/api/v1/me/notifications/" + id + "/read", Map.of()).expectStatus().isNotFound();
		assertThat(other.getJson("/api/v1/me/notifications").get("unread")).isEqualTo(0);

		PageSession page = PageSession.signIn(this.client, candidate.username(), "Qual1ty#Safe");
		assertThat(page.page("/notifications")).contains("我的消息").contains("id=\"nav-notices\"");

		candidate.post("/api/v1/me/notifications/" + id + "/read", Map.of())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.read")
			.isEqualTo(true);
		assertThat(candidate.getJson("/api/v1/me/notifications").get("unread")).isEqualTo(0);
	}

	@Test
	void aCeYearRecordedTwiceOrOutOfOrderKeepsTheLatestYearsOutcome() {
		String holder = "ce-standing-" + System.nanoTime();
		assertThat(this.standings.overdue(holder).block()).isFalse();
		this.standings.record(holder, 2025, true).block();
		this.standings.record(holder, 2025, true).block();
		assertThat(this.standings.overdue(holder).block()).isTrue();
		this.standings.record(holder, 2026, false).block();
		this.standings.record(holder, 2025, true).block();
		assertThat(this.standings.overdue(holder).block()).isFalse();
	}

}
