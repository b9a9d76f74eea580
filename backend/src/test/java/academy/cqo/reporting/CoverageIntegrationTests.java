package academy.cqo.reporting;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.filing.FilingApi;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage figures equal a hand count on a fixture in 进贤县 (360124): an enterprise whose
 * CQO is trained and certified, one that changed CQO (from a trained person to an
 * untrained one), one whose CQO left, one 规上 without a filing, one non-规上 with an
 * untrained CQO, one with nothing, and a filed enterprise outside the roster; the city
 * sees the county as its child; other counties get 404.
 */
@IntegrationTest
class CoverageIntegrationTests {

	private static final String COUNTY = "360124";

	@Autowired
	WebTestClient client;

	@Autowired
	academy.cqo.identity.Accounts accounts;

	@Autowired
	academy.cqo.exam.Passes passes;

	@Autowired
	academy.cqo.course.Completions completions;

	@Autowired
	academy.cqo.certificate.Holdings holdings;

	private static final List<String> FILING_COLUMNS = List.of("统一社会信用代码", "企业名称", "所属地区代码", "所属行业", "企业类型", "是否规模以上企业",
			"企业规模", "经营项目及主要产品", "姓名", "身份证号", "手机号码", "电子邮箱", "通讯地址", "毕业院校", "专业", "学历", "职称", "现任职务", "质量工作年限",
			"聘任岗位", "专职/兼职", "聘任起始时间", "是否参加过首席质量官培训", "企业负责人", "负责人职务", "负责人联系方式");

	private static List<String> filingRow(String creditCode, String enterprise, String fullName, String idNumber) {
		return List.of(creditCode, enterprise, COUNTY, "C", "民营企业", "是", "中型", "检测仪器", fullName, idNumber,
				"13912340000", "cqo@example.com", "南昌市进贤县", "南昌大学", "质量管理", "本科", "中级", "质量总监", "6", "首席质量官", "兼职",
				"2024-05", "否", "赵大江", "总经理", "0791-86660000");
	}

	private void importFilings(QuestionBankApi admin, List<List<String>> rows) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("备案");
		for (int c = 0; c < FILING_COLUMNS.size(); c++) {
			sheet.value(0, c, FILING_COLUMNS.get(c));
		}
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < FILING_COLUMNS.size(); c++) {
				sheet.value(r + 1, c, rows.get(r).get(c));
			}
		}
		workbook.finish();
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(out.toByteArray()) {
			@Override
			public String getFilename() {
				return "备案.xlsx";
			}
		});
		this.client.post()
			.uri("/api/v1/filings/imports")
			.headers((headers) -> headers.setBearerAuth(admin.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private QuestionBankApi candidate(String idNumber) {
		return QuestionBankApi.newCandidate(this.client, Map.of("idNumber", idNumber, "regionCode", COUNTY));
	}

	@Test
	@SuppressWarnings("unchecked")
	void figuresEqualAHandCountAndOnlyTheJurisdictionSeesThem() throws Exception {
		QuestionBankApi city = new QuestionBankApi(this.client, "admin-nc");
		QuestionBankApi county = RosterApi.countyAdmin(this.client, COUNTY);
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		String p1 = People.idNumber();
		String p2 = People.idNumber();
		QuestionBankApi passer = candidate(p1);
		Qualification.pass(passer, trainer);
		Qualification.pass(candidate(p2), trainer);

		String e1 = People.creditCode(COUNTY);
		String e2 = People.creditCode(COUNTY);
		String e4 = People.creditCode(COUNTY);
		String e5 = People.creditCode(COUNTY);
		String e6 = People.creditCode(COUNTY);
		String outside = People.creditCode(COUNTY);
		importFilings(city,
				List.of(filingRow(e1, "进贤甲质量科技有限公司", "覃一", p1), filingRow(e2, "进贤乙质量科技有限公司", "覃二", p2),
						filingRow(e5, "进贤戊质量科技有限公司", "覃四", People.idNumber()),
						filingRow(outside, "进贤名录外质量科技有限公司", "覃五", People.idNumber())));
		// E2 changes its CQO from the trained 覃二 to 覃三, who is not trained.
		importFilings(city, List.of(filingRow(e2, "进贤乙质量科技有限公司", "覃三", People.idNumber())));
		// E3's CQO leaves: filed, approved, then the dismissal approved.
		QuestionBankApi e3Account = FilingApi.enterprise(this.client, COUNTY);
		String e3 = (String) e3Account.getJson("/api/v1/me").get("employerCreditCode");
		String filed = FilingApi.submitted(this.client, e3Account, FilingApi.form("覃六", People.idNumber()));
		FilingApi.decide(county, filed, Map.of("decision", "APPROVE"));
		String dismissal = (String) e3Account
			.post("/api/v1/filings/" + filed + "/dismissal", Map.of("endMonth", "2026-11", "reason", "本人辞职"))
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		FilingApi.decide(county, dismissal, Map.of("decision", "APPROVE"));

		RosterApi.imported(this.client, county,
				List.of(RosterApi.row(e1, "进贤甲质量科技有限公司", COUNTY, true), RosterApi.row(e2, "进贤乙质量科技有限公司", COUNTY, true),
						RosterApi.row(e3, "进贤丙质量科技有限公司", COUNTY, true), RosterApi.row(e4, "进贤丁质量科技有限公司", COUNTY, true),
						RosterApi.row(e5, "进贤戊质量科技有限公司", COUNTY, false),
						RosterApi.row(e6, "进贤己质量科技有限公司", COUNTY, false)));

		Map<String, Object> report = county.getJson("/api/v1/reports/coverage?regionCode=" + COUNTY);
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("regionCode", COUNTY);
		expected.put("rosterEnterprises", 6);
		expected.put("aboveScale", 4);
		expected.put("filed", 3);
		expected.put("aboveScaleFiled", 2);
		expected.put("coverageRate", 0.5);
		expected.put("trained", 1);
		expected.put("trainingRate", 0.3333);
		expected.put("trainedOfRoster", 0.1667);
		expected.put("certified", 1);
		expected.put("ceMet", 0);
		assertThat(report).containsAllEntriesOf(expected);
		assertThat((List<Object>) report.get("children")).isEmpty();
		Map<String, Object> targets = (Map<String, Object>) report.get("targets");
		assertThat(targets).containsEntry("coverageRate", 1.0)
			.containsEntry("trainingRate", 0.6)
			.containsEntry("dueDate", "2025-12-31")
			.containsEntry("coverageGap", 2)
			.containsEntry("trainingGap", 3);

		List<Map<String, Object>> rows = county.get("/api/v1/rosters?regionCode=" + COUNTY)
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
		rows.forEach((row) -> byCode.put((String) row.get("creditCode"), row));
		assertThat(byCode).containsOnlyKeys(e1, e2, e3, e4, e5, e6);
		assertThat(byCode.get(e1)).containsEntry("cqoName", "覃一")
			.containsEntry("trained", true)
			.containsEntry("certified", true);
		assertThat(byCode.get(e2)).containsEntry("cqoName", "覃三")
			.containsEntry("trained", false)
			.containsEntry("certified", false);
		assertThat(byCode.get(e3)).containsEntry("cqoFiled", false).containsEntry("cqoName", null);
		assertThat(byCode.get(e4)).containsEntry("cqoFiled", false);
		assertThat(byCode.get(e5)).containsEntry("cqoFiled", true).containsEntry("trained", false);

		List<Map<String, Object>> missing = county
			.get("/api/v1/rosters?regionCode=" + COUNTY + "&aboveScale=true&filed=false")
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		assertThat(missing).extracting((row) -> row.get("creditCode")).containsExactlyInAnyOrder(e3, e4);

		Map<String, Object> cityReport = city.getJson("/api/v1/reports/coverage?regionCode=360100");
		List<Map<String, Object>> children = (List<Map<String, Object>>) cityReport.get("children");
		assertThat(children).extracting((child) -> child.get("regionCode")).contains("360102", COUNTY);
		assertThat(children).filteredOn((child) -> COUNTY.equals(child.get("regionCode")))
			.singleElement()
			.satisfies((child) -> assertThat(child).containsAllEntriesOf(expected).containsEntry("name", "进贤县"));

		annex2(county, byCode.get(e1));
		manyPeopleAreReadInOnePassWithTheSameAnswer(passer);

		county.get("/api/v1/reports/coverage?regionCode=360102").expectStatus().isNotFound();
		county.get("/api/v1/reports/county-summary.xlsx?regionCode=360102").expectStatus().isNotFound();
		county.get("/api/v1/reports/coverage?regionCode=360100").expectStatus().isNotFound();
		county.get("/api/v1/rosters?regionCode=360102").expectStatus().isNotFound();
		new QuestionBankApi(this.client, "admin-dh").get("/api/v1/reports/coverage?regionCode=" + COUNTY)
			.expectStatus()
			.isNotFound();
	}

	/**
	 * A province asks about tens of thousands of CQOs: beyond 500 the facades read the
	 * passes, completions and certificates in one pass instead of an {@code $in} list;
	 * the answer must be the same.
	 */
	private void manyPeopleAreReadInOnePassWithTheSameAnswer(QuestionBankApi passer) {
		String username = (String) passer.getJson("/api/v1/me").get("username");
		String account = this.accounts.profileByUsername(username).block().accountId();
		List<String> few = List.of(account, "nobody-1");
		List<String> many = new java.util.ArrayList<>(few);
		for (int i = 0; i < 600; i++) {
			many.add("nobody-padding-" + i);
		}
		assertThat(this.passes.passed(few).block()).containsExactly(account);
		assertThat(this.passes.passed(many).block()).isEqualTo(this.passes.passed(few).block());
		assertThat(this.completions.completed(many, List.of()).block())
			.isEqualTo(this.completions.completed(few, List.of()).block());
		assertThat(this.holdings.valid(few).block()).containsOnlyKeys(account);
		assertThat(this.holdings.valid(many).block()).isEqualTo(this.holdings.valid(few).block());
	}

	private void annex2(QuestionBankApi county, Map<String, Object> first) throws Exception {
		List<Row> rows = RosterApi
			.rows(RosterApi.download(county, "/api/v1/reports/county-summary.xlsx?regionCode=" + COUNTY));
		assertThat(rows.get(0).getCell(0).getText()).isEqualTo("县（市、区）企业首席质量官信息汇总表");
		assertThat(rows.get(2).getCell(1).getText()).isEqualTo("企业名称");
		assertThat(rows).hasSize(3 + 6 + 1);
		Row e1 = rows.subList(3, rows.size() - 1)
			.stream()
			.filter((row) -> first.get("creditCode").equals(row.getCell(2).getText()))
			.findFirst()
			.orElseThrow();
		assertThat(e1.getCell(4).getText()).isEqualTo("覃一");
		assertThat(e1.getCell(5).getText()).isEqualTo("质量总监");
		assertThat(e1.getCell(6).getText()).isEqualTo("中级");
		assertThat(e1.getCell(7).getText()).isEqualTo("大学本科");
		assertThat(e1.getCell(8).getText()).isEqualTo("2024-05");
		assertThat(e1.getCell(9).getText()).isEqualTo("是");
		assertThat(e1.getCell(10).getText()).isEqualTo(first.get("certificateNumber"));
		Row totals = rows.get(rows.size() - 1);
		assertThat(totals.getCell(0).getText()).isEqualTo("合计");
		assertThat(totals.getCell(1).getText()).isEqualTo("企业 6 家");
		assertThat(totals.getCell(3).getText()).isEqualTo("4");
		assertThat(totals.getCell(4).getText()).isEqualTo("已备案 3 家");
		assertThat(totals.getCell(9).getText()).isEqualTo("1");
		String text = RosterApi
			.pdfText(RosterApi.download(county, "/api/v1/reports/county-summary.pdf?regionCode=" + COUNTY));
		assertThat(text).contains("附件2", "县（市、区）企业首席质量官信息汇总表", "进贤县", "覃一", "覃三", "未备案", "合计",
				(String) first.get("certificateNumber"));
	}

}
