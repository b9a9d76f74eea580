package academy.cqo.platform.store;

import java.util.List;
import java.util.Map;

import academy.cqo.testsupport.QuestionBankApi;

/**
 * An attempt of the demo practice session, with one true/false question answered.
 */
final class PracticeAttempts {

	private PracticeAttempts() {
	}

	/**
	 * Start an attempt of the demo practice session and answer its first true/false
	 * question.
	 * @param candidate the candidate
	 * @return the attempt's id
	 */
	static String answered(QuestionBankApi candidate) {
		Map<String, Object> started = candidate.post("/api/v1/exam-sessions/demo-practice-session/attempts", Map.of())
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		String id = (String) started.get("id");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> questions = (List<Map<String, Object>>) started.get("questions");
		Map<String, Object> question = questions.stream()
			.filter((q) -> "true_false".equals(q.get("type")))
			.findFirst()
			.orElseThrow();
		candidate
			.put("/api/v1/attempts/" + id + "/answers/" + question.get("questionId"),
					Map.of("response", List.of("true"), "seq", 1))
			.expectStatus()
			.isOk();
		return id;
	}

}
