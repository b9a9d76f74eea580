package academy.cqo.filing;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.ExternalTools;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filing on paper and in spreadsheets: the 附件1 PDF carries every field (pdftotext finds
 * them) and a QR code that an independent reader decodes to the public check of the
 * number; the Excel export has a row per filing with the same fields; the city reports
 * approved filings upward once.
 */
@IntegrationTest
class FilingDocumentsIntegrationTests {

	@Autowired
	WebTestClient client;

	private String approved(QuestionBankApi enterprise, String fullName) {
		String id = FilingApi.submitted(this.client, enterprise, FilingApi.form(fullName, People.idNumber()));
		FilingApi.decide(new QuestionBankApi(this.client, "admin-dh"), id, Map.of("decision", "APPROVE"));
		return id;
	}

	@Test
	void theFilingPdfCarriesEveryFieldAndItsQrCodeOpensTheLiveCheck() throws Exception {
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, "360102");
		String id = approved(enterprise, "上官文清");
		Map<String, Object> filing = enterprise.getJson("/api/v1/filings/" + id);
		String number = (String) filing.get("filingNumber");
		byte[] pdf = enterprise.get("/api/v1/filings/" + id + "/pdf")
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
		Path file = Files.createTempFile("filing", ".pdf");
		try {
			Files.write(file, pdf);
			String text = ExternalTools.run("pdftotext", "-layout", file.toString(), "-").output().replace(" ", "");
			for (String expected : List.of("企业首席质量官信息备案表", number, "上官文清", "南昌大学", "质量管理工程", "大学本科", "中级", "质量工程师",
					"质量总监", "13907918888", "cqo@example.com", "首席质量官", "专职", "2026-03", "2025-10", "江西省市场监督管理局", "刘建国",
					"董事长", "0791-88886666", "江西某汽车零部件公司", "来料检验与过程控制", "2024年度南昌市质量管理先进个人", "同意聘任并备案",
					"精密机械零部件的研发、生产和销售", "民营企业", "中型", "东湖区")) {
				assertThat(text).as("the PDF shows " + expected).contains(expected.replace(" ", ""));
			}
			Path png = Files.createTempFile("filing", "");
			ExternalTools.run("pdftoppm", "-r", "200", "-png", "-singlefile", file.toString(), png.toString());
			String decoded = ExternalTools.run("zbarimg", "-q", "--raw", png + ".png").output().strip();
			assertThat(decoded).endsWith("/filing-checks/" + number);
			Files.deleteIfExists(Path.of(png + ".png"));
			Files.deleteIfExists(png);
		}
		finally {
			Files.deleteIfExists(file);
		}
		this.client.get()
			.uri("/api/v1/filing-checks/" + number)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("CURRENT")
			.jsonPath("$.cqoNameMasked")
			.isEqualTo("上**清");
		assertThat(this.client.get()
			.uri("/filing-checks/" + number)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("data-state=\"CURRENT\"", "上**清");
		this.client.get().uri("/api/v1/filing-checks/360102-2026-9999").exchange().expectStatus().isNotFound();
	}

	@Test
	void theExcelExportHasARowPerFilingWithTheFormsColumnsEscaped() throws Exception {
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, "360102");
		Map<String, Object> form = FilingApi.form("司马光明", People.idNumber());
		form.put("remarks", "=HYPERLINK(\"http://x\")");
		String id = FilingApi.create(enterprise, form);
		byte[] workbook = enterprise.get("/api/v1/filings.xlsx")
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (ReadableWorkbook read = new ReadableWorkbook(new ByteArrayInputStream(workbook))) {
			List<Row> rows = read.getFirstSheet().read();
			assertThat(rows).hasSize(2);
			List<String> header = rows.get(0).stream().map((cell) -> cell.getText()).toList();
			List<String> row = rows.get(1).stream().map((cell) -> (cell != null) ? cell.getText() : "").toList();
			assertThat(header).contains("姓名", "身份证号", "毕业院校", "聘任起始时间", "培训组织方", "企业负责人", "所在企业意见");
			assertThat(row).contains("司马光明", "南昌大学", "质量管理工程", "大学本科", "2026-03", "江西省市场监督管理局", "刘建国", "0791-88886666",
					"同意聘任并备案", "2024年度南昌市质量管理先进个人", "'=HYPERLINK(\"http://x\")");
			assertThat(String.join(",", row)).doesNotContain(id);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theCityReportsApprovedFilingsUpwardOnceAndTheProvinceSeesTheBatch() {
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, "360102");
		String first = approved(enterprise, "欧阳一");
		QuestionBankApi other = FilingApi.enterprise(this.client, "360102");
		String second = approved(other, "欧阳二");
		QuestionBankApi city = new QuestionBankApi(this.client, "admin-nc");
		Map<String, Object> report = city.post("/api/v1/city-reports", Map.of("filingIds", List.of(first, second)))
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat((List<String>) report.get("filingIds")).containsExactlyInAnyOrder(first, second);
		assertThat(report).containsEntry("cityCode", "360100").containsKeys("reportedAt", "filingNumbers");
		city.post("/api/v1/city-reports", Map.of("filingIds", List.of(first)))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("filingIds[0]");
		new QuestionBankApi(this.client, "admin-dh").post("/api/v1/city-reports", Map.of("all", true))
			.expectStatus()
			.isBadRequest();
		assertThat(new QuestionBankApi(this.client, "admin-jx").get("/api/v1/city-reports")
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains((String) report.get("id"));
		assertThat(enterprise.getJson("/api/v1/filings/" + first)).containsEntry("reportedIn", report.get("id"));
	}

}
