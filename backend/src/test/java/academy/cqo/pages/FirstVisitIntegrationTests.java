package academy.cqo.pages;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a first visitor sees: an unknown address is a 404 page for everyone, the home page
 * promises nothing that is not there, and a certificate's state changes only as its state
 * allows and after a confirmation.
 */
@IntegrationTest
class FirstVisitIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void anUnknownAddressShowsTheNotFoundPageToAnonymousVisitors() {
		String page = this.client.get()
			.uri("/no-such-page/at-all")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("页面不存在");
	}

	@Test
	void aKnownProtectedPageStillAsksAnonymousVisitorsToSignIn() {
		this.client.get()
			.uri("/account")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void anUnknownAddressShowsTheNotFoundPageToSignedInVisitors() {
		PageSession candidate = PageSession.signIn(this.client, "candidate", QuestionBankApi.DEMO_PASSWORD);
		String page = this.client.get()
			.uri("/no-such-page")
			.cookie("SESSION", candidate.cookie())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("页面不存在");
	}

	@Test
	void theHomePageDoesNotPromiseFilingsBeforeTheyExist() {
		String home = this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(home).contains("企业首席质量官备案审核", "覆盖率统计与报表即将上线").doesNotContain("企业备案与覆盖率统计即将上线");
	}

	@Test
	void aCertificateIsSuspendedOnlyAfterConfirmationAndReinstatedOnlyWhenSuspended() {
		QuestionBankApi holder = QuestionBankApi.newCandidate(this.client);
		Map<String, Object> certificate = Qualification.pass(holder, new QuestionBankApi(this.client, "trainer"));
		String path = "/admin/certificates/" + certificate.get("id");
		PageSession admin = PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD);

		String valid = admin.page(path);
		assertThat(valid).contains("value=\"SUSPEND\"")
			.contains("value=\"REVOKE\"")
			.doesNotContain("value=\"REINSTATE\"")
			.containsPattern("<option value=\"\" selected");
		assertThat(valid).doesNotContainPattern("value=\"(SUSPEND|REVOKE)\"[^>]*selected");

		MultiValueMap<String, String> suspend = new LinkedMultiValueMap<>();
		suspend.add("action", "SUSPEND");
		suspend.add("reason", academy.cqo.certificate.Certificates.REASONS.get(0));
		admin.post(path, path + "/state", suspend).expectStatus().isEqualTo(422);
		assertThat(admin.page(path)).contains("id=\"certificate-status\">有效<");

		suspend.add("confirm", "1");
		admin.post(path, path + "/state", suspend).expectStatus().is3xxRedirection();
		String suspended = admin.page(path);
		assertThat(suspended).contains("value=\"REINSTATE\"").doesNotContain("value=\"SUSPEND\"");
	}

}
