package academy.cqo.filing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Existing filings imported from the spreadsheet bureaus keep: a file with bad rows is
 * refused whole with every problem located by row and column and nothing written; a good
 * file becomes approved, numbered filings that are their enterprises' current CQOs.
 */
@IntegrationTest
class FilingImportIntegrationTests {

	@Autowired
	WebTestClient client;

	private WebTestClient.ResponseSpec upload(QuestionBankApi admin, byte[] file) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(file) {
			@Override
			public String getFilename() {
				return "备案.xlsx";
			}
		});
		return this.client.post()
			.uri("/api/v1/filings/imports")
			.headers((headers) -> headers.setBearerAuth(admin.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenFiveRowsAreBadThenEveryProblemIsLocatedAndNothingIsWritten() throws Exception {
		QuestionBankApi admin = new QuestionBankApi(this.client, "admin-dh");
		List<Map<String, String>> rows = new ArrayList<>();
		rows.add(FilingApi.importRow(People.creditCode("360102"), "吴甲", People.idNumber()));
		Map<String, String> badCode = FilingApi.importRow("91360100MA35F7Q46Y", "吴乙", People.idNumber());
		Map<String, String> badId = FilingApi.importRow(People.creditCode("360102"), "吴丙", "360102198503151230");
		Map<String, String> badMonth = FilingApi.importRow(People.creditCode("360102"), "吴丁", People.idNumber());
		badMonth.put("聘任起始时间", "去年五月");
		Map<String, String> otherCounty = FilingApi.importRow(People.creditCode("360103"), "吴戊", People.idNumber());
		otherCounty.put("所属地区代码", "360103");
		Map<String, String> badEducation = FilingApi.importRow(People.creditCode("360102"), "吴己", People.idNumber());
		badEducation.put("学历", "留学");
		rows.addAll(List.of(badCode, badId, badMonth, otherCounty, badEducation));
		String before = admin.get("/api/v1/filings").expectBody(String.class).returnResult().getResponseBody();

		Map<String, Object> refused = upload(admin, FilingApi.importWorkbook(rows)).expectStatus()
			.isEqualTo(422)
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		List<Map<String, Object>> problems = (List<Map<String, Object>>) refused.get("problems");
		assertThat(problems).extracting((problem) -> problem.get("row") + ":" + problem.get("column"))
			.containsExactlyInAnyOrder("3:统一社会信用代码", "4:身份证号", "5:聘任起始时间", "6:所属地区代码", "7:学历");
		assertThat(problems).allSatisfy((problem) -> assertThat((String) problem.get("message")).isNotBlank());
		assertThat(admin.get("/api/v1/filings").expectBody(String.class).returnResult().getResponseBody())
			.isEqualTo(before);
		assertThat(admin.get("/api/v1/enterprises?q=" + rows.get(0).get("统一社会信用代码"))
			.expectBody(List.class)
			.returnResult()
			.getResponseBody()).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void whenTheFileIsGoodThenEachRowIsAnApprovedNumberedFilingAndItsEnterprisesCurrentCqo() throws Exception {
		QuestionBankApi admin = new QuestionBankApi(this.client, "admin-dh");
		String first = People.creditCode("360102");
		String second = People.creditCode("360102");
		Map<String, Object> imported = upload(admin,
				FilingApi.importWorkbook(List.of(FilingApi.importRow(first, "吴庚", People.idNumber()),
						FilingApi.importRow(second, "吴辛", People.idNumber()))))
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(imported).containsEntry("imported", 2).containsEntry("enterprisesCreated", 2);
		Map<String, Object> cqo = admin.getJson("/api/v1/enterprises/" + first + "/cqo");
		Map<String, Object> current = (Map<String, Object>) cqo.get("current");
		assertThat(current).containsEntry("fullName", "吴庚").containsEntry("since", "2024-05");
		assertThat((String) current.get("filingNumber")).matches("360102-20\\d\\d-\\d{4}");
		Map<String, Object> filing = admin.getJson("/api/v1/filings/" + current.get("filingId"));
		assertThat(filing).containsEntry("state", "APPROVED");
		assertThat((Map<String, Object>) filing.get("appointment")).containsEntry("fullTime", false);
		assertThat((Map<String, Object>) filing.get("enterprise")).containsEntry("enterpriseType", "PRIVATE")
			.containsEntry("size", "SMALL");
		assertThat((Map<String, Object>) filing.get("cqo")).containsEntry("education", "BACHELOR")
			.containsEntry("professionalTitle", "INTERMEDIATE");

		// the enterprise registers later and takes over its record
		String username = People.username();
		this.client.post()
			.uri("/api/v1/enterprises/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(FilingApi.registration(first, "360102", username))
			.exchange()
			.expectStatus()
			.isCreated();
		QuestionBankApi enterprise = new QuestionBankApi(this.client, username, "Qual1ty#Safe");
		assertThat(enterprise.getJson("/api/v1/enterprises/" + first + "/cqo").get("current").toString())
			.contains("吴庚");
	}

}
