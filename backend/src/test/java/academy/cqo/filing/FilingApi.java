package academy.cqo.filing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.testsupport.IdPhoto;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

/** Enterprises and filings through the published API, for tests. */
public final class FilingApi {

	public static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes();

	public static final byte[] PNG = IdPhoto.png(90, 126);

	private FilingApi() {
	}

	public static Map<String, Object> registration(String creditCode, String county, String username) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("creditCode", creditCode);
		body.put("name", "江西洪都精密制造有限公司" + creditCode.substring(12, 16));
		body.put("regionCode", county);
		body.put("industry", "C");
		body.put("enterpriseType", "PRIVATE");
		body.put("aboveScale", true);
		body.put("size", "MEDIUM");
		body.put("businessScope", "精密机械零部件的研发、生产和销售");
		body.put("legalRepresentative", "刘建国");
		body.put("username", username);
		body.put("password", "Qual1ty#Safe");
		body.put("contactName", "陈晓梅");
		body.put("mobile", "13807910001");
		body.put("email", username + "@example.com");
		return body;
	}

	/** An enterprise registered in a county, signed in. */
	public static QuestionBankApi enterprise(WebTestClient client, String county) {
		String username = People.username();
		client.post()
			.uri("/api/v1/enterprises/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration(People.creditCode(county), county, username))
			.exchange()
			.expectStatus()
			.isCreated();
		return new QuestionBankApi(client, username, "Qual1ty#Safe");
	}

	public static Map<String, Object> form(String fullName, String idNumber) {
		Map<String, Object> cqo = new LinkedHashMap<>();
		cqo.put("fullName", fullName);
		cqo.put("idNumber", idNumber);
		cqo.put("mobile", "13907918888");
		cqo.put("email", "cqo@example.com");
		cqo.put("address", "江西省南昌市东湖区八一大道 100 号");
		cqo.put("school", "南昌大学");
		cqo.put("major", "质量管理工程");
		cqo.put("education", "BACHELOR");
		cqo.put("professionalTitle", "INTERMEDIATE");
		cqo.put("titleName", "质量工程师");
		cqo.put("currentPost", "质量总监");
		cqo.put("qualityWorkYears", 8);
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("cqo", cqo);
		form.put("appointment", Map.of("post", "首席质量官", "fullTime", true, "startMonth", "2026-03"));
		form.put("priorTraining", Map.of("attended", true, "date", "2025-10", "organiser", "江西省市场监督管理局"));
		form.put("principal", Map.of("name", "刘建国", "post", "董事长", "phone", "0791-88886666"));
		List<Map<String, Object>> resume = new ArrayList<>();
		resume.add(Map.of("from", "2016-07", "to", "2020-12", "employer", "江西某汽车零部件公司", "post", "质量工程师", "duties",
				"来料检验与过程控制"));
		resume.add(Map.of("from", "2021-01", "to", "", "employer", "江西洪都精密制造有限公司", "post", "质量总监", "duties",
				"质量管理体系与质量攻关"));
		form.put("resume", resume);
		form.put("awards", "2024年度南昌市质量管理先进个人");
		form.put("enterpriseOpinion", "同意聘任并备案");
		form.put("remarks", "无");
		form.put("declaration", true);
		return form;
	}

	public static String create(QuestionBankApi enterprise, Map<String, Object> form) {
		return enterprise.createdId("/api/v1/filings", form);
	}

	public static WebTestClient.ResponseSpec attach(WebTestClient client, QuestionBankApi enterprise, String filing,
			String kind, String fileName, byte[] content) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("kind", kind);
		body.part("file", new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return fileName;
			}
		});
		return client.post()
			.uri("/api/v1/filings/" + filing + "/attachments")
			.headers((headers) -> headers.setBearerAuth(enterprise.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	public static void attachAll(WebTestClient client, QuestionBankApi enterprise, String filing) {
		attach(client, enterprise, filing, "APPOINTMENT_LETTER", "聘书.pdf", PDF).expectStatus().isCreated();
		attach(client, enterprise, filing, "SEALED_FORM", "备案表.pdf", PDF).expectStatus().isCreated();
		attach(client, enterprise, filing, "PHOTO", "照片.png", PNG).expectStatus().isCreated();
	}

	/** A filing drafted, complete and submitted. */
	public static String submitted(WebTestClient client, QuestionBankApi enterprise, Map<String, Object> form) {
		String filing = create(enterprise, form);
		attachAll(client, enterprise, filing);
		enterprise.post("/api/v1/filings/" + filing + "/submission", Map.of()).expectStatus().isOk();
		return filing;
	}

	public static Map<String, Object> decide(QuestionBankApi admin, String filing, Map<String, Object> decision) {
		return admin.post("/api/v1/filings/" + filing + "/decision", decision)
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
	}

	/**
	 * A row of the bulk filing import with every column filled in well.
	 * @param creditCode the enterprise's credit code
	 * @param name the CQO's name (the enterprise is named after it)
	 * @param idNumber the CQO's ID number
	 * @return the row by column
	 */
	public static Map<String, String> importRow(String creditCode, String name, String idNumber) {
		Map<String, String> row = new LinkedHashMap<>();
		academy.cqo.filing.FilingImports.COLUMNS.keySet().forEach((column) -> row.put(column, ""));
		row.put("统一社会信用代码", creditCode);
		row.put("企业名称", "南昌" + name + "质量科技有限公司");
		row.put("所属地区代码", "360102");
		row.put("所属行业", "C");
		row.put("企业类型", "民营企业");
		row.put("是否规模以上企业", "是");
		row.put("企业规模", "小型");
		row.put("经营项目及主要产品", "检测仪器");
		row.put("姓名", name);
		row.put("身份证号", idNumber);
		row.put("手机号码", "13912340000");
		row.put("电子邮箱", "cqo@example.com");
		row.put("通讯地址", "南昌市东湖区");
		row.put("毕业院校", "华东交通大学");
		row.put("专业", "机械工程");
		row.put("学历", "本科");
		row.put("职称", "中级");
		row.put("职称名称", "工程师");
		row.put("现任职务", "副总经理");
		row.put("质量工作年限", "6");
		row.put("聘任岗位", "首席质量官");
		row.put("专职/兼职", "兼职");
		row.put("聘任起始时间", "2024-05");
		row.put("是否参加过首席质量官培训", "否");
		row.put("企业负责人", "赵大江");
		row.put("负责人职务", "总经理");
		row.put("负责人联系方式", "0791-86660000");
		return row;
	}

	/**
	 * The bulk filing import as an .xlsx file, its columns in the import's order.
	 * @param rows the rows by column
	 * @return the file
	 */
	public static byte[] importWorkbook(List<Map<String, String>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "test", "1.0");
		Worksheet sheet = workbook.newWorksheet("备案");
		List<String> columns = new ArrayList<>(academy.cqo.filing.FilingImports.COLUMNS.keySet());
		for (int c = 0; c < columns.size(); c++) {
			sheet.value(0, c, columns.get(c));
		}
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < columns.size(); c++) {
				sheet.value(r + 1, c, rows.get(r).get(columns.get(c)));
			}
		}
		try {
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
