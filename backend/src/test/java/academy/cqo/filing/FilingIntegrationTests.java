package academy.cqo.filing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enterprises file their CQO with the county (先聘任后培训): registration by credit code, the
 * 附件1 form round trip, attachments checked by content, submission, return for correction
 * with per-field comments, approval with gap-free numbers, one current CQO per enterprise
 * (a change ends the previous appointment exactly once), dismissal, and scope: nobody
 * sees another county's or another enterprise's filing.
 */
@IntegrationTest
class FilingIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	Filings filings;

	@Autowired
	FilingStore store;

	private QuestionBankApi admin(String username) {
		return new QuestionBankApi(this.client, username);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> section(Map<String, Object> map, String key) {
		return (Map<String, Object>) map.get(key);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDemoFilingsShowEachStateInTheCountyQueue() {
		QuestionBankApi county = admin("admin-dh");
		Map<String, String> states = new HashMap<>();
		for (Map<String, Object> filing : (List<Map<String, Object>>) county.get("/api/v1/filings?regionCode=360102")
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody()) {
			states.putIfAbsent((String) filing.get("creditCode"), (String) filing.get("state"));
		}
		assertThat(states).containsEntry("91360100MA35F7Q46X", "APPROVED")
			.containsEntry("91360102MA3AB1C2DW", "APPROVED")
			.containsEntry("91360102MA3EF3G4HR", "SUBMITTED")
			.containsEntry("91360102MA3JK5L6MN", "RETURNED");
		QuestionBankApi enterprise = new QuestionBankApi(FilingIntegrationTests.this.client, "enterprise");
		assertThat(enterprise.getJson("/api/v1/enterprises/91360100MA35F7Q46X/cqo").get("current").toString())
			.contains("张三");
	}

	@Nested
	class Registration {

		@Test
		void whenAnEnterpriseRegistersThenItSignsInAsAnEnterpriseAndSeesOnlyItself() {
			String username = People.username();
			String code = People.creditCode("360102");
			Map<String, Object> registered = FilingIntegrationTests.this.client.post()
				.uri("/api/v1/enterprises/register")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(FilingApi.registration(code, "360102", username))
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(QuestionBankApi.JSON)
				.returnResult()
				.getResponseBody();
			assertThat(registered).containsEntry("creditCode", code)
				.containsEntry("regionCode", "360102")
				.containsEntry("verified", false)
				.containsKey("name");
			QuestionBankApi enterprise = new QuestionBankApi(FilingIntegrationTests.this.client, username,
					"Qual1ty#Safe");
			assertThat(enterprise.getJson("/api/v1/me").get("roles").toString()).contains("ENTERPRISE");
			assertThat(enterprise.getJson("/api/v1/enterprises/" + code)).containsEntry("name", registered.get("name"))
				.containsEntry("aboveScale", true)
				.containsEntry("enterpriseType", "PRIVATE")
				.containsEntry("size", "MEDIUM");
			QuestionBankApi other = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			other.get("/api/v1/enterprises/" + code).expectStatus().isNotFound();
			admin("admin-dh").get("/api/v1/enterprises/" + code).expectStatus().isOk();
			admin("admin-dh").get("/api/v1/enterprises?q=" + code)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[0].creditCode")
				.isEqualTo(code);
			QuestionBankApi westLake = westLakeAdmin();
			westLake.get("/api/v1/enterprises/" + code).expectStatus().isNotFound();
			westLake.get("/api/v1/enterprises?regionCode=360102").expectStatus().isNotFound();
			admin("admin-dh").post("/api/v1/enterprises/" + code + "/verification", Map.of())
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.verified")
				.isEqualTo(true);
		}

		@Test
		void whenTheCreditCodeIsRegisteredOrWrongThenRefusedNamingItAndNothingIsLeft() {
			String code = People.creditCode("360102");
			String first = People.username();
			register(FilingApi.registration(code, "360102", first)).expectStatus().isCreated();
			String second = People.username();
			register(FilingApi.registration(code, "360102", second)).expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("creditCode")
				.jsonPath("$.errors[0].message")
				.value((message) -> assertThat((String) message).contains(code));
			Map<String, Object> wrong = FilingApi.registration("91360100MA35F7Q46Y", "360102", second);
			wrong.put("enterpriseType", "PUBLIC");
			wrong.put("size", null);
			register(wrong).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[*].field")
				.value((fields) -> assertThat(fields.toString()).contains("creditCode", "enterpriseType", "size"));
			// the refused username is still free
			register(FilingApi.registration(People.creditCode("360102"), "360102", second)).expectStatus().isCreated();
		}

		private WebTestClient.ResponseSpec register(Map<String, Object> body) {
			return FilingIntegrationTests.this.client.post()
				.uri("/api/v1/enterprises/register")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body)
				.exchange();
		}

	}

	private QuestionBankApi westLakeAdmin() {
		String username = People.username();
		admin("admin-nc")
			.post("/api/v1/admin/users",
					Map.of("username", username, "password", "Qual1ty#Safe", "fullName", "吴管理", "roles",
							List.of("ADMIN"), "regionCode", "360103"))
			.expectStatus()
			.isCreated();
		return new QuestionBankApi(this.client, username, "Qual1ty#Safe");
	}

	@Nested
	class TheForm {

		@Test
		@SuppressWarnings("unchecked")
		void whenFiledThenEveryFieldOfTheFormRoundTripsAndTheIdNumberIsMaskedUntilRevealed() {
			QuestionBankApi enterprise = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			String idNumber = People.idNumber();
			String id = FilingApi.create(enterprise, FilingApi.form("欧阳明", idNumber));
			Map<String, Object> filing = enterprise.getJson("/api/v1/filings/" + id);
			assertThat(filing).containsEntry("state", "DRAFT").containsEntry("kind", "APPOINTMENT");
			Map<String, Object> cqo = section(filing, "cqo");
			assertThat(cqo).containsEntry("fullName", "欧阳明")
				.containsEntry("mobile", "13907918888")
				.containsEntry("email", "cqo@example.com")
				.containsEntry("address", "江西省南昌市东湖区八一大道 100 号")
				.containsEntry("school", "南昌大学")
				.containsEntry("major", "质量管理工程")
				.containsEntry("education", "BACHELOR")
				.containsEntry("professionalTitle", "INTERMEDIATE")
				.containsEntry("titleName", "质量工程师")
				.containsEntry("currentPost", "质量总监")
				.containsEntry("qualityWorkYears", 8)
				.containsKeys("sex", "birthDate");
			assertThat((String) cqo.get("idNumberMasked"))
				.isEqualTo(idNumber.substring(0, 4) + "**********" + idNumber.substring(14));
			assertThat(filing.toString()).doesNotContain(idNumber);
			assertThat(section(filing, "appointment")).containsEntry("post", "首席质量官")
				.containsEntry("fullTime", true)
				.containsEntry("startMonth", "2026-03");
			assertThat(section(filing, "priorTraining")).containsEntry("attended", true)
				.containsEntry("date", "2025-10")
				.containsEntry("organiser", "江西省市场监督管理局");
			assertThat(section(filing, "principal")).containsEntry("name", "刘建国")
				.containsEntry("post", "董事长")
				.containsEntry("phone", "0791-88886666");
			List<Map<String, Object>> resume = (List<Map<String, Object>>) filing.get("resume");
			assertThat(resume).hasSize(2);
			assertThat(resume.get(0)).containsEntry("from", "2016-07")
				.containsEntry("employer", "江西某汽车零部件公司")
				.containsEntry("duties", "来料检验与过程控制");
			assertThat(filing).containsEntry("awards", "2024年度南昌市质量管理先进个人")
				.containsEntry("enterpriseOpinion", "同意聘任并备案")
				.containsEntry("remarks", "无")
				.containsEntry("declaration", true);
			assertThat(section(filing, "enterprise")).containsEntry("industry", "C")
				.containsEntry("aboveScale", true)
				.containsEntry("size", "MEDIUM")
				.containsEntry("businessScope", "精密机械零部件的研发、生产和销售");
			assertThat(section(filing, "eligibility")).containsEntry("met", true).containsEntry("rule", "TITLE");
			assertThat(enterprise.getJson("/api/v1/filings/" + id + "/id-number")).containsEntry("idNumber", idNumber);
		}

		@Test
		void whenTheFormIsWrongThenEveryProblemIsNamedByItsFieldAndNothingIsStored() {
			QuestionBankApi enterprise = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			Map<String, Object> form = FilingApi.form("张", "360102198503151230");
			@SuppressWarnings("unchecked")
			Map<String, Object> cqo = new HashMap<>((Map<String, Object>) form.get("cqo"));
			cqo.put("education", "PHD");
			cqo.put("qualityWorkYears", -1);
			form.put("cqo", cqo);
			form.put("appointment", Map.of("post", "首席质量官", "fullTime", true, "startMonth", "2026/3"));
			enterprise.post("/api/v1/filings", form)
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[*].field")
				.value((fields) -> assertThat(fields.toString()).contains("cqo.fullName", "cqo.idNumber",
						"cqo.education", "cqo.qualityWorkYears", "appointment.startMonth"));
			assertThat(enterprise.get("/api/v1/filings").expectBody(List.class).returnResult().getResponseBody())
				.isEmpty();
		}

		@Test
		void eligibilityFollowsTheRulesAndExplainsTheVerdict() {
			QuestionBankApi enterprise = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			Map<String, Object> form = FilingApi.form("王质量", People.idNumber());
			@SuppressWarnings("unchecked")
			Map<String, Object> cqo = new HashMap<>((Map<String, Object>) form.get("cqo"));
			cqo.put("professionalTitle", "JUNIOR");
			cqo.put("education", "JUNIOR_COLLEGE");
			cqo.put("qualityWorkYears", 4);
			form.put("cqo", cqo);
			String id = FilingApi.create(enterprise, form);
			Map<String, Object> eligibility = section(enterprise.getJson("/api/v1/filings/" + id), "eligibility");
			assertThat(eligibility).containsEntry("met", false);
			assertThat((String) eligibility.get("explanation")).contains("中级", "大学本科", "5");
			FilingApi.attachAll(FilingIntegrationTests.this.client, enterprise, id);
			enterprise.post("/api/v1/filings/" + id + "/submission", Map.of())
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("ineligibilityReason");
			form.put("ineligibilityReason", "企业为省级重点培育企业，拟于年内取得中级职称");
			enterprise.put("/api/v1/filings/" + id, form).expectStatus().isOk();
			enterprise.post("/api/v1/filings/" + id + "/submission", Map.of()).expectStatus().isOk();
		}

		@Test
		void whenAttachmentsAreMissingOrWrongThenRefusedNamingEach() {
			QuestionBankApi enterprise = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			String id = FilingApi.create(enterprise, FilingApi.form("赵一", People.idNumber()));
			enterprise.post("/api/v1/filings/" + id + "/submission", Map.of())
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[*].field")
				.value((fields) -> assertThat(fields.toString()).contains("attachments.APPOINTMENT_LETTER",
						"attachments.SEALED_FORM", "attachments.PHOTO"));
			FilingApi.attach(FilingIntegrationTests.this.client, enterprise, id, "PHOTO", "photo.png", FilingApi.PDF)
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("file");
			FilingApi
				.attach(FilingIntegrationTests.this.client, enterprise, id, "APPOINTMENT_LETTER", "letter.exe",
						"MZ not a document".getBytes())
				.expectStatus()
				.isEqualTo(422);
			byte[] huge = new byte[6 * 1024 * 1024];
			System.arraycopy(FilingApi.PDF, 0, huge, 0, FilingApi.PDF.length);
			FilingApi.attach(FilingIntegrationTests.this.client, enterprise, id, "SEALED_FORM", "big.pdf", huge)
				.expectStatus()
				.isEqualTo(422);
			assertThat(enterprise.getJson("/api/v1/filings/" + id).get("attachments").toString()).isEqualTo("[]");
		}

	}

	@Nested
	class Review {

		@Test
		@SuppressWarnings("unchecked")
		void whenReturnedThenCorrectedAndResubmittedThenApprovedWithANumberAndBothRoundsInTheHistory() {
			QuestionBankApi enterprise = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			String id = FilingApi.submitted(FilingIntegrationTests.this.client, enterprise,
					FilingApi.form("孙正", People.idNumber()));
			QuestionBankApi county = admin("admin-dh");
			assertThat(FilingApi.decide(county, id,
					Map.of("decision", "RETURN", "comments",
							List.of(Map.of("field", "cqo.school", "message", "请填写毕业院校全称")))))
				.containsEntry("state", "RETURNED");
			Map<String, Object> form = FilingApi.form("孙正", "");
			Map<String, Object> returned = enterprise.getJson("/api/v1/filings/" + id);
			List<Map<String, Object>> history = (List<Map<String, Object>>) returned.get("history");
			assertThat(history.get(history.size() - 1).get("comments").toString()).contains("cqo.school", "请填写毕业院校全称");
			String idNumber = (String) enterprise.getJson("/api/v1/filings/" + id + "/id-number").get("idNumber");
			((Map<String, Object>) form.get("cqo")).put("idNumber", idNumber);
			((Map<String, Object>) form.get("cqo")).put("school", "南昌大学（前湖校区）");
			enterprise.put("/api/v1/filings/" + id, form).expectStatus().isOk();
			enterprise.post("/api/v1/filings/" + id + "/submission", Map.of()).expectStatus().isOk();
			Map<String, Object> approved = FilingApi.decide(county, id, Map.of("decision", "APPROVE"));
			assertThat(approved).containsEntry("state", "APPROVED");
			assertThat((String) approved.get("filingNumber")).matches("360102-20\\d\\d-\\d{4}");
			List<Object> actions = ((List<Map<String, Object>>) enterprise.getJson("/api/v1/filings/" + id)
				.get("history")).stream().map((entry) -> entry.get("action")).toList();
			assertThat(actions).containsExactly("CREATED", "SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED");
			enterprise.put("/api/v1/filings/" + id, form).expectStatus().isEqualTo(409);
			county.post("/api/v1/filings/" + id + "/decision", Map.of("decision", "REJECT", "reason", "x"))
				.expectStatus()
				.isEqualTo(409);
		}

		@Test
		void nobodySeesOrDecidesAnotherCountysOrAnotherEnterprisesFiling() {
			QuestionBankApi enterprise = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			String id = FilingApi.submitted(FilingIntegrationTests.this.client, enterprise,
					FilingApi.form("钱多", People.idNumber()));
			QuestionBankApi westLake = westLakeAdmin();
			westLake.get("/api/v1/filings/" + id).expectStatus().isNotFound();
			westLake.post("/api/v1/filings/" + id + "/decision", Map.of("decision", "APPROVE"))
				.expectStatus()
				.isNotFound();
			assertThat(westLake.get("/api/v1/filings").expectBody(String.class).returnResult().getResponseBody())
				.doesNotContain(id);
			QuestionBankApi other = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			other.get("/api/v1/filings/" + id).expectStatus().isNotFound();
			other.get("/api/v1/filings/" + id + "/id-number").expectStatus().isNotFound();
			assertThat(other.get("/api/v1/filings").expectBody(String.class).returnResult().getResponseBody())
				.doesNotContain(id);
			QuestionBankApi.newCandidate(FilingIntegrationTests.this.client)
				.get("/api/v1/filings/" + id)
				.expectStatus()
				.isNotFound();
			enterprise.post("/api/v1/filings/" + id + "/decision", Map.of("decision", "APPROVE"))
				.expectStatus()
				.isForbidden();
			admin("admin-nc").get("/api/v1/filings/" + id).expectStatus().isOk();
		}

		@Test
		void fiftyConcurrentApprovalsInOneCountyGetTheNumbersOneToFiftyWithoutAGap() throws Exception {
			String county = "360121";
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				QuestionBankApi enterprise = FilingApi.enterprise(FilingIntegrationTests.this.client, county);
				ids.add(FilingApi.submitted(FilingIntegrationTests.this.client, enterprise,
						FilingApi.form("郑" + "一二三四五六七八九十".charAt(i % 10) + "号", People.idNumber())));
			}
			QuestionBankApi countyAdmin = admin("admin-nc");
			ExecutorService pool = Executors.newFixedThreadPool(10);
			try {
				List<CompletableFuture<Map<String, Object>>> approvals = ids.stream()
					.map((id) -> CompletableFuture
						.supplyAsync(() -> FilingApi.decide(countyAdmin, id, Map.of("decision", "APPROVE")), pool))
					.toList();
				List<Integer> sequences = approvals.stream()
					.map(CompletableFuture::join)
					.map((outcome) -> (String) outcome.get("filingNumber"))
					.map((number) -> Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)))
					.sorted()
					.toList();
				assertThat(sequences)
					.isEqualTo(IntStream.rangeClosed(sequences.get(0), sequences.get(0) + 49).boxed().toList());
				assertThat(sequences.get(0)).isEqualTo(1);
			}
			finally {
				pool.shutdown();
			}
		}

	}

	@Nested
	class OneCurrentCqo {

		@Test
		@SuppressWarnings("unchecked")
		void whenTheCqoChangesThenThePreviousAppointmentEndsExactlyOnceEvenWithRacingApprovals() {
			QuestionBankApi enterprise = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			String code = (String) enterprise.getJson("/api/v1/me").get("employerCreditCode");
			QuestionBankApi county = admin("admin-dh");
			String first = FilingApi.submitted(FilingIntegrationTests.this.client, enterprise,
					FilingApi.form("李先", People.idNumber()));
			String firstNumber = (String) FilingApi.decide(county, first, Map.of("decision", "APPROVE"))
				.get("filingNumber");
			Map<String, Object> cqo = enterprise.getJson("/api/v1/enterprises/" + code + "/cqo");
			assertThat(section(cqo, "current")).containsEntry("fullName", "李先")
				.containsEntry("filingNumber", firstNumber)
				.containsEntry("since", "2026-03");

			Map<String, Object> change = FilingApi.form("周后", People.idNumber());
			change.put("appointment", Map.of("post", "首席质量官", "fullTime", true, "startMonth", "2026-09"));
			String second = FilingApi.submitted(FilingIntegrationTests.this.client, enterprise, change);
			List<CompletableFuture<Integer>> racing = IntStream.range(0, 4)
				.mapToObj((i) -> CompletableFuture.supplyAsync(
						() -> county.post("/api/v1/filings/" + second + "/decision", Map.of("decision", "APPROVE"))
							.returnResult(Void.class)
							.getStatus()
							.value()))
				.toList();
			List<Integer> statuses = racing.stream().map(CompletableFuture::join).toList();
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(1);
			assertThat(statuses).filteredOn((status) -> status == 409).hasSize(3);

			Map<String, Object> ended = enterprise.getJson("/api/v1/filings/" + first);
			assertThat(ended).containsEntry("endMonth", "2026-09")
				.containsEntry("endReason", "CHANGE")
				.containsEntry("endedBy", second);
			cqo = enterprise.getJson("/api/v1/enterprises/" + code + "/cqo");
			assertThat(section(cqo, "current")).containsEntry("fullName", "周后").containsEntry("since", "2026-09");
			assertThat((List<Object>) cqo.get("timeline")).hasSize(2);
		}

		@Test
		void thePersonWhoIsAnotherEnterprisesCurrentCqoIsRefusedUntilThatAppointmentEnds() {
			QuestionBankApi county = admin("admin-dh");
			QuestionBankApi holder = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			String idNumber = People.idNumber();
			String filed = FilingApi.submitted(FilingIntegrationTests.this.client, holder,
					FilingApi.form("冯兼", idNumber));
			FilingApi.decide(county, filed, Map.of("decision", "APPROVE"));

			QuestionBankApi poacher = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			poacher.post("/api/v1/filings", FilingApi.form("冯兼", idNumber))
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("cqo.idNumber");

			String dismissal = (String) holder
				.post("/api/v1/filings/" + filed + "/dismissal", Map.of("endMonth", "2026-11", "reason", "本人辞职"))
				.expectStatus()
				.isCreated()
				.expectBody(QuestionBankApi.JSON)
				.returnResult()
				.getResponseBody()
				.get("id");
			assertThat(FilingApi.decide(county, dismissal, Map.of("decision", "APPROVE"))).containsEntry("state",
					"APPROVED");
			String code = (String) holder.getJson("/api/v1/me").get("employerCreditCode");
			assertThat(holder.getJson("/api/v1/enterprises/" + code + "/cqo")).containsEntry("current", null);
			assertThat(holder.getJson("/api/v1/filings/" + filed)).containsEntry("endMonth", "2026-11")
				.containsEntry("endReason", "本人辞职");
			poacher.post("/api/v1/filings", FilingApi.form("冯兼", idNumber)).expectStatus().isCreated();
		}

		@Test
		void whenACrashInterruptsAnApprovalThenTheSweepFinishesItOnce() {
			QuestionBankApi enterprise = FilingApi.enterprise(FilingIntegrationTests.this.client, "360102");
			String code = (String) enterprise.getJson("/api/v1/me").get("employerCreditCode");
			String id = FilingApi.submitted(FilingIntegrationTests.this.client, enterprise,
					FilingApi.form("陈断", People.idNumber()));
			// the approval's first step only, as if the process died right after it
			StepVerifier
				.create(FilingIntegrationTests.this.store.transition(id, FilingState.Transition.APPROVE,
						new FilingDocument.HistoryEntry(java.time.Instant.now(), "admin-dh", "APPROVED", List.of(),
								null),
						new Update().set("decidedAt", java.time.Instant.now()).set("replaces", null)))
				.expectNextCount(1)
				.verifyComplete();
			assertThat(enterprise.getJson("/api/v1/filings/" + id)).containsEntry("filingNumber", null);

			StepVerifier.create(FilingIntegrationTests.this.filings.finishInterrupted())
				.assertNext((count) -> assertThat(count).isGreaterThanOrEqualTo(1))
				.verifyComplete();
			StepVerifier.create(FilingIntegrationTests.this.filings.finishInterrupted())
				.assertNext((count) -> assertThat(count).isZero())
				.verifyComplete();
			assertThat((String) enterprise.getJson("/api/v1/filings/" + id).get("filingNumber"))
				.matches("360102-20\\d\\d-\\d{4}");
			assertThat(section(enterprise.getJson("/api/v1/enterprises/" + code + "/cqo"), "current"))
				.containsEntry("fullName", "陈断");
		}

	}

}
