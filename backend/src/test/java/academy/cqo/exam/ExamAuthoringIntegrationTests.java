package academy.cqo.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.RecordedPasses;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trainers' exam pages over HTTP: the blueprint editor refuses what the banks cannot
 * fill, essays are marked blind and the result becomes final (and a pass is published)
 * once all are marked, and the item analysis is shown and exported.
 */
@IntegrationTest
class ExamAuthoringIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	RecordedPasses passes;

	@Test
	void whenTheBlueprintCannotBeFilledThenTheEditorSaysWhichSectionAndAFillableOneIsSaved() {
		PageSession trainer = PageSession.signIn(this.client, "trainer", QuestionBankApi.DEMO_PASSWORD);
		String bank = new QuestionBankApi(this.client, "trainer").officialBankId();
		MultiValueMap<String, String> form = examForm("页面创建的考试", bank, "essay", "500");

		String refused = trainer.post("/manage/exams/new", "/manage/exams", form)
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("id=\"exam-problems\"", "第 1 部分需要 500 道题", "页面创建的考试");

		form.set("sectionCount", "2");
		String location = trainer.post("/manage/exams/new", "/manage/exams", examForm("页面创建的考试", bank, "essay", "2"))
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		assertThat(trainer.page("/manage/exams")).contains("页面创建的考试");

		String examId = location.substring(location.indexOf("created=") + "created=".length());
		String edit = trainer.page("/manage/exams/" + examId + "/edit");
		assertThat(edit).contains("修改考试", "value=\"页面创建的考试\"");
		trainer
			.post("/manage/exams/" + examId + "/edit", "/manage/exams/" + examId,
					examForm("页面修改后的考试", bank, "essay", "3"))
			.expectStatus()
			.is3xxRedirection();
		assertThat(trainer.page("/manage/exams")).contains("页面修改后的考试").doesNotContain("页面创建的考试");
	}

	@Test
	void whenEssaysAreMarkedBlindThenTheResultBecomesFinalAndThePassIsPublishedOnce() {
		QuestionBankApi trainerApi = new QuestionBankApi(this.client, "trainer");
		String bank = trainerApi.officialBankId();
		String examId = trainerApi.createExam(Map.of("title", "含案例分析的考试", "sections", List.of(
				Map.of("title", "判断", "bankIds", List.of(bank), "type", "true_false", "count", 2, "scorePerQuestion",
						10),
				Map.of("title", "案例分析", "bankIds", List.of(bank), "type", "essay", "count", 1, "scorePerQuestion", 20)),
				"passMark", 30, "timeLimitSeconds", 600, "reviewPolicy", "answers"));
		String session = trainerApi.openSession(examId, "阅卷测试场次", Instant.now().minusSeconds(600),
				Instant.now().plus(Duration.ofDays(1)));
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String username = (String) candidate.getJson("/api/v1/me").get("username");
		Map<String, Object> attempt = candidate.post("/api/v1/exam-sessions/" + session + "/attempts", Map.of())
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		String attemptId = (String) attempt.get("id");
		long seq = 1;
		String essayAnswer = "应当立即停止销售并启动召回，依照产品质量法承担赔偿责任。";
		for (Map<String, Object> question : AttemptIntegrationTests.questions(attempt)) {
			String questionId = (String) question.get("questionId");
			List<String> response = "essay".equals(question.get("type")) ? List.of(essayAnswer)
					: trainerApi.keyOf(questionId);
			candidate
				.put("/api/v1/attempts/" + attemptId + "/answers/" + questionId,
						Map.of("response", response, "seq", seq++))
				.expectStatus()
				.isOk();
		}
		candidate.post("/api/v1/attempts/" + attemptId + "/submit", Map.of())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUBMITTED")
			.jsonPath("$.score")
			.doesNotExist();

		PageSession trainer = PageSession.signIn(this.client, "trainer", QuestionBankApi.DEMO_PASSWORD);
		assertThat(trainer.page("/manage/sessions/" + session)).contains("阅卷测试场次", "含案例分析的考试");
		String marking = trainer.page("/manage/sessions/" + session + "/marking");
		assertThat(marking).contains(essayAnswer, "答卷 1").doesNotContain(username).doesNotContain("欧阳");
		String essayId = AttemptIntegrationTests.questions(attempt)
			.stream()
			.filter((q) -> "essay".equals(q.get("type")))
			.map((q) -> (String) q.get("questionId"))
			.findFirst()
			.orElseThrow();
		MultiValueMap<String, String> mark = new LinkedMultiValueMap<>();
		mark.add("attemptId", attemptId);
		mark.add("questionId", essayId);
		mark.add("points", "25");
		trainer.post("/manage/sessions/" + session + "/marking", "/manage/sessions/" + session + "/marking", mark)
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).endsWith("?refused"));
		mark.set("points", "15");
		trainer.post("/manage/sessions/" + session + "/marking", "/manage/sessions/" + session + "/marking", mark)
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).endsWith("?marked"));

		Map<String, Object> graded = candidate.getJson("/api/v1/attempts/" + attemptId);
		assertThat(graded.get("status")).isEqualTo("GRADED");
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) graded.get("result");
		assertThat(result).containsEntry("score", 35.0).containsEntry("passed", true);
		assertThat(this.passes.of(attemptId)).hasSize(1);
		assertThat(trainer.page("/manage/sessions/" + session + "/marking")).contains("没有待阅的答卷");
		assertThat(trainer.page("/manage/sessions/" + session)).contains(username, "开始", "考生交卷", "阅卷记分", "3 / 3");

		String analysis = trainer.page("/manage/exams/" + examId + "/analysis");
		assertThat(analysis).contains("id=\"analysis-summary\"", "答卷数");
		byte[] workbook = this.client.get()
			.uri("/manage/exams/" + examId + "/analysis.xlsx")
			.cookie("SESSION", trainer.cookie())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(workbook).startsWith('P', 'K');
	}

	private static MultiValueMap<String, String> examForm(String title, String bank, String type, String count) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		Map<String, String> fields = new HashMap<>(Map.of("title", title, "passMark", "10", "timeLimitMinutes", "30",
				"maxAttempts", "1", "reviewPolicy", "SCORE_ONLY", "multipleChoiceScoring", "ALL_OR_NOTHING"));
		fields.forEach(form::add);
		for (int i = 0; i < 6; i++) {
			form.add("sectionTitle", (i == 0) ? "案例分析" : "");
			form.add("sectionBank", bank);
			form.add("sectionType", (i == 0) ? type : "");
			form.add("sectionTags", "");
			form.add("sectionDifficulties", "");
			form.add("sectionCount", (i == 0) ? count : "");
			form.add("sectionScore", (i == 0) ? "10" : "");
		}
		return form;
	}

	@Test
	void aSessionIsChangedInItsPageAndByTheApiAndBadChangesAreRefusedByField() {
		QuestionBankApi trainerApi = new QuestionBankApi(this.client, "trainer");
		String session = trainerApi.openSession("demo-practice-exam", "待修改场次", Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(2)));
		trainerApi
			.put("/api/v1/exam-sessions/" + session,
					Map.of("title", "已修改场次", "opensAt", Instant.now().minusSeconds(60).toString(), "closesAt",
							Instant.now().plus(Duration.ofDays(5)).toString(), "capacity", 30, "requiredCourseId",
							"cqo-foundation"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("已修改场次")
			.jsonPath("$.examId")
			.isEqualTo("demo-practice-exam");
		trainerApi
			.put("/api/v1/exam-sessions/" + session,
					Map.of("title", "坏的修改", "opensAt", Instant.now().toString(), "closesAt",
							Instant.now().minusSeconds(3600).toString(), "requiredCourseId", "no-such-course"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("closesAt");
		trainerApi
			.put("/api/v1/exam-sessions/" + session,
					Map.of("title", "坏的修改", "opensAt", Instant.now().toString(), "closesAt",
							Instant.now().plusSeconds(3600).toString(), "requiredCourseId", "no-such-course"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("requiredCourseId");
		QuestionBankApi.newCandidate(this.client)
			.put("/api/v1/exam-sessions/" + session, Map.of("title", "x"))
			.expectStatus()
			.isForbidden();

		PageSession trainer = PageSession.signIn(this.client, "trainer", QuestionBankApi.DEMO_PASSWORD);
		String page = trainer.page("/manage/sessions/" + session);
		assertThat(page).contains("id=\"session-form\"").contains("value=\"已修改场次\"").contains("首席质量官岗位能力培训");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("title", "页面修改场次");
		form.add("opensAt", "2026-01-01T08:00");
		form.add("closesAt", "2030-01-01T08:00");
		form.add("capacity", "50");
		form.add("requiredCourseId", "");
		trainer.post("/manage/sessions/" + session, "/manage/sessions/" + session, form)
			.expectStatus()
			.is3xxRedirection();
		assertThat(trainer.page("/manage/sessions/" + session)).contains("页面修改场次")
			.contains("value=\"2030-01-01T08:00\"");
		form.set("closesAt", "2025-01-01T08:00");
		assertThat(trainer.post("/manage/sessions/" + session, "/manage/sessions/" + session, form)
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("closesAt-error");
	}

}
