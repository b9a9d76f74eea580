package academy.cqo.reporting;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

/** Roster files and their import through the API, for reporting tests. */
public final class RosterApi {

	private RosterApi() {
	}

	/** A roster row in the header's column order. */
	public static List<String> row(String creditCode, String name, String county, boolean aboveScale) {
		return new ArrayList<>(List.of(creditCode, name, county, "C", aboveScale ? "是" : "否", "中型", "", "否"));
	}

	public static List<String> row(String county, boolean aboveScale) {
		String code = People.creditCode(county);
		return row(code, "江西名录测试企业" + code.substring(10, 16) + "有限公司", county, aboveScale);
	}

	public static byte[] xlsx(List<List<String>> rows) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("名录");
		for (int c = 0; c < RosterImports.HEADER.size(); c++) {
			sheet.value(0, c, RosterImports.HEADER.get(c));
		}
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < rows.get(r).size(); c++) {
				sheet.value(r + 1, c, rows.get(r).get(c));
			}
		}
		workbook.finish();
		return out.toByteArray();
	}

	public static byte[] csv(List<List<String>> rows, Charset charset) {
		StringBuilder text = new StringBuilder(String.join(",", RosterImports.HEADER)).append("\r\n");
		for (List<String> row : rows) {
			text.append(String.join(",", row.stream().map((cell) -> "\"" + cell.replace("\"", "\"\"") + "\"").toList()))
				.append("\r\n");
		}
		return text.toString().getBytes(charset);
	}

	public static WebTestClient.ResponseSpec upload(WebTestClient client, QuestionBankApi admin, String fileName,
			byte[] file) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(file) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		return client.post()
			.uri("/api/v1/rosters/imports")
			.headers((headers) -> headers.setBearerAuth(admin.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	/** Import a roster and confirm it. */
	public static Map<String, Object> imported(WebTestClient client, QuestionBankApi admin, List<List<String>> rows)
			throws Exception {
		Map<String, Object> preview = upload(client, admin, "名录.xlsx", xlsx(rows)).expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		return admin.post("/api/v1/rosters/imports/" + preview.get("id") + "/confirmation", Map.of())
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
	}

	/** A new county administrator, signed in. */
	public static QuestionBankApi countyAdmin(WebTestClient client, String county) {
		QuestionBankApi province = new QuestionBankApi(client, "admin-jx");
		String username = People.username();
		province
			.post("/api/v1/admin/users",
					Map.of("username", username, "password", "Qual1ty#Safe", "fullName", "钱统计", "roles",
							List.of("ADMIN"), "regionCode", county))
			.expectStatus()
			.isCreated();
		return new QuestionBankApi(client, username, "Qual1ty#Safe");
	}

	/** The bytes of a download. */
	static byte[] download(QuestionBankApi admin, String path) {
		return admin.get(path).expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
	}

	/** The rows of a workbook's first sheet. */
	static List<org.dhatim.fastexcel.reader.Row> rows(byte[] xlsx) throws java.io.IOException {
		try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
				new java.io.ByteArrayInputStream(xlsx))) {
			return workbook.getFirstSheet().read();
		}
	}

	/** The text of a PDF as pdftotext reads it. */
	static String pdfText(byte[] pdf) throws java.io.IOException {
		java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".pdf");
		try {
			java.nio.file.Files.write(file, pdf);
			return academy.cqo.testsupport.ExternalTools
				.run("pdftotext", "-layout", "-enc", "UTF-8", file.toString(), "-")
				.output();
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
	}

}
