package academy.cqo.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 附件3 rounds: a county's report is pre-filled from live data, locked when submitted (the
 * live figures move on, the report does not), returned with a comment and submitted
 * again; a county that has not submitted by the deadline is shown late, one that
 * submitted after it is marked late; the summary lists every county in the 附件3 layout.
 */
@IntegrationTest
class ReportRoundIntegrationTests {

	private static final String COUNTY = "360121";

	@Autowired
	WebTestClient client;

	@Autowired
	Clock clock;

	private String round(QuestionBankApi city, LocalDate due) {
		return (String) city
			.post("/api/v1/report-rounds",
					Map.of("name", "2027-2028 年首席质量官培育计划", "planYears", List.of(2027, 2028), "dueDate", due.toString()))
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> stateOf(QuestionBankApi admin, String round, String county) {
		List<Map<String, Object>> rows = admin.get("/api/v1/report-rounds/" + round + "/submissions")
			.expectStatus()
			.isOk()
			.expectBody(List.class)
			.returnResult()
			.getResponseBody();
		return rows.stream().filter((row) -> county.equals(row.get("regionCode"))).findFirst().orElseThrow();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSubmittedReportKeepsItsFiguresWhenLiveDataChangesAndCanBeReturnedWithAComment() throws Exception {
		QuestionBankApi city = new QuestionBankApi(this.client, "admin-nc");
		QuestionBankApi county = RosterApi.countyAdmin(this.client, COUNTY);
		RosterApi.imported(this.client, county,
				List.of(RosterApi.row(COUNTY, true), RosterApi.row(COUNTY, true), RosterApi.row(COUNTY, false)));
		String round = round(city, LocalDate.now(this.clock).plusDays(30));
		String report = "/api/v1/report-rounds/" + round + "/submissions/" + COUNTY;

		assertThat(county.getJson(report)).containsEntry("state", "NOT_STARTED")
			.containsEntry("aboveScale", 2)
			.containsEntry("filed", 0);
		county.post(report + "/submission", Map.of()).expectStatus().isEqualTo(409);
		county.put(report, Map.of("plans", Map.of("2027", 1))).expectStatus().isBadRequest();
		assertThat(county.put(report, Map.of("plans", Map.of("2027", 1, "2028", 2)))
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()).containsEntry("state", "DRAFT");
		Map<String, Object> submitted = county.post(report + "/submission", Map.of())
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(submitted).containsEntry("state", "SUBMITTED")
			.containsEntry("aboveScale", 2)
			.containsEntry("late", false)
			.containsEntry("plans", Map.of("2027", 1, "2028", 2));
		assertThat(submitted.get("submittedAt")).isNotNull();

		// The live roster grows; the submitted report does not, and cannot be edited.
		List<List<String>> grown = new java.util.ArrayList<>();
		for (Map<String, Object> row : (List<Map<String, Object>>) county.get("/api/v1/rosters?regionCode=" + COUNTY)
			.expectBody(List.class)
			.returnResult()
			.getResponseBody()) {
			grown.add(RosterApi.row((String) row.get("creditCode"), (String) row.get("name"), COUNTY,
					(Boolean) row.get("aboveScale")));
		}
		grown.add(RosterApi.row(COUNTY, true));
		RosterApi.imported(this.client, county, grown);
		assertThat(county.getJson("/api/v1/reports/coverage?regionCode=" + COUNTY)).containsEntry("aboveScale", 3);
		assertThat(county.getJson(report)).containsEntry("state", "SUBMITTED").containsEntry("aboveScale", 2);
		county.put(report, Map.of("plans", Map.of("2027", 9, "2028", 9))).expectStatus().isEqualTo(409);
		assertThat(stateOf(city, round, COUNTY)).containsEntry("state", "SUBMITTED").containsEntry("aboveScale", 2);
		assertThat(stateOf(city, round, "360123")).containsEntry("state", "NOT_STARTED");

		// The county cannot return its own report; the city returns it with a comment.
		county.post(report + "/return", Map.of("comment", "自己退回")).expectStatus().isForbidden();
		city.post(report + "/return", Map.of()).expectStatus().isBadRequest();
		assertThat(city.post(report + "/return", Map.of("comment", "2028 年计划数偏低，请核实后重新报送"))
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()).containsEntry("state", "RETURNED");
		assertThat(county.getJson(report)).containsEntry("state", "RETURNED")
			.containsEntry("returnComment", "2028 年计划数偏低，请核实后重新报送")
			.containsEntry("aboveScale", 3);
		county.put(report, Map.of("plans", Map.of("2027", 2, "2028", 3))).expectStatus().isOk();
		assertThat(county.post(report + "/submission", Map.of())
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()).containsEntry("state", "SUBMITTED").containsEntry("aboveScale", 3);

		// Scope: another county's report is not found; counties cannot set rounds.
		county.get("/api/v1/report-rounds/" + round + "/submissions/360123").expectStatus().isNotFound();
		county
			.post("/api/v1/report-rounds", Map.of("name", "县级任务", "planYears", List.of(2027), "dueDate", "2027-01-31"))
			.expectStatus()
			.isForbidden();
		assertThat(county.get("/api/v1/report-rounds/" + round + "/submissions")
			.expectBody(List.class)
			.returnResult()
			.getResponseBody()).hasSize(1);
	}

	@Test
	void aCountyThatMissesTheDeadlineIsShownLateAndALateSubmissionIsMarked() throws Exception {
		QuestionBankApi city = new QuestionBankApi(this.client, "admin-nc");
		QuestionBankApi dongHu = new QuestionBankApi(this.client, "admin-dh");
		String round = round(city, LocalDate.now(this.clock).minusDays(1));
		String report = "/api/v1/report-rounds/" + round + "/submissions/360102";

		assertThat(stateOf(city, round, "360103")).containsEntry("state", "LATE");
		assertThat(stateOf(city, round, "360102")).containsEntry("state", "LATE");
		dongHu.put(report, Map.of("plans", Map.of("2027", 4, "2028", 6))).expectStatus().isOk();
		assertThat(stateOf(city, round, "360102")).containsEntry("state", "LATE");
		dongHu.post(report + "/submission", Map.of()).expectStatus().isOk();
		assertThat(stateOf(city, round, "360102")).containsEntry("state", "SUBMITTED").containsEntry("late", true);

		List<Row> rows = RosterApi.rows(RosterApi.download(city, "/api/v1/report-rounds/" + round + "/summary.xlsx"));
		assertThat(rows.get(0).getCell(0).getText()).isEqualTo("县（市、区）企业首席质量官培育计划报送表");
		assertThat(rows.get(2).getCell(0).getText()).isEqualTo("县（市、区）");
		assertThat(rows.get(2).getCell(3).getText()).isEqualTo("2027 年培育计划数");
		assertThat(rows.get(2).getCell(4).getText()).isEqualTo("2028 年培育计划数");
		Row dongHuRow = rows.stream().filter((row) -> "东湖区".equals(row.getCell(0).getText())).findFirst().orElseThrow();
		assertThat(dongHuRow.getCell(3).getText()).isEqualTo("4");
		assertThat(dongHuRow.getCell(5).getText()).isEqualTo("已报送（逾期）");
		Row xihu = rows.stream().filter((row) -> "西湖区".equals(row.getCell(0).getText())).findFirst().orElseThrow();
		assertThat(xihu.getCell(5).getText()).isEqualTo("逾期未报");
		assertThat(rows.get(rows.size() - 1).getCell(0).getText()).isEqualTo("合计");
		assertThat(rows.get(rows.size() - 1).getCell(3).getText()).isEqualTo("4");
		String text = RosterApi.pdfText(RosterApi.download(city, "/api/v1/report-rounds/" + round + "/summary.pdf"));
		assertThat(text).contains("附件3", "县（市、区）企业首席质量官培育计划报送表", "东湖区", "逾期未报", "合计");
	}

}
