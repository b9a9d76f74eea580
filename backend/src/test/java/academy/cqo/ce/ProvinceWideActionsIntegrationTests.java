package academy.cqo.ce;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.Eventually;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Province-wide actions follow jurisdiction (security finding 4): closing a CE year is an
 * action of a province's administrator for that province only; a bulk certificate issue
 * covers the candidates of the caller's jurisdiction and each jurisdiction has its own
 * job; a year in a path is checked (2000 to next year) and refused with 400 naming the
 * field, never a 500.
 */
@IntegrationTest
class ProvinceWideActionsIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	MutableClock clock;

	private QuestionBankApi candidateIn(String regionCode) {
		String username = People.username();
		this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(People.registration(username, People.idNumber(), regionCode))
			.exchange()
			.expectStatus()
			.isCreated();
		return new QuestionBankApi(this.client, username, "Qual1ty#Safe");
	}

	@ParameterizedTest(name = "{0} closing CE year 2001: {1}")
	@CsvSource({ "admin-jx, 200", "admin-nc, 403", "admin-dh, 403", "trainer, 403", "candidate, 403" })
	void closingAYearIsAProvinceAction(String username, int status) {
		new QuestionBankApi(this.client, username).post("/api/v1/admin/ce/years/2001/closing", Map.of())
			.expectStatus()
			.isEqualTo(status);
	}

	@ParameterizedTest(name = "closing year {0} is refused naming the year")
	@ValueSource(strings = { "0", "-999999999", "1999", "99999", "-2147483648", "99999999999" })
	void closingAnAbsurdYearIsRefusedNamingTheYear(String year) {
		new QuestionBankApi(this.client, "admin-jx").post("/api/v1/admin/ce/years/" + year + "/closing", Map.of())
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("year");
	}

	@ParameterizedTest(name = "a holder asking for {0} is refused naming the year")
	@ValueSource(strings = { "/api/v1/me/ce/-2147483648", "/api/v1/me/ce/0", "/api/v1/me/ce/99999",
			"/api/v1/me/ce/-5/transcript.pdf", "/api/v1/me/ce/99999/transcript.pdf", "/api/v1/me/ce/99999999999" })
	void aHoldersAbsurdYearIsRefusedNamingTheYear(String path) {
		new QuestionBankApi(this.client, "candidate").get(path)
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("year");
	}

	@ParameterizedTest(name = "the page {0} answers 400, not 500")
	@ValueSource(strings = { "/ce/-2147483648", "/ce/99999", "/ce/0/transcript.pdf" })
	void theCePagesRefuseAbsurdYears(String path) {
		PageSession page = PageSession.signIn(this.client, "candidate", QuestionBankApi.DEMO_PASSWORD);
		this.client.get()
			.uri(path)
			.cookie("SESSION", page.cookie())
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void aProvinceClosesItsYearForItsOwnHoldersOnly() {
		QuestionBankApi jiangxi = candidateIn("360102");
		QuestionBankApi shandong = candidateIn("370102");
		int year = LocalDate.now(this.clock).getYear();
		Duration toNextYear = Duration.ofDays(366);
		this.clock.advance(toNextYear);
		try {
			new QuestionBankApi(this.client, "admin-jx").post("/api/v1/admin/ce/years/" + year + "/closing", Map.of())
				.expectStatus()
				.isOk();
		}
		finally {
			this.clock.advance(toNextYear.negated());
		}
		assertThat(jiangxi.getJson("/api/v1/me/ce/" + year)).containsEntry("closed", true);
		assertThat(shandong.getJson("/api/v1/me/ce/" + year)).as("another province's holder stays open")
			.containsEntry("closed", false);
	}

	@Test
	void aCountysBulkIssueCoversItsCandidatesAndNeitherBlocksNorShowsAsTheProvinces() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		Qualification.pass(candidateIn("360103"), trainer);
		String job = "/api/v1/admin/exam-sessions/" + Qualification.SESSION + "/certificates/job";
		String start = "/api/v1/admin/exam-sessions/" + Qualification.SESSION + "/certificates";
		QuestionBankApi county = new QuestionBankApi(this.client, "admin-dh");
		QuestionBankApi province = new QuestionBankApi(this.client, "admin-jx");
		county.post(start, Map.of()).expectStatus().isAccepted();
		Eventually.await("the county's bulk issue finishes", Duration.ofSeconds(60),
				() -> Boolean.FALSE.equals(county.getJson(job).get("running")));
		Map<String, Object> countyJob = county.getJson(job);
		assertThat(countyJob).containsEntry("regionCode", "360102").containsEntry("startedBy", "admin-dh");
		Map<String, Object> provincesView = province.get(job)
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(String.valueOf(provincesView.get("startedBy"))).as("the province sees its own job, or none")
			.isNotEqualTo("admin-dh");
		province.post(start, Map.of()).expectStatus().isAccepted();
		Eventually.await("the province's bulk issue finishes", Duration.ofSeconds(60),
				() -> Boolean.FALSE.equals(province.getJson(job).get("running")));
		Map<String, Object> provinceJob = province.getJson(job);
		assertThat((Integer) provinceJob.get("total"))
			.as("the province counts the pass in 西湖区 (360103) that the county of 东湖区 does not")
			.isGreaterThan((Integer) countyJob.get("total"));
		assertThat(county.getJson(job)).containsEntry("startedBy", "admin-dh");
	}

}
