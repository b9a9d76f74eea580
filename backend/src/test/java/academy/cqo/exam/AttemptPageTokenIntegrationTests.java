package academy.cqo.exam;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One active page per attempt: opening the attempt in a second page hands it over, and
 * the first page's saves are refused naming the reason, while the second page saves.
 */
@IntegrationTest
class AttemptPageTokenIntegrationTests {

	private static final Pattern TOKEN = Pattern.compile("data-page-token=\"([^\"]+)\"");

	@Autowired
	WebTestClient client;

	@Test
	void whenTheAttemptIsOpenedInASecondPageThenTheFirstPageCanNoLongerSave() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		Map<String, Object> attempt = candidate.post("/api/v1/exam-sessions/demo-practice-session/attempts", Map.of())
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		String id = (String) attempt.get("id");
		@SuppressWarnings("unchecked")
		Map<String, Object> question = ((List<Map<String, Object>>) attempt.get("questions")).stream()
			.filter((q) -> "true_false".equals(q.get("type")) || "TRUE_FALSE".equals(q.get("type")))
			.findFirst()
			.orElseThrow();
		String questionId = (String) question.get("questionId");
		PageSession browser = PageSession.signIn(this.client, candidate.username(), "Qual1ty#Safe");
		String first = token(browser.page("/attempts/" + id));
		String second = token(browser.page("/attempts/" + id));
		assertThat(second).isNotEqualTo(first);

		save(candidate, id, questionId, first, 1).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("exam.attempt.otherWindow");
		save(candidate, id, questionId, second, 2).expectStatus().isOk().expectBody().jsonPath("$.seq").isEqualTo(2);
		save(candidate, id, questionId, first, 3).expectStatus().isEqualTo(409);
		assertThat(candidate.getJson("/api/v1/attempts/" + id).get("answers").toString()).contains("seq=2");
	}

	private WebTestClient.ResponseSpec save(QuestionBankApi candidate, String attempt, String question, String page,
			long seq) {
		return this.client.put().uri("/api/v1/attempts/" + attempt + "/answers/" + question).headers((headers) -> {
			headers.setBearerAuth(candidate.token());
			headers.set("X-Attempt-Page", page);
		})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("response", List.of("true"), "seq", seq))
			.exchange();
	}

	private static String token(String page) {
		Matcher matcher = TOKEN.matcher(page);
		assertThat(matcher.find()).as("the exam page carries its page token").isTrue();
		return matcher.group(1);
	}

}
