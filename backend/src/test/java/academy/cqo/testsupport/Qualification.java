package academy.cqo.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Passing the demo qualification exam through the API (the candidate's ID photo uploaded
 * first, as a qualifying exam requires; every answer right, keys read by the demo
 * trainer) and waiting for the certificate it issues.
 */
public final class Qualification {

	public static final String SESSION = "demo-qualifying-session";

	private Qualification() {
	}

	/**
	 * Start an attempt on the demo qualification session and answer every question
	 * correctly.
	 * @param candidate the candidate
	 * @param trainer a trainer who may read the official bank's keys
	 * @return the attempt id
	 */
	@SuppressWarnings("unchecked")
	public static String startAndAnswerAll(QuestionBankApi candidate, QuestionBankApi trainer) {
		candidate.uploadIdPhoto().expectStatus().isNoContent();
		Map<String, Object> attempt = candidate.post("/api/v1/exam-sessions/" + SESSION + "/attempts", Map.of())
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		String id = (String) attempt.get("id");
		for (Map<String, Object> question : (List<Map<String, Object>>) attempt.get("questions")) {
			String questionId = (String) question.get("questionId");
			candidate
				.put("/api/v1/attempts/" + id + "/answers/" + questionId,
						Map.of("response", trainer.keyOf(questionId), "seq", 1))
				.expectStatus()
				.isOk();
		}
		return id;
	}

	/**
	 * Pass the exam and wait for the issued certificate.
	 * @param candidate the candidate
	 * @param trainer a trainer
	 * @return the certificate as {@code /api/v1/me/certificates} lists it
	 */
	public static Map<String, Object> pass(QuestionBankApi candidate, QuestionBankApi trainer) {
		candidate.post("/api/v1/attempts/" + startAndAnswerAll(candidate, trainer) + "/submit", Map.of())
			.expectStatus()
			.isOk();
		return await(candidate, "ISSUED");
	}

	/**
	 * Wait for the candidate's certificate to reach a stage.
	 * @param candidate the candidate
	 * @param stage {@code ISSUED} or {@code FAILED}
	 * @return the certificate
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static Map<String, Object> await(QuestionBankApi candidate, String stage) {
		List<Map<String, Object>> found = new ArrayList<>();
		Eventually.await("a certificate " + stage, Duration.ofSeconds(30), () -> {
			List<Map> mine = candidate.get("/api/v1/me/certificates")
				.expectStatus()
				.isOk()
				.expectBodyList(Map.class)
				.returnResult()
				.getResponseBody();
			found.clear();
			mine.stream().filter((item) -> stage.equals(item.get("stage"))).forEach((item) -> found.add(item));
			return !found.isEmpty();
		});
		return found.get(0);
	}

	/**
	 * The token of a certificate's verification URL.
	 * @param certificate the certificate
	 * @return the token
	 */
	public static String token(Map<String, Object> certificate) {
		String url = (String) certificate.get("verificationUrl");
		return url.substring(url.lastIndexOf("/v/") + 3);
	}

}
