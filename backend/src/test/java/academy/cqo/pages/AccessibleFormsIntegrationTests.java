package academy.cqo.pages;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.PageForm;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.Studying;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms and long pages that work for everyone: a refused registration names each field in
 * its error, marks required fields and keeps the password; the study page says why 下一章
 * waits; a session's attempts are searched and paged.
 */
@IntegrationTest
class AccessibleFormsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	MutableClock clock;

	@Test
	void aRefusedRegistrationNamesTheFieldsMarksTheRequiredOnesAndKeepsThePassword() {
		PageForm form = PageForm.open(this.client, "/register");
		assertThat(form.html()).contains("class=\"required\"", "id=\"required-note\"");
		String page = this.client.post()
			.uri("/register")
			.cookie("SESSION", form.session())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("_csrf", form.csrfToken())
				.with("username", People.username())
				.with("password", "Qual1ty#Safe")
				.with("fullName", "李质量")
				.with("idNumber", "360102198503151230")
				.with("mobile", "13912345678")
				.with("email", "x@example.com")
				.with("regionCode", "360102")
				.with("employerName", "江西省质量示范企业有限公司")
				.with("employerCreditCode", People.CREDIT_CODE)
				.with("employerIndustry", "C"))
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("id=\"idNumber-error\"")
			.containsPattern("id=\"idNumber-error\">身份证号[^<]*：")
			.contains("value=\"Qual1ty#Safe\"");
	}

	@Test
	void aLockedNextModuleIsADisabledButtonWithItsReason() {
		QuestionBankApi api = QuestionBankApi.newCandidate(this.client);
		new Studying(api, this.clock).enrol("cqo-foundation");
		String study = PageSession.signIn(this.client, api.username(), "Qual1ty#Safe").page("/study/cqo-system");
		assertThat(study).contains("id=\"next-locked\"", "disabled", "id=\"next-reason\"", "完成本章", "id=\"lesson-toc\"")
			.doesNotContainPattern("id=\"next-locked\" hidden");
	}

	@Test
	void aSessionsAttemptsAreCountedSearchedAndPaged() {
		PageSession trainer = PageSession.signIn(this.client, "trainer", QuestionBankApi.DEMO_PASSWORD);
		String all = trainer.page("/manage/sessions/demo-practice-session");
		assertThat(all).contains("id=\"attempts-count\"", "id=\"attempt-search\"");
		String none = trainer.page("/manage/sessions/demo-practice-session?q=nobody-by-this-name");
		assertThat(none).contains("当前筛选 0 人次").doesNotContain("data-attempt=");
	}

	@Test
	void theAuditLogIsFilteredPagedAndExported() {
		PageSession admin = PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD);
		String page = admin.page("/admin/audit?action=LOGIN_SUCCEEDED");
		assertThat(page).contains("id=\"audit-filter\"", "id=\"audit-count\"", "id=\"audit-export\"", "登录成功");
		assertThat(admin.page("/admin/audit?q=nobody-by-this-name")).contains("共 0 条");
		byte[] workbook = this.client.get()
			.uri("/admin/audit.xlsx?action=LOGIN_SUCCEEDED")
			.cookie("SESSION", admin.cookie())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(new String(workbook, 0, 2)).isEqualTo("PK");
	}

	@Test
	void regionsArePickedByNameWithinTheJurisdictionNotTypedAsCodes() {
		PageSession county = PageSession.signIn(this.client, "admin-dh", QuestionBankApi.DEMO_PASSWORD);
		assertThat(county.page("/admin/users/new"))
			.contains("<select id=\"regionCode\"",
					"<option value=\"360102\" selected=\"selected\">江西省 南昌市 东湖区</option>")
			.doesNotContain("value=\"360000\"");
		PageSession province = PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD);
		assertThat(province.page("/admin/talent-pool")).contains("<select id=\"regionCode\"",
				"<option value=\"360100\">江西省 南昌市</option>", "<option value=\"360102\">江西省 南昌市 东湖区</option>");
		String sessions = PageSession.signIn(this.client, "trainer", QuestionBankApi.DEMO_PASSWORD)
			.page("/manage/exams");
		assertThat(sessions).as("a session's region scope is picked by name, stored as the code prefix")
			.contains("<select id=\"regionScope\"", "<option value=\"3601\">江西省 南昌市</option>",
					"<option value=\"360102\">江西省 南昌市 东湖区</option>", "<option value=\"36\">江西省</option>");
	}

}
