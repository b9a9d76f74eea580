package academy.cqo.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageForm;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No 5xx where a 4xx belongs (security finding 5), one case per cause the probe found:
 * (a) a password over bcrypt's 72 bytes, (b) a text field over 256 KB, (c) {@code null}
 * inside JSON arrays and objects, (d) out-of-range years (see
 * {@code ProvinceWideActionsIntegrationTests}), (e) a short or wildcard region code on
 * the talent pool. Each is refused with 4xx naming the field.
 */
@IntegrationTest
class BadInputIntegrationTests {

	/**
	 * 27 characters, 73 bytes in UTF-8: within the 64-character limit, beyond bcrypt's.
	 */
	static final String LONG_PASSWORD = "Aa1!" + "质".repeat(23);

	static final String HUGE = "x".repeat(300 * 1024);

	@Autowired
	WebTestClient client;

	@org.junit.jupiter.api.BeforeEach
	void patientClient() {
		// 300 KB bodies and bcrypt on a loaded two-core machine take longer than the 5 s
		// default
		this.client = this.client.mutate().responseTimeout(Duration.ofMinutes(1)).build();
	}

	@Test
	void whenARegistrationPasswordHasMoreThan72BytesThenRefusedNamingThePassword() {
		Map<String, Object> registration = People.registration(People.username(), People.idNumber(), "360102");
		registration.put("password", LONG_PASSWORD);
		this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("password")
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity.password.bytes");
	}

	@Test
	void whenAnAdministratorCreatesAUserWithA73BytePasswordThenRefusedNamingThePassword() {
		new QuestionBankApi(this.client, "admin-jx")
			.post("/api/v1/admin/users",
					Map.of("username", People.username(), "password", LONG_PASSWORD, "fullName", "孙讲师", "roles",
							List.of("TRAINER"), "regionCode", "360102"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity.password.bytes");
	}

	@Test
	void whenTheRegisterPageGetsA73BytePasswordThenTheFormSaysWhy() {
		PageForm page = PageForm.open(this.client, "/register");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		People.registration(People.username(), People.idNumber(), "360102")
			.forEach((field, value) -> form.add(field, String.valueOf(value)));
		form.set("password", LONG_PASSWORD);
		form.set("_csrf", page.csrfToken());
		String html = this.client.post()
			.uri("/register")
			.cookie("SESSION", page.session())
			.accept(MediaType.TEXT_HTML)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(html).contains("72 个字节");
	}

	@Test
	void whenAPasswordOver72BytesIsTriedAtLoginThenItIsAWrongPasswordNotAnError() {
		this.client.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "candidate2", "password", LONG_PASSWORD))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void whenARegisterPageFieldIsOver256KilobytesThen413NotAServerError() {
		PageForm page = PageForm.open(this.client, "/register");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", People.username());
		form.add("fullName", HUGE);
		form.add("_csrf", page.csrfToken());
		this.client.post()
			.uri("/register")
			.cookie("SESSION", page.session())
			.accept(MediaType.TEXT_HTML)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void whenAVerificationNumberFormFieldIsOver256KilobytesThen413() {
		PageForm page = PageForm.open(this.client, "/verify");
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("number", HUGE);
		form.add("name", "张三");
		form.add("_csrf", page.csrfToken());
		this.client.post()
			.uri("/verify/number")
			.cookie("SESSION", page.session())
			.accept(MediaType.TEXT_HTML)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void whenAMultipartTextFieldOfACeClaimIsOver256KilobytesThen413NamingIt() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		MultipartBodyBuilder parts = new MultipartBodyBuilder();
		parts.part("activityType", "CONFERENCE");
		parts.part("title", HUGE);
		parts.part("organiser", "省质量协会");
		parts.part("date", java.time.LocalDate.now().toString());
		parts.part("hours", "2");
		parts.part("professional", "true");
		parts.part("evidence", new ByteArrayResource("%PDF-1.4\n%%EOF\n".getBytes()) {
			@Override
			public String getFilename() {
				return "证明.pdf";
			}
		});
		this.client.post()
			.uri("/api/v1/me/ce/" + java.time.LocalDate.now().getYear() + "/claims")
			.headers((headers) -> headers.setBearerAuth(candidate.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(parts.build()))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("title")
			.jsonPath("$.errors[0].code")
			.isEqualTo("request.fieldTooLarge");
	}

	@Test
	void whenAJsonBodyIsLargerThanTheServerHoldsThen413() {
		new QuestionBankApi(this.client, "admin-jx").post("/api/v1/exams", Map.of("title", "x".repeat(3 * 1024 * 1024)))
			.expectStatus()
			.isEqualTo(413);
	}

	@Test
	void whenAQuestionHasANullOptionThenRefusedNamingTheElement() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		String bank = trainer.createBank("空值测试题库" + System.nanoTime());
		List<Object> options = new ArrayList<>(List.of(Map.of("id", "A", "text", "甲")));
		options.add(null);
		Map<String, Object> question = new HashMap<>();
		question.put("type", "single");
		question.put("stem", "哪一项正确？");
		question.put("options", options);
		question.put("key", List.of("A"));
		trainer.post("/api/v1/question-banks/" + bank + "/questions", question)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("options[1]")
			.jsonPath("$.errors[0].code")
			.isEqualTo("field.nullElement");
	}

	@Test
	void whenAnExamSectionListsANullBankThenRefusedNamingTheElement() {
		List<Object> banks = new ArrayList<>();
		banks.add(null);
		Map<String, Object> section = new HashMap<>(
				Map.of("title", "判断", "type", "true_false", "count", 1, "scorePerQuestion", 10));
		section.put("bankIds", banks);
		new QuestionBankApi(this.client, "trainer")
			.post("/api/v1/exams",
					Map.of("title", "空值考试", "sections", List.of(section), "passMark", 5, "timeLimitSeconds", 600))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("sections[0].bankIds[0]");
	}

	@Test
	void whenSharingNamesANullThenRefusedNamingTheElement() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		String bank = trainer.createBank("共享空值题库" + System.nanoTime());
		trainer
			.put("/api/v1/question-banks/" + bank,
					Map.of("name", "共享空值题库" + System.nanoTime(), "sharedWith", Arrays.asList("admin-jx", null)))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("sharedWith[1]");
	}

	@Test
	void whenASessionIsChangedWithAnEmptyBodyThenRefusedByField() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		String session = trainer.openSession("demo-practice-exam", "空修改场次", Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(1)));
		trainer.put("/api/v1/exam-sessions/" + session, Map.of())
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value((fields) -> assertThat(fields.toString()).contains("title", "opensAt", "closesAt"));
	}

	@Test
	void whenAnAttemptEventHasNoTypeThenRefusedNamingTheType() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String attempt = candidate.createdId("/api/v1/exam-sessions/demo-practice-session/attempts", Map.of());
		Map<String, Object> event = new HashMap<>();
		event.put("type", null);
		candidate.post("/api/v1/attempts/" + attempt + "/events", event)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("type");
	}

	@ParameterizedTest(name = "talent pool regionCode={0} is refused naming regionCode")
	@ValueSource(strings = { "36", "3601%", "3601", "36010a", ".*" })
	void whenTheTalentPoolIsAskedForAShortOrWildcardRegionThenRefused(String regionCode) {
		new QuestionBankApi(this.client, "admin-jx")
			.get("/api/v1/talent-pool?regionCode={code}".replace("{code}",
					java.net.URLEncoder.encode(regionCode, java.nio.charset.StandardCharsets.UTF_8)))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("regionCode");
	}

	@Test
	void whenTheTalentPoolPageIsAskedForAShortRegionThen400() {
		PageSession admin = PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD);
		this.client.get()
			.uri("/admin/talent-pool?regionCode=36")
			.cookie("SESSION", admin.cookie())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

}
