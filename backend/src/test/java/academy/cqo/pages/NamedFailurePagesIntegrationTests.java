package academy.cqo.pages;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of filing, reporting and supervision show a module's named failures with the
 * status their base gives: a thing not found for the caller ({@code ReportRoundNotFound},
 * {@code RegionNotFound}, {@code SupervisionCaseNotFound}, {@code FilingNotFound}) is the
 * 404 page, a refusal because of who asks ({@code CountiesSetNoRounds}) the 403 page.
 */
@IntegrationTest
class NamedFailurePagesIntegrationTests {

	@Autowired
	WebTestClient client;

	private String page(PageSession session, String path, int status) {
		return this.client.get()
			.uri(path)
			.cookie("SESSION", session.cookie())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void whenAnAdministratorOpensWhatIsNotThereOrOutsideTheJurisdictionThenTheNotFoundPage() {
		PageSession donghu = PageSession.signIn(this.client, "admin-dh", QuestionBankApi.DEMO_PASSWORD);
		for (String path : new String[] { "/reports/rounds/no-such-round", "/reports?regionCode=360103",
				"/supervision/no-such-case", "/filings/no-such-filing" }) {
			assertThat(page(donghu, path, 404)).as(path).contains("页面不存在");
		}
	}

	@Test
	void whenACountySetsAReportingRoundThenTheForbiddenPage() {
		PageSession donghu = PageSession.signIn(this.client, "admin-dh", QuestionBankApi.DEMO_PASSWORD);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("name", "县级任务");
		form.add("planYears", "2027");
		form.add("dueDate", "2027-01-31");
		String page = donghu.post("/reports/rounds", "/reports/rounds", form)
			.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("无权访问");
	}

}
