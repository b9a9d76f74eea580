package academy.cqo.home;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
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
	void theTrainerHomeCountsTheQuestionsItemAnalysisFlagsPerExam() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		String bank = trainer.createBank("分析提示-" + People.username());
		List<String> questions = new java.util.ArrayList<>();
		for (String stem : List.of("依照产品质量法，谁应当对其生产的产品质量负责？", "依照计量法，谁负责全国计量工作的监督管理？")) {
			questions.add(trainer.createdId("/api/v1/question-banks/" + bank + "/questions",
					Map.of("type", "single", "stem", stem, "options",
							List.of(Map.of("id", "a", "text", "正确的一方"), Map.of("id", "b", "text", "另一方"),
									Map.of("id", "c", "text", "第三方")),
							"key", List.of("a"), "status", "reviewed", "tags", List.of("质量法律法规/产品质量法"))));
		}
		String title = "区分度测试考试-" + People.username();
		String examId = trainer.createExam(Map.of(
				"title", title, "sections", List.of(Map.of("title", "单选", "bankIds", List.of(bank), "type", "single",
						"count", 2, "scorePerQuestion", 50)),
				"passMark", 60, "timeLimitSeconds", 600, "reviewPolicy", "answers"));
		String session = trainer.openSession(examId, "区分度场次", java.time.Instant.now().minusSeconds(60),
				java.time.Instant.now().plus(java.time.Duration.ofDays(1)));
		// one knows only the first, one only the second, one neither: each question is
		// answered right by a candidate whose other answer is wrong, so each correlates
		// negatively with the rest of the paper and is flagged
		for (List<String> answers : List.of(List.of("a", "b"), List.of("b", "a"), List.of("b", "b"))) {
			QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
			String attempt = (String) candidate.post("/api/v1/exam-sessions/" + session + "/attempts", Map.of())
				.expectBody(QuestionBankApi.JSON)
				.returnResult()
				.getResponseBody()
				.get("id");
			for (int i = 0; i < 2; i++) {
				candidate
					.put("/api/v1/attempts/" + attempt + "/answers/" + questions.get(i),
							Map.of("response", List.of(answers.get(i)), "seq", i + 1))
					.expectStatus()
					.isOk();
			}
			candidate.post("/api/v1/attempts/" + attempt + "/submit", Map.of()).expectStatus().isOk();
		}
		String home = PageSession.signIn(this.client, "trainer", QuestionBankApi.DEMO_PASSWORD).page("/");
		assertThat(home).contains("id=\"home-flagged\"", "id=\"flagged-total\"", title,
				"/manage/exams/" + examId + "/analysis", "2 道试题区分度偏低或为负，基于 3 份已评分答卷");
	}

	@Test
	void theBureauHomeShowsFiguresWithChartsAndTablesForItsJurisdiction() {
		QuestionBankApi holder = QuestionBankApi.newCandidate(this.client);
		Qualification.pass(holder, new QuestionBankApi(this.client, "trainer"));
		String home = PageSession.signIn(this.client, "admin-dh", QuestionBankApi.DEMO_PASSWORD).page("/");
		assertThat(home).contains("data-role=\"bureau\"", "管辖范围：东湖区", "显示：江西省 南昌市 东湖区", "id=\"chart-gauge-coverage\"",
				"id=\"chart-bars\"", "id=\"table-bars\"", "id=\"table-months\"", "id=\"table-sessions\"",
				"/webjars/chart.js/", "近期资格考核场次");
		// the candidate who just passed counts in the qualifying session's results of
		// their county
		assertThat(home).containsPattern("<td>\\d+</td><td>[1-9]\\d*</td>\\s*<td>\\d+%</td>");
		this.client.get().uri("/webjars/chart.js/dist/chart.umd.min.js").exchange().expectStatus().isOk();
		assertThat(PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD).page("/"))
			.as("a province sees its cities")
			.contains("管辖范围：江西省", "href=\"/?regionCode=360100\">南昌市</a>");
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
