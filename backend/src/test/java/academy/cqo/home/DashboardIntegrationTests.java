package academy.cqo.home;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

import academy.cqo.filing.FilingApi;
import academy.cqo.reporting.RosterApi;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The county dashboard's numbers equal a hand count on a fixture in 濂溪区 (360402, 九江市: no
 * other test uses the city): five roster enterprises — E1 (规上, manufacturing) whose CQO
 * passed the qualification exam and holds a certificate, E2 (规上, manufacturing) whose CQO
 * fails the sampled assessment, E3 (规上, construction) without a filing, E4 (not 规上,
 * manufacturing) with an untrained CQO who has no account, E5 (not 规上, construction) with
 * nothing — plus E6 outside the roster whose filing waits for review, a cultivation-plan
 * round set by the city and a sampling draw of the whole roster. The JSON the page uses,
 * the Excel download and the page itself show the same figures; a neighbouring county and
 * 东湖区 get 404.
 */
@IntegrationTest
class DashboardIntegrationTests {

	private static final String CITY = "360400";

	private static final String COUNTY = "360402";

	@Autowired
	WebTestClient client;

	@Autowired
	org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

	@Autowired
	java.time.Clock clock;

	@BeforeEach
	void patientClient() {
		this.client = this.client.mutate().responseTimeout(java.time.Duration.ofMinutes(2)).build();
	}

	private QuestionBankApi candidate(String idNumber) {
		return QuestionBankApi.newCandidate(this.client, Map.of("idNumber", idNumber, "regionCode", COUNTY));
	}

	/** An enterprise of the county with an approved filing of the given CQO. */
	private QuestionBankApi filedEnterprise(QuestionBankApi county, String cqoName, String idNumber) {
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, COUNTY);
		String filing = FilingApi.submitted(this.client, enterprise, FilingApi.form(cqoName, idNumber));
		FilingApi.decide(county, filing, Map.of("decision", "APPROVE"));
		return enterprise;
	}

	private static String creditCode(QuestionBankApi enterprise) {
		return (String) enterprise.getJson("/api/v1/me").get("employerCreditCode");
	}

	private static List<String> rosterRow(String creditCode, String name, boolean aboveScale, String industry) {
		List<String> row = RosterApi.row(creditCode, name, COUNTY, aboveScale);
		row.set(3, industry);
		return row;
	}

	@Test
	@SuppressWarnings("unchecked")
	void theCountyDashboardEqualsAHandCountInJsonExcelAndPageAndOtherCountiesCannotSeeIt() throws Exception {
		QuestionBankApi city = RosterApi.countyAdmin(this.client, CITY);
		QuestionBankApi county = RosterApi.countyAdmin(this.client, COUNTY);
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");

		String p1 = People.idNumber();
		QuestionBankApi passer = candidate(p1);
		Map<String, Object> passed = passer
			.post("/api/v1/attempts/" + Qualification.startAndAnswerAll(passer, trainer) + "/submit", Map.of())
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		double full = ((Number) passed.get("score")).doubleValue();
		Qualification.await(passer, "ISSUED");
		String p2 = People.idNumber();
		QuestionBankApi failer = candidate(p2);
		failer.uploadIdPhoto().expectStatus().isNoContent();

		QuestionBankApi first = filedEnterprise(county, "甘一", p1);
		String e1 = creditCode(first);
		QuestionBankApi second = filedEnterprise(county, "甘二", p2);
		String e2 = creditCode(second);
		String e3 = People.creditCode(COUNTY);
		String e4 = creditCode(filedEnterprise(county, "甘四", People.idNumber()));
		String e5 = People.creditCode(COUNTY);
		QuestionBankApi waiting = FilingApi.enterprise(this.client, COUNTY);
		FilingApi.submitted(this.client, waiting, FilingApi.form("甘六", People.idNumber()));
		RosterApi.imported(this.client, county,
				List.of(rosterRow(e1, "濂溪甲质量有限公司", true, "C"), rosterRow(e2, "濂溪乙质量有限公司", true, "C"),
						rosterRow(e3, "濂溪丙建设有限公司", true, "E"), rosterRow(e4, "濂溪丁质量有限公司", false, "C"),
						rosterRow(e5, "濂溪戊建设有限公司", false, "E")));
		String round = city.createdId("/api/v1/report-rounds", Map.of("name", "九江市 2027-2028 年培育计划", "planYears",
				List.of(2027, 2028), "dueDate", LocalDate.now().plusYears(1).toString()));

		String draw = county.createdId("/api/v1/sampling-draws", Map.of("regionCode", COUNTY, "size", 5, "strata",
				List.of(), "seed", "濂溪-2026", "sessionId", Qualification.SESSION));
		Map<String, Object> attempt = failer
			.post("/api/v1/exam-sessions/" + Qualification.SESSION + "/attempts", Map.of())
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		failer.post("/api/v1/attempts/" + attempt.get("id") + "/submit", Map.of())
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.passed")
			.isEqualTo(false);

		Map<String, Object> before = county.getJson("/api/v1/dashboard");
		Map<String, Object> drawn = ((List<Map<String, Object>>) before.get("sampling")).get(0);
		assertThat(drawn).containsEntry("drawId", draw)
			.containsEntry("drawn", 5)
			.containsEntry("assigned", 2)
			.containsEntry("examined", 2)
			.containsEntry("passed", 1)
			.containsEntry("failed", 1);
		assertThat((List<Map<String, Object>>) drawn.get("failures")).singleElement()
			.satisfies((failure) -> assertThat(failure).containsEntry("creditCode", e2)
				.containsEntry("cqoName", "甘二")
				.containsEntry("caseId", null));
		county.post("/api/v1/sampling-draws/" + draw + "/follow-up", Map.of()).expectStatus().isOk();

		Map<String, Object> dashboard = county.getJson("/api/v1/dashboard");
		assertThat(dashboard).containsEntry("regionCode", COUNTY)
			.containsEntry("level", "COUNTY")
			.containsEntry("barsBy", "INDUSTRY");
		assertThat((Map<String, Object>) dashboard.get("coverage")).containsEntry("rate", 0.6667)
			.containsEntry("target", 1.0)
			.containsEntry("achieved", 2)
			.containsEntry("base", 3)
			.containsEntry("gap", 1)
			.containsEntry("dueDate", "2025-12-31")
			.containsEntry("met", false);
		assertThat((Map<String, Object>) dashboard.get("training")).containsEntry("rate", 0.2)
			.containsEntry("target", 0.6)
			.containsEntry("achieved", 1)
			.containsEntry("base", 5)
			.containsEntry("gap", 2);
		List<Map<String, Object>> bars = (List<Map<String, Object>>) dashboard.get("bars");
		assertThat(bars).extracting((bar) -> bar.get("key")).containsExactly("C", "E");
		assertThat(bars.get(0)).containsEntry("rosterEnterprises", 3)
			.containsEntry("aboveScale", 2)
			.containsEntry("aboveScaleFiled", 2)
			.containsEntry("coverageRate", 1.0)
			.containsEntry("trained", 1)
			.containsEntry("trainedOfRoster", 0.3333)
			.containsEntry("certified", 1)
			.containsEntry("ceMet", 0);
		assertThat(bars.get(1)).containsEntry("rosterEnterprises", 2)
			.containsEntry("aboveScale", 1)
			.containsEntry("aboveScaleFiled", 0)
			.containsEntry("coverageRate", 0.0)
			.containsEntry("trained", 0);
		List<Map<String, Object>> months = (List<Map<String, Object>>) dashboard.get("months");
		assertThat(months).hasSize(12);
		assertThat(months.get(11)).containsEntry("filingsApproved", 3)
			.containsEntry("trained", 1)
			.containsEntry("certificatesIssued", 1);
		assertThat(months.subList(0, 11)).allSatisfy((month) -> assertThat(month).containsEntry("filingsApproved", 0)
			.containsEntry("trained", 0)
			.containsEntry("certificatesIssued", 0));
		Map<String, Object> session = ((List<Map<String, Object>>) dashboard.get("sessions")).get(0);
		assertThat(session).containsEntry("sessionId", Qualification.SESSION)
			.containsEntry("graded", 2)
			.containsEntry("passed", 1)
			.containsEntry("passRate", 0.5);
		// the failed attempt answered nothing: 0 points
		assertThat(((Number) session.get("averageScore")).doubleValue()).isEqualTo(Math.round(full / 2 * 10) / 10.0);
		assertThat((Map<String, Object>) dashboard.get("ce")).containsEntry("filed", 3)
			.containsEntry("met", 0)
			.containsEntry("rate", 0.0);
		assertThat((Map<String, Object>) dashboard.get("pending")).containsEntry("filingsToReview", 1)
			.containsEntry("claimsToReview", 0)
			.containsEntry("reportsDue", 1)
			.containsEntry("reportsLate", 0)
			.containsEntry("casesOverdue", 0)
			.containsEntry("firstRoundId", round);
		Map<String, Object> sampled = ((List<Map<String, Object>>) dashboard.get("sampling")).get(0);
		assertThat((List<Map<String, Object>>) sampled.get("failures")).singleElement()
			.satisfies((failure) -> assertThat(failure).containsEntry("caseId", "sampling-" + draw + "-" + e2));

		// The Excel download holds the same numbers, sheet by sheet.
		Map<String, List<Row>> sheets = sheets(download(county, "/api/v1/dashboard.xlsx?regionCode=" + COUNTY));
		assertThat(sheets.keySet()).containsExactly("目标完成", "地区或行业", "月度趋势", "考核场次", "继续教育", "待办事项", "抽查考核");
		assertThat(cells(sheets.get("目标完成").get(2))).startsWith("规上企业首席质量官覆盖率", "67", "100", "2", "3", "1",
				"2025-12-31");
		assertThat(cells(sheets.get("地区或行业").get(2))).containsExactly("制造业", "3", "2", "2", "100", "1", "33", "1", "0");
		assertThat(cells(sheets.get("地区或行业").get(3))).startsWith("建筑业", "2", "1", "0", "0", "0", "0");
		assertThat(cells(sheets.get("月度趋势").get(13))).containsExactly((String) months.get(11).get("month"), "3", "1",
				"1");
		assertThat(cells(sheets.get("待办事项").get(2))).containsExactly("待审核备案", "1");
		assertThat(cells(sheets.get("抽查考核").get(2))).containsSubsequence("5", "2", "2", "1", "1");
		Map<String, List<Row>> one = sheets(
				download(county, "/api/v1/dashboard.xlsx?regionCode=" + COUNTY + "&chart=months"));
		assertThat(one.keySet()).containsExactly("月度趋势");
		county.get("/api/v1/dashboard.xlsx?chart=pie").expectStatus().isBadRequest();

		// The page shows them, with links to the lists behind them.
		String page = PageSession.signIn(this.client, county.username(), "Qual1ty#Safe").page("/");
		assertThat(page).contains("data-role=\"bureau\"", "id=\"chart-gauge-coverage\"", "id=\"table-bars\"",
				"id=\"sort-figure\"", "<td>67</td>", "目标 100%，截止 2025-12-31；还差 1 家企业",
				"/reports/roster?regionCode=360402&amp;aboveScale=true&amp;filed=false", "未备案 1 家", "待审核备案 1 件",
				"培育计划待报送 1 份，逾期 0 份", "/reports/rounds/" + round, "/supervision/sampling-" + draw,
				"/api/v1/dashboard.xlsx?regionCode=360402&amp;chart=bars", "data-name=\"制造业\"");

		// The city sees the county as one bar with the same figures; others see nothing.
		Map<String, Object> cityDashboard = city.getJson("/api/v1/dashboard");
		assertThat(cityDashboard).containsEntry("barsBy", "REGION");
		assertThat((List<Map<String, Object>>) cityDashboard.get("bars"))
			.filteredOn((bar) -> COUNTY.equals(bar.get("key")))
			.singleElement()
			.satisfies((bar) -> assertThat(bar).containsEntry("name", "濂溪区")
				.containsEntry("rosterEnterprises", 5)
				.containsEntry("aboveScaleFiled", 2)
				.containsEntry("coverageRate", 0.6667)
				.containsEntry("trained", 1));
		QuestionBankApi neighbour = RosterApi.countyAdmin(this.client, "360403");
		neighbour.get("/api/v1/dashboard?regionCode=" + COUNTY).expectStatus().isNotFound();
		neighbour.get("/api/v1/dashboard.xlsx?regionCode=" + COUNTY).expectStatus().isNotFound();
		assertThat((Map<String, Object>) neighbour.getJson("/api/v1/dashboard").get("coverage")).containsEntry("base",
				0);
		new QuestionBankApi(this.client, "admin-dh").get("/api/v1/dashboard?regionCode=" + COUNTY)
			.expectStatus()
			.isNotFound();
		passer.get("/api/v1/dashboard").expectStatus().isForbidden();

		// Each enterprise sees its own status against what the bureau expects.
		Map<String, Object> mine = first.getJson("/api/v1/me/enterprise-status");
		assertThat(mine).containsEntry("creditCode", e1).containsEntry("trained", true);
		assertThat((Map<String, Object>) mine.get("filing")).containsEntry("cqoName", "甘一")
			.containsEntry("latestState", "APPROVED");
		assertThat((Map<String, Object>) mine.get("certificate")).containsEntry("status", "VALID");
		assertThat((String) ((Map<String, Object>) mine.get("certificate")).get("number")).startsWith("JX-");
		assertThat((Map<String, Object>) mine.get("ce")).containsEntry("met", false);
		assertThat(((Number) ((Map<String, Object>) mine.get("ce")).get("hoursLeft")).doubleValue()).isPositive();
		assertThat((Map<String, Object>) mine.get("roster")).containsEntry("listed", true)
			.containsEntry("aboveScale", true)
			.containsEntry("keyCultivation", false);
		assertThat((List<Object>) mine.get("matters")).isEmpty();
		Map<String, Object> warned = second.getJson("/api/v1/me/enterprise-status");
		assertThat(warned).containsEntry("trained", false).containsEntry("certificate", null);
		assertThat((List<Map<String, Object>>) warned.get("matters")).singleElement()
			.satisfies((matter) -> assertThat(matter).containsEntry("caseId", "sampling-" + draw + "-" + e2)
				.containsEntry("kind", "WARNING")
				.containsEntry("state", "OPEN")
				.containsEntry("rectificationDue", true)
				.containsEntry("overdue", false));
		String status = PageSession.signIn(this.client, second.username(), "Qual1ty#Safe").page("/");
		assertThat(status).contains("data-role=\"enterprise\"", "所属地区：江西省 九江市 濂溪区", "现任首席质量官 甘二", "尚未完成培训或考核",
				"首席质量官尚未取得证书", "已列入监管部门企业名录：规上企业 是，重点培育企业 否", "/supervision/sampling-" + draw + "-" + e2, "提交整改报告");
		county.get("/api/v1/me/enterprise-status").expectStatus().is4xxClientError();

		// Time passes: the round's deadline and the warning's are yesterday now.
		LocalDate yesterday = LocalDate.now(this.clock).minusDays(1);
		String caseId = "sampling-" + draw + "-" + e2;
		this.mongo
			.updateFirst(query(round), org.springframework.data.mongodb.core.query.Update.update("dueDate", yesterday),
					academy.cqo.reporting.persistence.ReportRoundDocument.class)
			.as(StepVerifier::create)
			.expectNextMatches((result) -> result.getModifiedCount() == 1)
			.verifyComplete();
		this.mongo
			.updateFirst(query(caseId), org.springframework.data.mongodb.core.query.Update.update("dueDate", yesterday),
					academy.cqo.supervision.persistence.CaseDocument.class)
			.as(StepVerifier::create)
			.expectNextMatches((result) -> result.getModifiedCount() == 1)
			.verifyComplete();
		assertThat((Map<String, Object>) county.getJson("/api/v1/dashboard").get("pending"))
			.containsEntry("reportsDue", 0)
			.containsEntry("reportsLate", 1)
			.containsEntry("casesOverdue", 1);
		assertThat((List<Map<String, Object>>) second.getJson("/api/v1/me/enterprise-status").get("matters"))
			.singleElement()
			.satisfies((matter) -> assertThat(matter).containsEntry("overdue", true));
	}

	private static org.springframework.data.mongodb.core.query.Query query(String id) {
		return org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(id));
	}

	private static byte[] download(QuestionBankApi admin, String path) {
		return admin.get(path).expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
	}

	private static Map<String, List<Row>> sheets(byte[] xlsx) throws Exception {
		Map<String, List<Row>> sheets = new java.util.LinkedHashMap<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : workbook.getSheets().toList()) {
				sheets.put(sheet.getName(), sheet.read());
			}
		}
		return sheets;
	}

	private static List<String> cells(Row row) {
		List<String> cells = new ArrayList<>();
		for (int c = 0; c < row.getCellCount(); c++) {
			cells.add(row.getCellText(c).replaceAll("\\.0$", ""));
		}
		return cells;
	}

}
