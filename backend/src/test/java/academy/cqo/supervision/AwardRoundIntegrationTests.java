package academy.cqo.supervision;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.filing.FilingApi;
import academy.cqo.testsupport.IdPhoto;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excellent-CQO award rounds (优秀首席质量官评选): the county, city and province review in turn,
 * each only at its own stage; the quota of a region is never exceeded; the awarded show
 * the honour on certificate verification and in the talent pool, and are listed publicly
 * only when the province chooses.
 */
@IntegrationTest
class AwardRoundIntegrationTests {

	@Autowired
	WebTestClient client;

	/** Registrations (bcrypt) and pages take seconds on the shared, loaded machine. */
	@org.junit.jupiter.api.BeforeEach
	void patientClient() {
		this.client = this.client.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build();
	}

	@Autowired
	MutableClock clock;

	@Autowired
	ReactiveMongoTemplate mongo;

	private QuestionBankApi admin(String username) {
		return new QuestionBankApi(this.client, username);
	}

	/** A certified CQO appointed by a new enterprise in 东湖区. */
	private record Appointed(QuestionBankApi candidate, Map<String, Object> certificate, QuestionBankApi enterprise,
			String filingId) {
	}

	private Appointed appointed(String name) {
		String idNumber = People.idNumber();
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client,
				Map.of("idNumber", idNumber, "fullName", name));
		Map<String, Object> certificate = Qualification.pass(candidate, admin("trainer"));
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, "360102");
		String filing = FilingApi.submitted(this.client, enterprise, FilingApi.form(name, idNumber));
		FilingApi.decide(admin("admin-dh"), filing, Map.of("decision", "APPROVE"));
		return new Appointed(candidate, certificate, enterprise, filing);
	}

	private String round(int quota, boolean publicListing) {
		return admin("admin-jx").createdId("/api/v1/award-rounds",
				Map.of("year", java.time.LocalDate.now(this.clock).getYear(), "criteria", "履职尽责、质量提升成效显著", "quotas",
						Map.of("360102", quota), "publicListing", publicListing));
	}

	private WebTestClient.ResponseSpec decide(String username, String round, String nomination, String decision) {
		return admin(username).post("/api/v1/award-rounds/" + round + "/nominations/" + nomination + "/decision",
				Map.of("decision", decision, "comment", "同意"));
	}

	private Map<String, Object> verify(Appointed appointed, String name) {
		return this.client.post()
			.uri("/api/v1/verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("certificateNumber", appointed.certificate().get("number"), "holderName", name))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void whenCountyCityAndProvinceApproveInTurnThenTheHonourShowsOnVerificationAndInTheTalentPool() {
		Appointed appointed = appointed("赵优秀");
		String round = round(2, true);
		int year = java.time.LocalDate.now(this.clock).getYear();
		String nomination = appointed.enterprise()
			.createdId("/api/v1/award-rounds/" + round + "/nominations",
					Map.of("statement", "主导质量攻关，产品一次合格率提升至 99.2%", "evidence", "2025 年省长质量奖提名；QC 小组成果一等奖"));
		appointed.enterprise()
			.post("/api/v1/award-rounds/" + round + "/nominations", Map.of("statement", "再次", "evidence", "再次"))
			.expectStatus()
			.isEqualTo(409);

		decide("admin-jx", round, nomination, "APPROVE").expectStatus().isEqualTo(409);
		decide("admin-nc", round, nomination, "APPROVE").expectStatus().isEqualTo(409);
		decide("admin-dh", round, nomination, "APPROVE").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stage")
			.isEqualTo("CITY_REVIEW");
		decide("admin-dh", round, nomination, "APPROVE").expectStatus().isEqualTo(409);
		assertThat(verify(appointed, "赵优秀").get("honours")).isEqualTo(List.of());
		decide("admin-nc", round, nomination, "APPROVE").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stage")
			.isEqualTo("PROVINCE_REVIEW");
		decide("admin-jx", round, nomination, "APPROVE").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stage")
			.isEqualTo("AWARDED")
			.jsonPath("$.decisions.length()")
			.isEqualTo(3);

		assertThat(verify(appointed, "赵优秀").get("honours").toString()).contains(year + "年度优秀首席质量官");
		String token = ((String) appointed.certificate().get("verificationUrl"))
			.substring(((String) appointed.certificate().get("verificationUrl")).lastIndexOf("/v/") + 3);
		assertThat(this.client.get()
			.uri("/v/" + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("data-honour=\"EXCELLENT_CQO\"", year + "年度优秀首席质量官");
		assertThat(admin("admin-jx").get("/api/v1/talent-pool?q=" + appointed.certificate().get("number"))
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains(year + "年度优秀首席质量官");
		assertThat(PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD)
			.page("/admin/talent-pool?q=" + appointed.certificate().get("number"))).contains(year + "年度优秀首席质量官");
		assertThat(this.client.get()
			.uri("/api/v1/award-rounds/" + round + "/awarded")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("赵优秀", "江西省 南昌市 东湖区");
		assertThat(this.client.get()
			.uri("/excellent-cqos/" + round)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("赵优秀");
	}

	private WebTestClient.ResponseSpec nominateWith(QuestionBankApi user, String round, Map<String, byte[]> files) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("statement", "质量攻关成效显著");
		body.part("evidence", "省长质量奖提名；QC 小组成果一等奖");
		files.forEach((name, content) -> body.part("files", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		}));
		return this.client.post()
			.uri("/api/v1/award-rounds/" + round + "/nominations")
			.headers((headers) -> headers.setBearerAuth(user.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private void evidenceStoredBy(QuestionBankApi user, long expected) {
		this.mongo.count(Query.query(Criteria.where("uploadedBy").is(user.username())), "award_evidence")
			.as(StepVerifier::create)
			.expectNext(expected)
			.verifyComplete();
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenAnEnterpriseNominatesWithEvidenceFilesThenTheReviewersInScopeAndTheNominatorAloneDownloadThem() {
		Appointed appointed = appointed("李佐证");
		QuestionBankApi enterprise = appointed.enterprise();
		String round = round(2, true);
		byte[] png = IdPhoto.png(60, 80);
		byte[] large = Arrays.copyOf(FilingApi.PDF, 5 * 1024 * 1024 + 1);

		Map<String, byte[]> badType = new LinkedHashMap<>();
		badType.put("荣誉证书.pdf", FilingApi.PDF);
		badType.put("说明.txt", "不是 PDF 也不是图片".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		badType.put("空文件.pdf", new byte[0]);
		nominateWith(enterprise, round, badType).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).contains("files[1]", "files[2]").doesNotContain("files[0]"));
		nominateWith(enterprise, round, Map.of("大文件.pdf", large)).expectStatus()
			.isEqualTo(413)
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).contains("files[0]", "5 MB"));
		Map<String, byte[]> six = new LinkedHashMap<>();
		for (int i = 1; i <= 6; i++) {
			six.put("材料" + i + ".pdf", FilingApi.PDF);
		}
		nominateWith(enterprise, round, six).expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).contains("\"files\""));
		evidenceStoredBy(enterprise, 0);
		assertThat(enterprise.get("/api/v1/award-rounds/" + round + "/nominations")
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody()).isEmpty();

		Map<String, byte[]> good = new LinkedHashMap<>();
		good.put("荣誉证书.pdf", FilingApi.PDF);
		good.put("现场照片.png", png);
		Map<String, Object> nomination = nominateWith(enterprise, round, good).expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(nomination).containsEntry("stage", "COUNTY_REVIEW").containsEntry("cqoName", "李佐证");
		List<Map<String, Object>> files = (List<Map<String, Object>>) nomination.get("evidenceFiles");
		assertThat(files).extracting((file) -> file.get("fileName")).containsExactly("荣誉证书.pdf", "现场照片.png");
		assertThat(files).extracting((file) -> file.get("contentType")).containsExactly("application/pdf", "image/png");
		String base = "/api/v1/award-rounds/" + round + "/nominations/" + nomination.get("id") + "/evidence/";
		String pdf = (String) files.get(0).get("id");
		String picture = (String) files.get(1).get("id");
		for (QuestionBankApi reader : List.of(enterprise, admin("admin-dh"), admin("admin-nc"), admin("admin-jx"))) {
			assertThat(reader.get(base + pdf)
				.expectStatus()
				.isOk()
				.expectBody(byte[].class)
				.returnResult()
				.getResponseBody()).as(reader.username()).isEqualTo(FilingApi.PDF);
		}
		assertThat(admin("admin-dh").get(base + picture)
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.IMAGE_PNG)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody()).isEqualTo(png);
		FilingApi.enterprise(this.client, "360102").get(base + pdf).expectStatus().isNotFound();
		academy.cqo.reporting.RosterApi.countyAdmin(this.client, "360124").get(base + pdf).expectStatus().isNotFound();
		appointed.candidate().get(base + pdf).expectStatus().isNotFound();
		enterprise.get(base + "000000000000000000000000").expectStatus().isNotFound();

		nominateWith(enterprise, round, Map.of("再次.pdf", FilingApi.PDF)).expectStatus().isEqualTo(409);
		evidenceStoredBy(enterprise, 2);
		String page = PageSession.signIn(this.client, "admin-dh", QuestionBankApi.DEMO_PASSWORD)
			.page("/awards/" + round);
		assertThat(page).contains(base + pdf, "荣誉证书.pdf", "现场照片.png", "nomination-files");
	}

	@Test
	void whenTheRegionsQuotaIsFullThenTheProvinceCannotAwardAnotherAndAPrivateRoundIsNotListed() {
		Appointed first = appointed("钱一等");
		Appointed second = appointed("孙二等");
		String round = round(1, false);
		String one = admin("admin-dh").createdId("/api/v1/award-rounds/" + round + "/nominations",
				Map.of("filingId", first.filingId(), "statement", "县局推荐", "evidence", "质量事故零发生"));
		String two = admin("admin-nc").createdId("/api/v1/award-rounds/" + round + "/nominations",
				Map.of("filingId", second.filingId(), "statement", "市局推荐", "evidence", "标准化工作突出"));
		decide("admin-nc", round, one, "APPROVE").expectStatus().isOk();
		decide("admin-jx", round, one, "APPROVE").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stage")
			.isEqualTo("AWARDED");
		decide("admin-jx", round, two, "APPROVE").expectStatus()
			.isEqualTo(409)
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).contains("\"quota\"", "江西省 南昌市 东湖区 的名额（1 名）已满"));
		decide("admin-jx", round, two, "REJECT").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.stage")
			.isEqualTo("REJECTED");
		assertThat(verify(second, "孙二等").get("honours")).isEqualTo(List.of());
		this.client.get().uri("/api/v1/award-rounds/" + round + "/awarded").exchange().expectStatus().isNotFound();
		assertThat(admin("admin-jx").get("/api/v1/award-rounds/" + round + "/awarded")
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("钱一等").doesNotContain("孙二等");
		admin("admin-dh")
			.post("/api/v1/award-rounds", Map.of("year", 2026, "criteria", "x", "quotas", Map.of("360102", 1)))
			.expectStatus()
			.isForbidden();
		admin("admin-jx")
			.post("/api/v1/award-rounds",
					Map.of("year", 1999, "criteria", " ", "quotas", Map.of("440300", 1, "360102", 0)))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).contains("\"year\"", "\"criteria\"", "quotas.440300",
					"quotas.360102", "江西省 南昌市 东湖区 的名额须为 1 至 10000 的整数"));
		String roundsPage = PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD).page("/awards");
		assertThat(roundsPage).contains("id=\"jurisdiction\"", "quota-region-0", "江西省 南昌市 东湖区", "江西省 南昌市 东湖区：1 名")
			.doesNotContain("360102=");
		admin("admin-dh").get("/api/v1/award-rounds/" + round + "/nominations")
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((list) -> assertThat(list).contains(one, two));
	}

}
