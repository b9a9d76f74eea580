package academy.cqo.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.filing.FilingApi;
import academy.cqo.reporting.RosterApi;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sampling assessment (抽查考核): a draw from a county's roster is reproducible from its
 * seed, stratified proportionally, limited to the drawer's jurisdiction; the drawn CQOs
 * are assigned the assessment session, and a failure opens exactly one supervision case.
 */
@IntegrationTest
class SamplingDrawIntegrationTests {

	/** 进贤县: no other test imports a roster there. */
	private static final String COUNTY = "360124";

	@Autowired
	WebTestClient client;

	/** Registrations (bcrypt) and pages take seconds on the shared, loaded machine. */
	@org.junit.jupiter.api.BeforeEach
	void patientClient() {
		this.client = this.client.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build();
	}

	private QuestionBankApi admin(String username) {
		return new QuestionBankApi(this.client, username);
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenDrawnAgainWithTheSeedThenTheSameEnterprisesAndAFailedCqoGetsOneCase() throws Exception {
		QuestionBankApi county = RosterApi.countyAdmin(this.client, COUNTY);
		String idNumber = People.idNumber();
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client, Map.of("idNumber", idNumber));
		candidate.uploadIdPhoto().expectStatus().isNoContent();
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, COUNTY);
		String filing = FilingApi.submitted(this.client, enterprise, FilingApi.form("李质量", idNumber));
		FilingApi.decide(county, filing, Map.of("decision", "APPROVE"));
		String creditCode = (String) enterprise.getJson("/api/v1/filings/" + filing).get("creditCode");

		List<List<String>> rows = new ArrayList<>();
		rows.add(RosterApi.row(creditCode, "江西进贤抽查测试企业有限公司", COUNTY, true));
		for (int i = 0; i < 9; i++) {
			List<String> row = RosterApi.row(COUNTY, i % 3 != 0);
			row.set(3, (i < 6) ? "C" : "F");
			rows.add(row);
		}
		RosterApi.imported(this.client, county, rows);

		Map<String, Object> request = Map.of("regionCode", COUNTY, "size", 5, "strata", List.of("industry"), "seed",
				"2026-进贤-抽查-1");
		Map<String, Object> first = county.post("/api/v1/sampling-draws", request)
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		Map<String, Object> again = county.post("/api/v1/sampling-draws", request)
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(again.get("id")).isNotEqualTo(first.get("id"));
		assertThat(again.get("enterprises")).isEqualTo(first.get("enterprises"));
		assertThat((List<String>) first.get("enterprises")).hasSize(5).isSorted();
		assertThat(first).containsEntry("seed", "2026-进贤-抽查-1").containsEntry("population", 10);
		// industry C: 7 of 10 → 3.5, F: 3 → 1.5; floors 3 + 1, the remainders tie and the
		// place goes to C
		assertThat((List<Map<String, Object>>) first.get("shares")).containsExactly(
				Map.of("key", "C", "population", 7, "drawn", 4), Map.of("key", "F", "population", 3, "drawn", 1));
		Map<String, Object> other = county
			.post("/api/v1/sampling-draws",
					Map.of("regionCode", COUNTY, "size", 5, "strata", List.of("industry"), "seed", "另一个种子"))
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(other.get("enterprises")).isNotEqualTo(first.get("enterprises"));

		county.post("/api/v1/sampling-draws", Map.of("regionCode", "360102", "size", 5, "seed", "x"))
			.expectStatus()
			.isNotFound();
		county.post("/api/v1/sampling-draws", Map.of("regionCode", COUNTY, "size", 0, "strata", List.of("colour")))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).contains("\"size\"", "strata[0]"));
		admin("admin-dh").get("/api/v1/sampling-draws/" + first.get("id")).expectStatus().isNotFound();

		Map<String, Object> assessed = county
			.post("/api/v1/sampling-draws",
					Map.of("regionCode", COUNTY, "size", 10, "strata", List.of(), "seed", "全部", "sessionId",
							Qualification.SESSION))
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat((List<String>) assessed.get("enterprises")).contains(creditCode);
		String draw = (String) assessed.get("id");
		assertThat(candidate.get("/api/v1/me/notifications").expectBody(String.class).returnResult().getResponseBody())
			.contains("sampling.notice.assigned", "/exams/sessions/" + Qualification.SESSION);
		assertThat(outcome(county, draw, creditCode)).containsEntry("result", "NOT_STARTED");

		Map<String, Object> attempt = candidate
			.post("/api/v1/exam-sessions/" + Qualification.SESSION + "/attempts", Map.of())
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		candidate.post("/api/v1/attempts/" + attempt.get("id") + "/submit", Map.of())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.passed")
			.isEqualTo(false);
		assertThat(outcome(county, draw, creditCode)).containsEntry("result", "FAILED");

		county.post("/api/v1/sampling-draws/" + draw + "/follow-up", Map.of()).expectStatus().isOk();
		county.post("/api/v1/sampling-draws/" + draw + "/follow-up", Map.of()).expectStatus().isOk();
		String caseId = (String) outcome(county, draw, creditCode).get("caseId");
		assertThat(caseId).isEqualTo("sampling-" + draw + "-" + creditCode);
		assertThat(county.getJson("/api/v1/supervision-cases/" + caseId)).containsEntry("kind", "WARNING")
			.containsEntry("state", "OPEN")
			.containsEntry("filingId", filing);
		List<Map<String, Object>> cases = county.get("/api/v1/supervision-cases")
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((item) -> (Map<String, Object>) item)
			.filter((item) -> creditCode.equals(item.get("creditCode")))
			.toList();
		assertThat(cases).hasSize(1);

		PageSession pages = PageSession.signIn(this.client, county.username(), "Qual1ty#Safe");
		assertThat(pages.page("/admin/sampling")).contains("2026-进贤-抽查-1", "/admin/sampling/" + draw);
		assertThat(pages.page("/admin/sampling/" + draw)).contains(creditCode, "不合格", "/supervision/" + caseId);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> outcome(QuestionBankApi admin, String draw, String creditCode) {
		return admin.get("/api/v1/sampling-draws/" + draw + "/outcomes")
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((item) -> (Map<String, Object>) item)
			.filter((item) -> creditCode.equals(item.get("creditCode")))
			.findFirst()
			.orElseThrow();
	}

}
