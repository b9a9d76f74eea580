package academy.cqo.exam;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exam's front door and its result: a rules page with an explicit confirmation before
 * any attempt, no qualifying exam without an ID photo (pages and API), no keys on a
 * qualifying exam's result (points by knowledge point instead) while a practice exam
 * keeps its full review, verdicts in words, true/false keys as words, scores alike.
 */
@IntegrationTest
class ExamFrontDoorIntegrationTests {

	private static final String PRACTICE = "demo-practice-session";

	@Autowired
	WebTestClient client;

	@Test
	void aQualifyingExamCannotStartWithoutAnIdPhotoThroughTheApi() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		candidate.post("/api/v1/exam-sessions/" + Qualification.SESSION + "/attempts", Map.of())
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("exam.attempt.photoRequired");
		candidate.uploadIdPhoto().expectStatus().isNoContent();
		candidate.post("/api/v1/exam-sessions/" + Qualification.SESSION + "/attempts", Map.of())
			.expectStatus()
			.isCreated();
	}

	@Test
	void theRulesPageStatesTheRulesAsksForThePhotoAndStartsOnlyAfterConfirmation() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		PageSession page = PageSession.signIn(this.client, candidate.username(), "Qual1ty#Safe");
		assertThat(page.page("/exams")).contains("href=\"/exams/sessions/" + PRACTICE + "\"")
			.doesNotContain("action=\"/exams/sessions/" + PRACTICE + "/start\"");

		String qualifying = page.page("/exams/sessions/" + Qualification.SESSION);
		assertThat(qualifying).contains("30 分钟", "还可考 3 次（共 3 次）", "诚信与纪律", "id=\"photo-missing\"")
			.doesNotContain("id=\"start-form\"");

		String practice = page.page("/exams/sessions/" + PRACTICE);
		assertThat(practice).contains("id=\"start-form\"", "id=\"agree\"").doesNotContain("photo-missing");
		String refused = page
			.post("/exams/sessions/" + PRACTICE, "/exams/sessions/" + PRACTICE + "/start", new LinkedMultiValueMap<>())
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refused).contains("请先阅读考试规则并勾选确认");
		assertThat(candidate.get("/api/v1/me/attempts").expectBody(List.class).returnResult().getResponseBody())
			.as("nothing started without the confirmation")
			.isEmpty();
		MultiValueMap<String, String> agreed = new LinkedMultiValueMap<>();
		agreed.add("agree", "1");
		page.post("/exams/sessions/" + PRACTICE, "/exams/sessions/" + PRACTICE + "/start", agreed)
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location", (location) -> assertThat(location).contains("/attempts/"));

		candidate.uploadIdPhoto().expectStatus().isNoContent();
		assertThat(page.page("/exams/sessions/" + Qualification.SESSION)).contains("id=\"photo-ok\"",
				"id=\"start-form\"");
	}

	@Test
	void aPassedQualifyingExamShowsPointsByKnowledgePointNoKeysAndLinksTheCertificate() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String attempt = Qualification.startAndAnswerAll(candidate, trainer);
		candidate.post("/api/v1/attempts/" + attempt + "/submit", Map.of()).expectStatus().isOk();
		Qualification.await(candidate, "ISSUED");

		String result = PageSession.signIn(this.client, candidate.username(), "Qual1ty#Safe")
			.page("/attempts/" + attempt);
		assertThat(result).contains("得分 100 / 100", "合格（及格分 60）", "id=\"topic-scores\"", "id=\"certificate-link\"")
			.doesNotContain("100.0")
			.doesNotContain("key-option")
			.doesNotContain("参考答案")
			.doesNotContain("question-card");
	}

	@Test
	void aPracticeExamKeepsItsFullReviewInWordsWithoutEmptyBoxes() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		@SuppressWarnings("unchecked")
		Map<String, Object> started = candidate.post("/api/v1/exam-sessions/" + PRACTICE + "/attempts", Map.of())
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		String attempt = (String) started.get("id");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> questions = (List<Map<String, Object>>) started.get("questions");
		// The first question answered right, the rest left unanswered.
		String first = (String) questions.get(0).get("questionId");
		candidate
			.put("/api/v1/attempts/" + attempt + "/answers/" + first,
					Map.of("response", trainer.keyOf(first), "seq", 1))
			.expectStatus()
			.isOk();
		candidate.post("/api/v1/attempts/" + attempt + "/submit", Map.of()).expectStatus().isOk();

		String result = PageSession.signIn(this.client, candidate.username(), "Qual1ty#Safe")
			.page("/attempts/" + attempt);
		assertThat(result).contains("question-card", "verdict-right", "verdict-wrong", "未作答")
			.doesNotContain("[false]")
			.doesNotContain("[true]")
			.doesNotContainPattern("得 \\d+\\.0 分")
			.doesNotContainPattern("<dl class=\"facts\">\\s*</dl>")
			.doesNotContain("id=\"certificate-link\"");
		assertThat(result).containsPattern("参考答案</dt>\\s*<dd>(正确|错误)</dd>");
	}

	@Test
	void aSessionThatRequiresACourseSaysSoOnTheRulesPageAndAtHome() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		java.time.Instant now = java.time.Instant.now();
		String session = trainer.createdId("/api/v1/exam-sessions",
				Map.of("examId", "demo-practice-exam", "title", "须先修课程的场次", "opensAt", now.minusSeconds(60).toString(),
						"closesAt", now.plus(java.time.Duration.ofDays(2)).toString(), "requiredCourseId",
						"cqo-foundation"));
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		PageSession page = PageSession.signIn(this.client, candidate.username(), "Qual1ty#Safe");
		assertThat(page.page("/exams/sessions/" + session)).contains("id=\"course-missing\"", "首席质量官岗位能力培训")
			.doesNotContain("id=\"start-form\"");
		assertThat(page.page("/")).contains("须先完成课程《首席质量官岗位能力培训》");
	}

}
