package academy.cqo.filing;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The city's upward-report page (select approved filings of its counties, confirm the
 * batch, list of batches) and the province's overview (filings by county and state, the
 * batches received).
 */
@IntegrationTest
class FilingReportPagesIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void theCityConfirmsABatchOfItsApprovedFilingsAndTheProvinceSeesItWithTheCountsByCounty() {
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, "360102");
		String filing = FilingApi.submitted(this.client, enterprise, FilingApi.form("蔡报送", People.idNumber()));
		String number = (String) FilingApi
			.decide(new QuestionBankApi(this.client, "admin-dh"), filing, Map.of("decision", "APPROVE"))
			.get("filingNumber");
		PageSession city = PageSession.signIn(this.client, "admin-nc", QuestionBankApi.DEMO_PASSWORD);
		assertThat(city.page("/filings/reports")).contains("id=\"report-form\"", "pick-" + filing, number);
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("filingIds", filing);
		city.post("/filings/reports", "/filings/reports", form).expectStatus().is3xxRedirection();
		String after = city.page("/filings/reports");
		assertThat(after).doesNotContain("pick-" + filing).contains("id=\"batches\"", number);
		String province = PageSession.signIn(this.client, "admin-jx", QuestionBankApi.DEMO_PASSWORD)
			.page("/filings/reports");
		assertThat(province).contains("id=\"counts\"", "东湖区", number).doesNotContain("id=\"report-form\"");
	}

}
