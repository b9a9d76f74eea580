package academy.cqo.filing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts an enterprise creates for others with a one-time link that sets the password:
 * the filed CQO without an account (created in the enterprise's region with the filed
 * particulars) and further contact users invited by the enterprise's first user.
 */
@IntegrationTest
class FilingInvitationIntegrationTests {

	private static final String PASSWORD = "Qual1ty#Safe";

	@Autowired
	WebTestClient client;

	private Map<String, Object> json(WebTestClient.ResponseSpec response, int status) {
		return response.expectStatus()
			.isEqualTo(status)
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec accept(String link, String password) {
		return this.client.post()
			.uri("/api" + "/v1" + link)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("password", password))
			.exchange();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aFiledCqoWithoutAnAccountIsInvitedWithTheFiledParticularsAndSetsThePasswordOnce() {
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, "360102");
		String filing = FilingApi.create(enterprise, FilingApi.form("邀小青", People.idNumber()));
		assertThat((Map<String, Object>) enterprise.getJson("/api/v1/filings/" + filing).get("training"))
			.containsEntry("registered", false);
		assertThat(academy.cqo.testsupport.PageSession.signIn(this.client, enterprise.username(), PASSWORD)
			.page("/filings/" + filing)).contains("id=\"invite-cqo\"");
		Map<String, Object> invitation = json(
				enterprise.post("/api/v1/filings/" + filing + "/cqo-invitation", Map.of()), 201);
		String username = (String) invitation.get("username");
		String link = (String) invitation.get("link");
		assertThat(link).startsWith("/invitations/");
		assertThat(invitation.get("expiresAt")).isNotNull();
		assertThat((Map<String, Object>) enterprise.getJson("/api/v1/filings/" + filing).get("training"))
			.containsEntry("registered", true);

		String page = this.client.get()
			.uri(link)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains(username, "id=\"invitation-form\"");
		assertThat(json(accept(link, "short"), 400).toString()).contains("password");
		assertThat(json(accept(link, PASSWORD), 200)).containsEntry("username", username);
		assertThat(json(accept(link, "An0ther#Pass"), 400).toString()).contains("token");
		this.client.get().uri(link).exchange().expectStatus().isEqualTo(410);

		QuestionBankApi cqo = new QuestionBankApi(this.client, username, PASSWORD);
		Map<String, Object> me = cqo.getJson("/api/v1/me");
		assertThat(me).containsEntry("fullName", "邀小青").containsEntry("regionCode", "360102");
		assertThat(me.get("roles").toString()).contains("CANDIDATE");
		assertThat(json(enterprise.post("/api/v1/filings/" + filing + "/cqo-invitation", Map.of()), 409).toString())
			.contains("cqo.idNumber");
	}

	@Test
	void theFirstUserInvitesAContactWhoSetsThePasswordAndSeesTheEnterprise() {
		String creditCode = People.creditCode("360102");
		String first = People.username();
		this.client.post()
			.uri("/api/v1/enterprises/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(FilingApi.registration(creditCode, "360102", first))
			.exchange()
			.expectStatus()
			.isCreated();
		QuestionBankApi enterprise = new QuestionBankApi(this.client, first, PASSWORD);
		assertThat(json(enterprise.post("/api/v1/enterprises/" + creditCode + "/contacts",
				Map.of("contactName", "王联络", "mobile", "12345", "email", "x")), 400)
			.toString()).contains("mobile", "email");
		Map<String, Object> invitation = json(enterprise.post("/api/v1/enterprises/" + creditCode + "/contacts",
				Map.of("contactName", "王联络", "mobile", "13807910002", "email", "contact@example.com")), 201);
		String username = (String) invitation.get("username");
		json(accept((String) invitation.get("link"), PASSWORD), 200);
		QuestionBankApi contact = new QuestionBankApi(this.client, username, PASSWORD);
		assertThat(contact.getJson("/api/v1/enterprises/" + creditCode)).containsEntry("creditCode", creditCode);
		contact
			.post("/api/v1/enterprises/" + creditCode + "/contacts",
					Map.of("contactName", "李再邀", "mobile", "13807910003", "email", "again@example.com"))
			.expectStatus()
			.isForbidden();
		FilingApi.enterprise(this.client, "360102")
			.post("/api/v1/enterprises/" + creditCode + "/contacts",
					Map.of("contactName", "赵越权", "mobile", "13807910004", "email", "other@example.com"))
			.expectStatus()
			.isNotFound();
	}

}
