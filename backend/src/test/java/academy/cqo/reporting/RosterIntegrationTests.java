package academy.cqo.reporting;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Enterprise rosters: a bad file is refused whole with every problem located; a good file
 * shows its difference and changes nothing until confirmed; a re-import updates by credit
 * code; CSV in GBK reads like UTF-8; the export is formula-injection safe; a county sees
 * only its own roster.
 */
@IntegrationTest
class RosterIntegrationTests {

	private static final String COUNTY = "360123";

	@Autowired
	WebTestClient client;

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> roster(QuestionBankApi admin, String query) {
		return admin.get("/api/v1/rosters?" + query)
			.expectStatus()
			.isOk()
			.expectBodyList(Map.class)
			.returnResult()
			.getResponseBody()
			.stream()
			.map((row) -> (Map<String, Object>) row)
			.toList();
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenRowsAreBadThenEveryProblemIsLocatedAndNothingIsKept() throws Exception {
		QuestionBankApi county = new QuestionBankApi(this.client, "admin-dh");
		List<List<String>> rows = new ArrayList<>();
		rows.add(RosterApi.row("360102", true));
		List<String> badCode = RosterApi.row("360102", true);
		badCode.set(0, "91360100MA35F7Q46Y");
		List<String> otherCounty = RosterApi.row("360103", true);
		List<String> badScale = RosterApi.row("360102", true);
		badScale.set(4, "可能");
		List<String> badSize = RosterApi.row("360102", true);
		badSize.set(5, "巨型");
		List<String> badIndustry = RosterApi.row("360102", true);
		badIndustry.set(3, "宇宙业");
		List<String> repeated = new ArrayList<>(rows.get(0));
		rows.addAll(List.of(badCode, otherCounty, badScale, badSize, badIndustry, repeated));

		Map<String, Object> refused = RosterApi.upload(this.client, county, "名录.xlsx", RosterApi.xlsx(rows))
			.expectStatus()
			.isEqualTo(422)
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();

		List<Map<String, Object>> problems = (List<Map<String, Object>>) refused.get("problems");
		assertThat(problems).extracting((problem) -> problem.get("row") + ":" + problem.get("column"))
			.containsExactlyInAnyOrder("3:统一社会信用代码", "4:所属地区代码", "5:是否规上", "6:企业规模", "7:所属行业", "8:统一社会信用代码");
		assertThat(problems).allSatisfy((problem) -> assertThat((String) problem.get("message")).isNotBlank());
		assertThat(roster(county, "q=" + rows.get(0).get(0))).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenTheHeaderDiffersThenTheFileIsRefusedNamingTheColumn() {
		QuestionBankApi county = new QuestionBankApi(this.client, "admin-dh");
		byte[] file = ("统一社会信用代码,企业名,所属地区代码,所属行业,是否规上,企业规模,政府质量奖,重点培育\r\n").getBytes(StandardCharsets.UTF_8);
		Map<String, Object> refused = RosterApi.upload(this.client, county, "名录.csv", file)
			.expectStatus()
			.isEqualTo(422)
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat((List<Map<String, Object>>) refused.get("problems"))
			.extracting((problem) -> problem.get("row") + ":" + problem.get("column"))
			.containsExactly("1:企业名称");
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenReImportedThenTheDifferenceIsShownAndNothingChangesUntilConfirmed() throws Exception {
		QuestionBankApi city = new QuestionBankApi(this.client, "admin-nc");
		List<String> kept = RosterApi.row(COUNTY, true);
		List<String> changed = RosterApi.row(COUNTY, false);
		List<String> dropped = RosterApi.row(COUNTY, true);
		RosterApi.imported(this.client, city, List.of(kept, changed, dropped));

		List<String> changedNow = new ArrayList<>(changed);
		changedNow.set(4, "是");
		changedNow.set(6, "省长质量奖2023");
		List<String> added = RosterApi.row(COUNTY, false);
		Map<String, Object> preview = RosterApi
			.upload(this.client, city, "名录.csv",
					RosterApi.csv(List.of(kept, changedNow, added), Charset.forName("GBK")))
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();

		assertThat((List<Map<String, Object>>) preview.get("added")).extracting((row) -> row.get("creditCode"))
			.containsExactly(added.get(0));
		assertThat((List<Map<String, Object>>) preview.get("changed")).singleElement().satisfies((row) -> {
			assertThat(row).containsEntry("creditCode", changed.get(0)).containsEntry("name", changed.get(1));
			assertThat((List<String>) row.get("fields")).containsExactlyInAnyOrder("aboveScale", "qualityAward");
		});
		assertThat((List<Map<String, Object>>) preview.get("removed")).extracting((row) -> row.get("creditCode"))
			.containsExactly(dropped.get(0));
		assertThat((List<Object>) preview.get("problems")).isEmpty();
		assertThat(roster(city, "regionCode=" + COUNTY)).extracting((row) -> row.get("creditCode"))
			.contains(dropped.get(0))
			.doesNotContain(added.get(0));

		city.post("/api/v1/rosters/imports/" + preview.get("id") + "/confirmation", Map.of()).expectStatus().isOk();
		city.post("/api/v1/rosters/imports/" + preview.get("id") + "/confirmation", Map.of())
			.expectStatus()
			.isEqualTo(409);

		List<Map<String, Object>> now = roster(city, "regionCode=" + COUNTY);
		assertThat(now).extracting((row) -> row.get("creditCode"))
			.contains(kept.get(0), changed.get(0), added.get(0))
			.doesNotContain(dropped.get(0));
		assertThat(now).filteredOn((row) -> row.get("creditCode").equals(changed.get(0)))
			.singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("aboveScale", true)
				.containsEntry("cqoFiled", false)
				.containsKeys("cqoName", "trained", "certified", "ceMet", "regionCode", "name"));
		assertThat(roster(city, "regionCode=" + COUNTY + "&aboveScale=false"))
			.extracting((row) -> row.get("creditCode"))
			.contains(added.get(0))
			.doesNotContain(changed.get(0), kept.get(0));
	}

	@Test
	void aCountyAdministratorSeesNeitherAnotherCountysRosterNorItsImports() throws Exception {
		QuestionBankApi city = new QuestionBankApi(this.client, "admin-nc");
		List<String> row = RosterApi.row(COUNTY, true);
		RosterApi.imported(this.client, city, List.of(row, RosterApi.row(COUNTY, false)));
		QuestionBankApi dongHu = new QuestionBankApi(this.client, "admin-dh");

		dongHu.get("/api/v1/rosters?regionCode=" + COUNTY).expectStatus().isNotFound();
		dongHu.get("/api/v1/rosters?regionCode=360100").expectStatus().isNotFound();
		assertThat(roster(dongHu, "q=" + row.get(0))).isEmpty();
		assertThat(roster(city, "q=" + row.get(0))).hasSize(1);
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		candidate.get("/api/v1/rosters").expectStatus().isForbidden();
	}

	@Test
	void theExportIsAWorkbookWhoseTextCannotRunAsAFormula() throws Exception {
		QuestionBankApi city = new QuestionBankApi(this.client, "admin-nc");
		String code = People.creditCode(COUNTY);
		List<String> row = RosterApi.row(code, "-江西公式测试有限公司", COUNTY, true);
		row.set(6, "=HYPERLINK(\"http://x\",\"省长质量奖2023\")");
		RosterApi.imported(this.client, city, List.of(row));

		byte[] xlsx = city.get("/api/v1/rosters/export.xlsx?q=" + code)
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();

		try (ReadableWorkbook workbook = new ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).getCell(0).getText()).isEqualTo("统一社会信用代码");
			assertThat(rows.get(1).getCell(0).getText()).isEqualTo(code);
			assertThat(rows.get(1).getCell(1).getText()).isEqualTo("'-江西公式测试有限公司");
			assertThat(rows.get(1).getCell(6).getText()).isEqualTo("'=HYPERLINK(\"http://x\",\"省长质量奖2023\")");
			assertThat(rows.get(1).getCell(6).getType()).isEqualTo(org.dhatim.fastexcel.reader.CellType.STRING);
		}
	}

}
