package academy.cqo.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.filing.FilingApi;
import academy.cqo.platform.Sweep;
import academy.cqo.supervision.persistence.CaseDocument;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision cases (约谈、警示、退出): an exit ends the appointment and suspends or revokes the
 * CQO's certificate exactly once, even when two exits arrive at once, and public
 * verification shows it; steps are recorded with documents checked by content; a missed
 * rectification deadline is escalated, the enterprise files its report in its portal; a
 * county sees only its own cases.
 */
@IntegrationTest
class SupervisionIntegrationTests {

	@Autowired
	WebTestClient client;

	/** Registrations (bcrypt) and pages take seconds on the shared, loaded machine. */
	@org.junit.jupiter.api.BeforeEach
	void patientClient() {
		this.client = this.client.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build();
	}

	@Autowired
	SupervisionCases cases;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	MutableClock clock;

	/** The supervision module's periodic job as the platform's {@code Sweeps} run it. */
	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("supervisionCaseSweep")
	Sweep supervisionSweep;

	private LocalDate today() {
		return LocalDate.now(this.clock);
	}

	private QuestionBankApi admin(String username) {
		return new QuestionBankApi(this.client, username);
	}

	/** A certified CQO appointed by a new enterprise in 东湖区. */
	private record Appointed(QuestionBankApi candidate, Map<String, Object> certificate, QuestionBankApi enterprise,
			String filingId, String idNumber) {
	}

	private Appointed appointed() {
		String idNumber = People.idNumber();
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("idNumber", idNumber));
		Map<String, Object> certificate = Qualification.pass(candidate, admin("trainer"));
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, "360102");
		String filing = FilingApi.submitted(this.client, enterprise, FilingApi.form("李质量", idNumber));
		assertThat(FilingApi.decide(admin("admin-dh"), filing, Map.of("decision", "APPROVE"))).containsEntry("state",
				"APPROVED");
		return new Appointed(candidate, certificate, enterprise, filing, idNumber);
	}

	private static Map<String, Object> body(Object... pairs) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put((String) pairs[i], pairs[i + 1]);
		}
		return body;
	}

	private Map<String, Object> certificate(QuestionBankApi reader, Appointed appointed) {
		return reader.getJson("/api/v1/certificates/" + appointed.certificate().get("number"));
	}

	@Test
	void theDemoHasAWarningCaseInDonghuAndAnOpenAwardRound() {
		assertThat(admin("admin-dh").getJson("/api/v1/supervision-cases/" + SupervisionDemo.CASE_ID))
			.containsEntry("kind", "WARNING")
			.containsEntry("regionCode", "360102")
			.containsEntry("cqoName", "周明远");
		assertThat(new QuestionBankApi(this.client, "enterprise2").get("/api/v1/supervision-cases")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains(SupervisionDemo.CASE_ID);
		new QuestionBankApi(this.client, "enterprise").get("/api/v1/supervision-cases/" + SupervisionDemo.CASE_ID)
			.expectStatus()
			.isNotFound();
		assertThat(
				admin("admin-dh").get("/api/v1/award-rounds").expectBody(String.class).returnResult().getResponseBody())
			.contains(SupervisionDemo.ROUND_ID);
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenTwoExitsArriveAtOnceThenTheCertificateIsSuspendedOnceTheAppointmentEndsAndVerificationShowsIt()
			throws Exception {
		Appointed appointed = appointed();
		QuestionBankApi county = admin("admin-dh");
		String caseId = county.createdId("/api/v1/supervision-cases",
				body("filingId", appointed.filingId(), "kind", "EXIT", "reason", "隐瞒重大质量安全事故，未履行首席质量官职责"));
		Map<String, Object> exit = body("kind", "EXIT", "certificateAction", "SUSPEND", "reasonCategory",
				"DUTY_FAILURE", "reason", "经调查属实");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<CompletableFuture<Integer>> racing = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				racing.add(CompletableFuture
					.supplyAsync(() -> county.post("/api/v1/supervision-cases/" + caseId + "/steps", exit)
						.returnResult(String.class)
						.getStatus()
						.value(), pool));
			}
			List<Integer> statuses = new ArrayList<>();
			for (CompletableFuture<Integer> request : racing) {
				statuses.add(request.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		}
		finally {
			pool.shutdown();
		}
		Map<String, Object> after = county.getJson("/api/v1/supervision-cases/" + caseId);
		assertThat(after).containsEntry("state", "EXITED").containsEntry("regionCode", "360102");
		Map<String, Object> exitRecord = (Map<String, Object>) after.get("exit");
		assertThat(exitRecord).containsEntry("certificateAction", "SUSPEND")
			.containsEntry("reasonCategory", "DUTY_FAILURE")
			.containsEntry("certificates", List.of(appointed.certificate().get("number")));
		assertThat(exitRecord.get("completedAt")).isNotNull();
		assertThat(((List<Map<String, Object>>) after.get("steps")).stream().map((step) -> step.get("kind")))
			.containsExactly("OPENED", "EXIT");

		Map<String, Object> certificate = certificate(county, appointed);
		assertThat(certificate).containsEntry("status", "SUSPENDED");
		List<Map<String, Object>> history = (List<Map<String, Object>>) certificate.get("history");
		assertThat(history.stream().filter((change) -> "SUSPENDED".equals(change.get("state"))).toList()).hasSize(1)
			.first()
			.satisfies((change) -> assertThat(change).containsEntry("reason", "DUTY_FAILURE")
				.containsEntry("note", "supervision:" + caseId));

		String token = ((String) certificate.get("verificationUrl"))
			.substring(((String) certificate.get("verificationUrl")).lastIndexOf("/v/") + 3);
		assertThat(this.client.get()
			.uri("/api/v1/verifications/" + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()).containsEntry("status", "SUSPENDED").containsEntry("reason", "DUTY_FAILURE");
		String page = this.client.get()
			.uri("/v/" + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("data-status=\"SUSPENDED\"");
		assertThat(this.client.post()
			.uri("/api/v1/verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("certificateNumber", certificate.get("number"), "holderName", "李质量"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()).containsEntry("status", "SUSPENDED");

		Map<String, Object> filing = appointed.enterprise().getJson("/api/v1/filings/" + appointed.filingId());
		assertThat(filing).containsEntry("endedBy", "supervision:" + caseId);
		assertThat(filing.get("endMonth")).isNotNull();
		String creditCode = (String) filing.get("creditCode");
		assertThat(appointed.enterprise().getJson("/api/v1/enterprises/" + creditCode + "/cqo").get("current"))
			.isNull();
		assertThat(county.get("/api/v1/admin/talent-pool?q=" + certificate.get("number"))
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("SUSPENDED");
		assertThat(appointed.enterprise()
			.get("/api/v1/me/notifications")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("supervision.notice.EXIT");
		assertThat(appointed.candidate()
			.get("/api/v1/me/notifications")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("supervision.notice.EXIT");

		StepVerifier.create(this.cases.finishExits()).expectNext(0L).verifyComplete();
		assertThat(certificate(county, appointed).get("history")).isEqualTo(history);
	}

	@Test
	void whenAnExitRevokesAtOpeningThenTheCertificateIsRevokedWithItsReasonAndAnotherCaseCannotExitAgain() {
		Appointed appointed = appointed();
		QuestionBankApi county = admin("admin-dh");
		county
			.post("/api/v1/supervision-cases",
					body("cqoIdNumber", appointed.idNumber(), "kind", "EXIT", "reason", "伪造检验报告", "certificateAction",
							"REVOKE", "reasonCategory", "VIOLATION"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("EXITED")
			.jsonPath("$.exit.certificates[0]")
			.isEqualTo(appointed.certificate().get("number"));
		assertThat(certificate(county, appointed)).containsEntry("status", "REVOKED");
		assertThat(this.client.post()
			.uri("/api/v1/verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("certificateNumber", appointed.certificate().get("number"), "holderName", "李质量"))
			.exchange()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()).containsEntry("status", "REVOKED").containsEntry("reason", "VIOLATION");
		county
			.post("/api/v1/supervision-cases",
					body("cqoIdNumber", appointed.idNumber(), "kind", "WARNING", "reason", "again", "dueDate",
							today().plusDays(10).toString()))
			.expectStatus()
			.isNotFound();
		county
			.post("/api/v1/supervision-cases",
					body("filingId", appointed.filingId(), "kind", "INTERVIEW", "reason", "appointment ended"))
			.expectStatus()
			.isNotFound();
	}

	private String state(QuestionBankApi reader, String caseId) {
		return (String) reader.getJson("/api/v1/supervision-cases/" + caseId).get("state");
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenTheTestClockPassesTheRectificationDeadlineThenTheSweepEscalatesOnlyTheCaseWithoutAReportAndOnce() {
		Appointed appointed = appointed();
		QuestionBankApi county = admin("admin-dh");
		QuestionBankApi enterprise = appointed.enterprise();
		String missed = county.createdId("/api/v1/supervision-cases", body("filingId", appointed.filingId(), "kind",
				"WARNING", "reason", "未按期开展质量分析", "dueDate", today().plusDays(2).toString()));
		String reported = county.createdId("/api/v1/supervision-cases", body("filingId", appointed.filingId(), "kind",
				"WARNING", "reason", "质量档案不全", "dueDate", today().plusDays(2).toString()));
		String later = county.createdId("/api/v1/supervision-cases", body("filingId", appointed.filingId(), "kind",
				"WARNING", "reason", "培训记录缺失", "dueDate", today().plusDays(10).toString()));
		enterprise.post("/api/v1/supervision-cases/" + reported + "/rectification", body("report", "已补齐质量档案"))
			.expectStatus()
			.isCreated();

		this.supervisionSweep.work().get().as(StepVerifier::create).verifyComplete();
		assertThat(state(county, missed)).isEqualTo("OPEN");

		this.clock.advance(java.time.Duration.ofDays(3));
		try {
			this.supervisionSweep.work().get().as(StepVerifier::create).verifyComplete();
			this.supervisionSweep.work().get().as(StepVerifier::create).verifyComplete();
		}
		finally {
			this.clock.advance(java.time.Duration.ofDays(-3));
		}
		assertThat(state(county, missed)).isEqualTo("ESCALATED");
		assertThat(state(county, reported)).isEqualTo("RECTIFIED");
		assertThat(state(county, later)).isEqualTo("OPEN");
		List<Map<String, Object>> steps = (List<Map<String, Object>>) county
			.getJson("/api/v1/supervision-cases/" + missed)
			.get("steps");
		assertThat(steps.stream().filter((step) -> "ESCALATION".equals(step.get("kind")))).hasSize(1);
		String inbox = enterprise.get("/api/v1/me/notifications")
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(inbox.split("supervision.notice.ESCALATION", -1)).as("one escalation notice").hasSize(2);
		assertThat(inbox).contains("\"link\":\"/supervision/" + missed + "\"");
		enterprise.post("/api/v1/supervision-cases/" + missed + "/rectification", body("report", "逾期后补交的整改报告"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("RECTIFIED");
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenAWarningDeadlinePassesThenTheCaseIsEscalatedAndTheEnterpriseFilesItsRectificationWithADocument() {
		Appointed appointed = appointed();
		QuestionBankApi county = admin("admin-dh");
		String caseId = county.createdId("/api/v1/supervision-cases", body("filingId", appointed.filingId(), "kind",
				"WARNING", "reason", "质量管理制度未落实", "dueDate", today().plusDays(30).toString()));
		Map<String, Object> minutes = upload(county, caseId, "约谈记录.pdf", FilingApi.PDF).expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(minutes).containsEntry("contentType", "application/pdf");
		county
			.post("/api/v1/supervision-cases/" + caseId + "/steps",
					body("kind", "INTERVIEW", "date", today().toString(), "place", "东湖区市场监管局三楼会议室", "participants",
							"王科长、李质量、企业负责人刘建国", "minutes", "指出问题三项，要求限期整改", "documentIds", List.of(minutes.get("id"))))
			.expectStatus()
			.isCreated();
		county
			.post("/api/v1/supervision-cases/" + caseId + "/steps",
					body("kind", "INTERVIEW", "place", "", "documentIds", List.of("0123456789abcdef01234567")))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).contains("\"date\"", "\"place\"", "\"participants\"",
					"\"minutes\""));
		county
			.post("/api/v1/supervision-cases/" + caseId + "/steps",
					body("kind", "WARNING", "reason", "再次警示", "deadline", today().plusDays(5).toString(), "documentIds",
							List.of("0123456789abcdef01234567")))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).contains("documentIds[0]"));
		upload(county, caseId, "病毒.exe", "MZ not a document".getBytes()).expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).contains("\"file\""));

		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(caseId)),
					new Update().set("dueDate", today().minusDays(1)), CaseDocument.class)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		this.cases.escalateOverdue().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		Map<String, Object> escalated = county.getJson("/api/v1/supervision-cases/" + caseId);
		assertThat(escalated).containsEntry("state", "ESCALATED");
		this.cases.escalateOverdue().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(((List<Map<String, Object>>) county.getJson("/api/v1/supervision-cases/" + caseId).get("steps"))
			.stream()
			.filter((step) -> "ESCALATION".equals(step.get("kind")))).hasSize(1);

		QuestionBankApi enterprise = appointed.enterprise();
		assertThat(
				enterprise.get("/api/v1/supervision-cases").expectBody(String.class).returnResult().getResponseBody())
			.contains(caseId);
		QuestionBankApi stranger = FilingApi.enterprise(this.client, "360102");
		stranger.get("/api/v1/supervision-cases/" + caseId).expectStatus().isNotFound();
		stranger.post("/api/v1/supervision-cases/" + caseId + "/rectification", body("report", "x"))
			.expectStatus()
			.isNotFound();
		enterprise.post("/api/v1/supervision-cases/" + caseId + "/steps", body("kind", "CLOSE"))
			.expectStatus()
			.isForbidden();
		Map<String, Object> report = upload(enterprise, caseId, "整改报告.pdf", FilingApi.PDF).expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		enterprise
			.post("/api/v1/supervision-cases/" + caseId + "/rectification",
					body("report", "已修订质量管理制度并组织全员培训", "documentIds", List.of(report.get("id"))))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("RECTIFIED");
		county.post("/api/v1/supervision-cases/" + caseId + "/steps", body("kind", "CLOSE", "reason", "整改到位"))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("CLOSED");
		county.post("/api/v1/supervision-cases/" + caseId + "/steps", body("kind", "CLOSE"))
			.expectStatus()
			.isEqualTo(409);
		assertThat(PageSession.signIn(this.client, "admin-dh", QuestionBankApi.DEMO_PASSWORD).page("/admin/audit"))
			.contains("监督案件逾期升级", "企业提交整改报告", "监督案件结案");
	}

	@Test
	void whenACountyAsksForAnotherCountysCaseThenNotFoundAndItsListLeavesItOut() {
		Appointed appointed = appointed();
		String caseId = admin("admin-dh").createdId("/api/v1/supervision-cases",
				body("filingId", appointed.filingId(), "kind", "INTERVIEW", "reason", "质量投诉集中"));
		String username = People.username();
		admin("admin-nc")
			.post("/api/v1/admin/users",
					Map.of("username", username, "password", "Qual1ty#Safe", "fullName", "吴管理", "roles",
							List.of("ADMIN"), "regionCode", "360103"))
			.expectStatus()
			.isCreated();
		QuestionBankApi westLake = new QuestionBankApi(this.client, username, "Qual1ty#Safe");
		westLake.get("/api/v1/supervision-cases/" + caseId).expectStatus().isNotFound();
		westLake.post("/api/v1/supervision-cases/" + caseId + "/steps", body("kind", "CLOSE"))
			.expectStatus()
			.isNotFound();
		upload(westLake, caseId, "a.pdf", FilingApi.PDF).expectStatus().isNotFound();
		westLake.get("/api/v1/supervision-cases?regionCode=360102").expectStatus().isNotFound();
		assertThat(westLake.get("/api/v1/supervision-cases").expectBody(String.class).returnResult().getResponseBody())
			.doesNotContain(caseId);
		westLake
			.post("/api/v1/supervision-cases",
					body("filingId", appointed.filingId(), "kind", "INTERVIEW", "reason", "越权"))
			.expectStatus()
			.isNotFound();
		assertThat(admin("admin-nc").getJson("/api/v1/supervision-cases/" + caseId)).containsEntry("regionName",
				"江西省 南昌市 东湖区");
		assertThat(PageSession.signIn(this.client, "admin-nc", QuestionBankApi.DEMO_PASSWORD).page("/supervision"))
			.contains(caseId, "江西省 南昌市 东湖区");
		assertThat(PageSession.signIn(this.client, "admin-dh", QuestionBankApi.DEMO_PASSWORD)
			.page("/supervision/" + caseId)).contains("step-form", "江西省 南昌市 东湖区");
		this.client.get()
			.uri("/supervision/" + caseId)
			.cookie("SESSION", PageSession.signIn(this.client, username, "Qual1ty#Safe").cookie())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	private WebTestClient.ResponseSpec upload(QuestionBankApi user, String caseId, String fileName, byte[] content) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		return this.client.post()
			.uri("/api/v1/supervision-cases/" + caseId + "/documents")
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

}
