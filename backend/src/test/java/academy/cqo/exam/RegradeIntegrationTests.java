package academy.cqo.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.RecordedPasses;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong key is corrected after candidates sat the exam: regrading recomputes the
 * affected attempts, logs it, and a candidate who now passes gets the pass published.
 */
@IntegrationTest
class RegradeIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	RecordedPasses passes;

	@Test
	void whenAKeyIsCorrectedThenRegradingRecomputesTheAttemptAndPublishesTheNewPass() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		String bank = trainer.createBank("重评测试-" + People.username());
		Map<String, Object> question = new HashMap<>(
				Map.of("type", "single", "stem", "依照产品质量法，谁应当对其生产的产品质量负责？", "options",
						List.of(Map.of("id", "a", "text", "生产者"), Map.of("id", "b", "text", "消费者"),
								Map.of("id", "c", "text", "行业协会")),
						"key", List.of("b"), "status", "reviewed", "tags", List.of("质量法律法规/产品质量法")));
		String questionId = trainer.createdId("/api/v1/question-banks/" + bank + "/questions", question);
		String examId = trainer.createExam(Map.of(
				"title", "重评测试考试", "sections", List.of(Map.of("title", "单选", "bankIds", List.of(bank), "type", "single",
						"count", 1, "scorePerQuestion", 100)),
				"passMark", 60, "timeLimitSeconds", 600, "reviewPolicy", "answers"));
		String session = trainer.openSession(examId, "重评场次", Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(1)));
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String attempt = (String) candidate.post("/api/v1/exam-sessions/" + session + "/attempts", Map.of())
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		candidate
			.put("/api/v1/attempts/" + attempt + "/answers/" + questionId, Map.of("response", List.of("a"), "seq", 1))
			.expectStatus()
			.isOk();
		candidate.post("/api/v1/attempts/" + attempt + "/submit", Map.of())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.score")
			.isEqualTo(0.0)
			.jsonPath("$.passed")
			.isEqualTo(false);

		question.put("key", List.of("a"));
		question.put("revision",
				((Number) trainer.getJson("/api/v1/questions/" + questionId).get("revision")).longValue());
		trainer.put("/api/v1/questions/" + questionId, question)
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo(2);
		trainer.post("/api/v1/exams/" + examId + "/regrade", Map.of("questionId", questionId))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.attempts")
			.isEqualTo(1)
			.jsonPath("$.changed")
			.isEqualTo(1);

		Map<String, Object> regraded = candidate.getJson("/api/v1/attempts/" + attempt);
		@SuppressWarnings("unchecked")
		Map<String, Object> result = (Map<String, Object>) regraded.get("result");
		assertThat(result).containsEntry("score", 100.0).containsEntry("passed", true);
		assertThat(this.passes.of(attempt)).hasSize(1);
		trainer.post("/api/v1/exams/" + examId + "/regrade", Map.of("questionId", questionId))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.changed")
			.isEqualTo(0);
	}

}
