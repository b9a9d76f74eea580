package academy.cqo.home;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role lands on its own home after signing in: the candidate's (study, exams, CE,
 * certificates, notices), the trainer's (banks, running sessions) and the bureau's
 * (figures by region and month, charts and tables); every administrator page states the
 * jurisdiction it shows.
 */
@IntegrationTest
class HomePagesIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void signingInLandsOnTheHomePageNotTheAccount() {
		PageSession candidate = PageSession.signIn(this.client, "candidate", QuestionBankApi.DEMO_PASSWORD);
		assertThat(candidate.page("/")).contains("data-role=\"candidate\"", "id=\"home-study\"", "id=\"home-exams\"",
				"id=\"home-ce\"", "id=\"home-certificates\"", "id=\"home-notices\"");
	}

	@Test
	void aCandidateWithACertificateSeesItAndTheUnreadNoticeAtHome() {
		QuestionBankApi holder = QuestionBankApi.newCandidate(this.client);
		Map<String, Object> certificate = Qualification.pass(holder, new QuestionBankApi(this.client, "trainer"));
		String home = PageSession.signIn(this.client, holder.username(), "Qual1ty#Safe").page("/");
		assertThat(home).contains((String) certificate.get("number"), "还可考");
		assertThat(home).doesNotContain("没有未读消息");
	}

	@Test
	void theTrainerHomeListsBanksAndRunningSessions() {
		String home = PageSession.signIn(this.client, "trainer", QuestionBankApi.DEMO_PASSWORD).page("/");
		assertThat(home).contains("data-role=\"trainer\"", "id=\"home-banks\"",
				"/manage/sessions/demo-qualifying-session");
	}

	@Test
	void theBureauHomeShowsFiguresWithChartsAndTablesForItsJurisdiction() {
		QuestionBankApi holder = QuestionBankApi.newCandidate(this.client);
		Qualification.pass(holder, new QuestionBankApi(this.client, "trainer"));
		String home = PageSession.signIn(this.client, "admin-dh", QuestionBankApi.DEMO_PASSWORD).page("/");
		assertThat(home).contains("data-role=\"bureau\"", "管辖范围：东湖区", "id=\"chart-regions\"", "id=\"table-regions\"",
				"id=\"table-months\"", "/webjars/chart.js/", "<td>东湖区</td>");
		this.client.get().uri("/webjars/chart.js/dist/chart.umd.min.js").exchange().expectStatus().isOk();
		assertThat(PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD).page("/"))
			.as("a province sees its cities")
			.contains("管辖范围：江西省", "<td>南昌市</td>");
	}

	@Test
	void everyAdministratorPageStatesItsJurisdiction() {
		PageSession admin = PageSession.signIn(this.client, "admin-dh", QuestionBankApi.DEMO_PASSWORD);
		for (String path : new String[] { "/admin/users", "/admin/audit", "/admin/certificates", "/admin/talent-pool",
				"/admin/ce/claims", "/manage/exams" }) {
			assertThat(admin.page(path)).as(path).contains("管辖范围：东湖区");
		}
		assertThat(PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD).page("/admin/users"))
			.contains("管辖范围：江西省");
	}

}
