package academy.cqo.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

/**
 * Nonsense the probe saw accepted, and misleading answers (security finding 10): each is
 * now refused naming the right field with the right code.
 */
@IntegrationTest
class AcceptedNonsenseIntegrationTests {

	@Autowired
	WebTestClient client;

	private QuestionBankApi trainer() {
		return new QuestionBankApi(this.client, "trainer");
	}

	@Test
	void aSessionForARegionThatDoesNotExistIsRefused() {
		trainer()
			.post("/api/v1/exam-sessions",
					Map.of("examId", "demo-practice-exam", "title", "不存在的地区", "opensAt", Instant.now().toString(),
							"closesAt", Instant.now().plus(Duration.ofDays(1)).toString(), "regionScope", "999999"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("regionScope")
			.jsonPath("$.errors[0].code")
			.isEqualTo("exam.session.regionUnknown");
	}

	@Test
	void anAdjustmentForSomeoneWhoDoesNotExistIsRefused() {
		QuestionBankApi trainer = trainer();
		String session = trainer.openSession("demo-practice-exam", "调整场次", Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(1)));
		trainer
			.put("/api/v1/exam-sessions/" + session + "/adjustments",
					Map.of("username", "nobody-" + People.username(), "extraTimeSeconds", 60, "extraAttempts", 1))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("username")
			.jsonPath("$.errors[0].code")
			.isEqualTo("exam.adjustment.unknownUser");
	}

	@Test
	void sharingABankWithANameNobodyHoldsIsRefused() {
		QuestionBankApi trainer = trainer();
		String bank = trainer.createBank("共享题库" + System.nanoTime());
		trainer
			.put("/api/v1/question-banks/" + bank,
					Map.of("name", "共享题库" + System.nanoTime(), "sharedWith", List.of("later-" + People.username())))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("sharedWith")
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity.sharedWith.notStaff");
	}

	@Test
	void hoursWithATypeSuffixAreNotANumber() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		Map.of("activityType", "CONFERENCE", "title", "全国质量大会", "organiser", "中国质量协会", "date",
				LocalDate.now().toString(), "hours", "1d", "professional", "true")
			.forEach(parts::part);
		parts.part("evidence", new ByteArrayResource("%PDF-1.4\n%%EOF\n".getBytes()) {
			@Override
			public String getFilename() {
				return "证明.pdf";
			}
		});
		this.client.post()
			.uri("/api/v1/me/ce/" + LocalDate.now().getYear() + "/claims")
			.headers((headers) -> headers.setBearerAuth(candidate.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'hours')].code")
			.isEqualTo("field.notANumber");
	}

	@Test
	void aFractionalSequenceNumberIsTheWrongType() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		Map<String, Object> attempt = candidate.post("/api/v1/exam-sessions/demo-practice-session/attempts", Map.of())
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		String question = (String) ((List<Map<String, Object>>) attempt.get("questions")).get(0).get("questionId");
		candidate
			.put("/api/v1/attempts/" + attempt.get("id") + "/answers/" + question,
					Map.of("response", List.of("A"), "seq", 1.5))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("seq")
			.jsonPath("$.errors[0].code")
			.isEqualTo("field.wrongType");
	}

	@Test
	void trueForAUsernameIsNotText() {
		Map<String, Object> registration = People.registration(People.username(), People.idNumber(), "360102");
		registration.put("username", true);
		this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("username")
			.jsonPath("$.errors[0].code")
			.isEqualTo("field.mustBeText");
	}

	@Test
	void aNegativeFocusLossLimitIsReportedOnItsOwnField() {
		QuestionBankApi trainer = trainer();
		Map<String, Object> exam = new HashMap<>(Map.of("title", "负数", "sections",
				List.of(Map.of("title", "判断", "bankIds", List.of(trainer.officialBankId()), "type", "true_false",
						"count", 1, "scorePerQuestion", 10)),
				"passMark", 5, "timeLimitSeconds", 600, "maxFocusLosses", -1));
		trainer.post("/api/v1/exams", exam)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("maxFocusLosses");
	}

	@Test
	void anUnknownRoleIsAnInvalidValueNotText() {
		new QuestionBankApi(this.client, "admin-jx")
			.post("/api/v1/admin/users",
					Map.of("username", People.username(), "password", "Qual1ty#Safe", "fullName", "冯讲师", "roles",
							List.of("SUPERUSER"), "regionCode", "360102"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("roles[0]")
			.jsonPath("$.errors[0].code")
			.isEqualTo("field.invalidValue");
	}

	@Test
	void anUnsupportedContentTypeNamesTheHeader() {
		this.client.post()
			.uri("/api/v1/exams")
			.headers((headers) -> headers.setBearerAuth(trainer().token()))
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("title=x")
			.exchange()
			.expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("Content-Type");
	}

	@Test
	void anAnonymousApiWriteIsA401ProblemDetail() {
		this.client.post()
			.uri("/api/v1/exams")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("title", "匿名"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
