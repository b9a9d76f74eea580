package academy.cqo.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.Studying;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ownership and jurisdiction on exams, sessions and courses (security finding 3), as a
 * role × action matrix. A trainer of 南昌市 (360100) owns an exam, a session of it and a
 * course; the demo qualifying exam and its session belong to the province (360000). Who
 * may change what: the owner, staff it is shared with, an administrator whose
 * jurisdiction covers it; a qualifying exam and its sessions only an administrator of the
 * province and the staff it delegates them to. Everyone else gets 403 (the page editor
 * too).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StewardshipIntegrationTests {

	private static final String PASSWORD = "Qual1ty#Safe";

	@Autowired
	WebTestClient client;

	final Map<String, QuestionBankApi> actors = new HashMap<>();

	String owner;

	String other;

	String examId;

	String sessionId;

	String courseId;

	@BeforeAll
	void ownContent() {
		QuestionBankApi province = new QuestionBankApi(this.client, "admin-jx");
		this.owner = staff(province, "360100");
		this.other = staff(province, "360100");
		this.actors.put("owner", new QuestionBankApi(this.client, this.owner, PASSWORD));
		this.actors.put("otherTrainer", new QuestionBankApi(this.client, this.other, PASSWORD));
		this.actors.put("provinceTrainer", new QuestionBankApi(this.client, "trainer"));
		this.actors.put("province", province);
		this.actors.put("city", new QuestionBankApi(this.client, "admin-nc"));
		this.actors.put("county", new QuestionBankApi(this.client, "admin-dh"));
		this.actors.put("candidate", QuestionBankApi.newCandidate(this.client));
		QuestionBankApi owner = this.actors.get("owner");
		this.examId = owner.createExam(exam("南昌市练习考试", false, owner.officialBankId()));
		this.sessionId = owner.openSession(this.examId, "南昌市练习场次", Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(2)));
		this.courseId = Studying.publishedCourse(owner, 1, 1, null)[0];
	}

	private String staff(QuestionBankApi admin, String region) {
		String username = People.username();
		admin
			.post("/api/v1/admin/users", Map.of("username", username, "password", PASSWORD, "fullName", "钱讲师", "roles",
					List.of("TRAINER"), "regionCode", region))
			.expectStatus()
			.isCreated();
		return username;
	}

	private static Map<String, Object> exam(String title, boolean qualifying, String bank) {
		return Map.of(
				"title", title, "qualifying", qualifying, "sections", List.of(Map.of("title", "判断", "bankIds",
						List.of(bank), "type", "true_false", "count", 2, "scorePerQuestion", 10)),
				"passMark", 10, "timeLimitSeconds", 600);
	}

	@ParameterizedTest(name = "{0} changing the trainer's exam: {1}")
	@CsvSource({ "owner, 200", "otherTrainer, 403", "provinceTrainer, 403", "province, 200", "city, 200", "county, 403",
			"candidate, 403" })
	void changingATrainersExam(String actor, int status) {
		QuestionBankApi api = this.actors.get(actor);
		api.put("/api/v1/exams/" + this.examId, exam("南昌市练习考试", false, this.actors.get("owner").officialBankId()))
			.expectStatus()
			.isEqualTo(status);
	}

	@ParameterizedTest(name = "{0} giving extra attempts on the trainer's session: {1}")
	@CsvSource({ "owner, 200", "otherTrainer, 403", "provinceTrainer, 403", "province, 200", "city, 200", "county, 403",
			"candidate, 403" })
	void adjustingATrainersSession(String actor, int status) {
		this.actors.get(actor)
			.put("/api/v1/exam-sessions/" + this.sessionId + "/adjustments",
					Map.of("username", "candidate2", "extraTimeSeconds", 0, "extraAttempts", 3))
			.expectStatus()
			.isEqualTo(status);
	}

	@ParameterizedTest(name = "{0} changing the trainer's session: {1}")
	@CsvSource({ "owner, 200", "otherTrainer, 403", "province, 200", "county, 403" })
	void changingATrainersSession(String actor, int status) {
		this.actors.get(actor)
			.put("/api/v1/exam-sessions/" + this.sessionId,
					Map.of("title", "南昌市练习场次", "opensAt", Instant.now().minusSeconds(60).toString(), "closesAt",
							Instant.now().plus(Duration.ofDays(2)).toString()))
			.expectStatus()
			.isEqualTo(status);
	}

	@ParameterizedTest(name = "{0} publishing the trainer's course: {1}")
	@CsvSource({ "owner, 200", "otherTrainer, 403", "provinceTrainer, 403", "province, 200", "city, 200", "county, 403",
			"candidate, 403" })
	void publishingATrainersCourse(String actor, int status) {
		this.actors.get(actor)
			.put("/api/v1/courses/" + this.courseId + "/publication", Map.of("published", true))
			.expectStatus()
			.isEqualTo(status);
	}

	@ParameterizedTest(name = "{0} changing the province's qualifying exam: {1}")
	@CsvSource({ "owner, 403", "provinceTrainer, 403", "province, 200", "city, 403", "county, 403", "candidate, 403" })
	void changingTheQualifyingExam(String actor, int status) {
		Map<String, Object> current = this.actors.get("province").getJson("/api/v1/exams/demo-qualifying-exam");
		this.actors.get(actor).put("/api/v1/exams/demo-qualifying-exam", current).expectStatus().isEqualTo(status);
	}

	@ParameterizedTest(name = "{0} adjusting the province's qualifying session: {1}")
	@CsvSource({ "owner, 403", "provinceTrainer, 403", "province, 200", "city, 403", "county, 403", "candidate, 403" })
	void adjustingTheQualifyingSession(String actor, int status) {
		this.actors.get(actor)
			.put("/api/v1/exam-sessions/demo-qualifying-session/adjustments",
					Map.of("username", "candidate2", "extraTimeSeconds", 0, "extraAttempts", 0))
			.expectStatus()
			.isEqualTo(status);
	}

	@ParameterizedTest(name = "{0} opening a session of the qualifying exam: {1}")
	@CsvSource({ "provinceTrainer, 403", "city, 403", "county, 403" })
	void openingAQualifyingSession(String actor, int status) {
		this.actors.get(actor)
			.post("/api/v1/exam-sessions",
					Map.of("examId", "demo-qualifying-exam", "title", "县里的资格场次", "opensAt", Instant.now().toString(),
							"closesAt", Instant.now().plus(Duration.ofDays(1)).toString()))
			.expectStatus()
			.isEqualTo(status);
	}

	@ParameterizedTest(name = "{0} creating a qualifying exam: {1}")
	@CsvSource({ "owner, 403", "provinceTrainer, 403", "city, 403", "county, 403", "province, 201" })
	void creatingAQualifyingExam(String actor, int status) {
		QuestionBankApi api = this.actors.get(actor);
		api.post("/api/v1/exams", exam("资格考核（" + actor + "）", true, api.officialBankId()))
			.expectStatus()
			.isEqualTo(status);
	}

	@Test
	void whenATrainerMakesTheirOwnExamQualifyingThenRefused() {
		QuestionBankApi owner = this.actors.get("owner");
		owner.put("/api/v1/exams/" + this.examId, exam("南昌市练习考试", true, owner.officialBankId()))
			.expectStatus()
			.isForbidden();
		assertThat(owner.getJson("/api/v1/exams/" + this.examId).get("qualifying")).isEqualTo(false);
	}

	@Test
	void whenTheOwnerSharesTheExamThenTheColleagueMayChangeItAndUnknownNamesAreRefused() {
		QuestionBankApi owner = this.actors.get("owner");
		String examId = owner.createExam(exam("共享的练习考试", false, owner.officialBankId()));
		QuestionBankApi colleague = this.actors.get("otherTrainer");
		colleague.put("/api/v1/exams/" + examId, exam("同事修改", false, owner.officialBankId()))
			.expectStatus()
			.isForbidden();
		owner.put("/api/v1/exams/" + examId + "/sharing", Map.of("sharedWith", List.of("nobody-registered-yet")))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("sharedWith")
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity.sharedWith.notStaff");
		colleague.put("/api/v1/exams/" + examId + "/sharing", Map.of("sharedWith", List.of(this.other)))
			.expectStatus()
			.isForbidden();
		owner.put("/api/v1/exams/" + examId + "/sharing", Map.of("sharedWith", List.of(this.other)))
			.expectStatus()
			.isOk();
		colleague.put("/api/v1/exams/" + examId, exam("同事修改", false, owner.officialBankId())).expectStatus().isOk();
	}

	@Test
	void whenTheOwnerSharesTheCourseThenTheColleagueMayPublishIt() {
		QuestionBankApi owner = this.actors.get("owner");
		String courseId = Studying.publishedCourse(owner, 1, 1, null)[0];
		QuestionBankApi colleague = this.actors.get("otherTrainer");
		colleague.put("/api/v1/courses/" + courseId + "/publication", Map.of("published", false))
			.expectStatus()
			.isForbidden();
		owner.put("/api/v1/courses/" + courseId + "/sharing", Map.of("sharedWith", List.of(this.other)))
			.expectStatus()
			.isOk();
		colleague.put("/api/v1/courses/" + courseId + "/publication", Map.of("published", false)).expectStatus().isOk();
	}

	@ParameterizedTest(name = "{0} opening the qualifying exam's editor page: {1}")
	@CsvSource({ "admin-dh, 403", "admin-nc, 403", "trainer, 403", "admin-jx, 200" })
	void theEditorPageFollowsTheSameRule(String username, int status) {
		PageSession session = PageSession.signIn(this.client, username, QuestionBankApi.DEMO_PASSWORD);
		this.client.get()
			.uri("/manage/exams/demo-qualifying-exam/edit")
			.cookie("SESSION", session.cookie())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isEqualTo(status);
	}

	@Test
	void whenACountyAdministratorPostsTheQualifyingExamsEditorFormThenRefused() {
		PageSession county = PageSession.signIn(this.client, "admin-dh", QuestionBankApi.DEMO_PASSWORD);
		String html = county.page("/manage/exams");
		org.springframework.util.MultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
		form.add("title", "县里改的资格考核");
		form.add("_csrf", PageSession.csrfOf(html));
		this.client.post()
			.uri("/manage/exams/demo-qualifying-exam")
			.cookie("SESSION", county.cookie())
			.accept(MediaType.TEXT_HTML)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData(form))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void whenTheProvinceDelegatesAQualifyingExamThenTheDelegateChangesItAndItsSessionsUntilTheDelegationEnds() {
		QuestionBankApi province = this.actors.get("province");
		QuestionBankApi delegate = this.actors.get("otherTrainer");
		Map<String, Object> qualifying = exam("省级资格考核（委托）", true, province.officialBankId());
		String examId = province.createExam(qualifying);
		String sessionId = province.openSession(examId, "委托场次", Instant.now().minusSeconds(60),
				Instant.now().plus(Duration.ofDays(2)));
		Map<String, Object> adjustment = Map.of("username", "candidate2", "extraTimeSeconds", 0, "extraAttempts", 1);
		delegate.put("/api/v1/exams/" + examId, qualifying).expectStatus().isForbidden();
		this.actors.get("city")
			.put("/api/v1/exams/" + examId + "/sharing", Map.of("sharedWith", List.of(this.other)))
			.expectStatus()
			.isForbidden();
		province.put("/api/v1/exams/" + examId + "/sharing", Map.of("sharedWith", List.of(this.other)))
			.expectStatus()
			.isOk();
		delegate.put("/api/v1/exams/" + examId, qualifying).expectStatus().isOk();
		delegate.put("/api/v1/exam-sessions/" + sessionId + "/adjustments", adjustment).expectStatus().isOk();
		// a delegate neither stops the exam being qualifying nor delegates further
		delegate.put("/api/v1/exams/" + examId, exam("省级资格考核（委托）", false, province.officialBankId()))
			.expectStatus()
			.isForbidden();
		delegate.put("/api/v1/exams/" + examId + "/sharing", Map.of("sharedWith", List.of(this.owner)))
			.expectStatus()
			.isForbidden();
		province.put("/api/v1/exams/" + examId + "/sharing", Map.of("sharedWith", List.of())).expectStatus().isOk();
		delegate.put("/api/v1/exams/" + examId, qualifying).expectStatus().isForbidden();
		delegate.put("/api/v1/exam-sessions/" + sessionId + "/adjustments", adjustment).expectStatus().isForbidden();
	}

	@Test
	void whenTheProvinceMakesASharedExamQualifyingThenTheEarlierSharesEnd() {
		QuestionBankApi owner = this.actors.get("owner");
		String examId = owner.createExam(exam("将成为资格考核", false, owner.officialBankId()));
		owner.put("/api/v1/exams/" + examId + "/sharing", Map.of("sharedWith", List.of(this.other)))
			.expectStatus()
			.isOk();
		this.actors.get("province")
			.put("/api/v1/exams/" + examId, exam("将成为资格考核", true, owner.officialBankId()))
			.expectStatus()
			.isOk();
		this.actors.get("otherTrainer")
			.put("/api/v1/exams/" + examId, exam("将成为资格考核", true, owner.officialBankId()))
			.expectStatus()
			.isForbidden();
	}

}
