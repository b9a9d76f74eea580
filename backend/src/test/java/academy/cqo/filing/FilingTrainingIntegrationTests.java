package academy.cqo.filing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.Qualification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filings tied to training (先聘任后培训): a session may admit only filed CQOs, the filing
 * shows the CQO's training, exams, certificate and CE standing, and the certificate and
 * the talent pool show the enterprise and the filing number.
 */
@IntegrationTest
class FilingTrainingIntegrationTests {

	@Autowired
	WebTestClient client;

	private static final String PASSWORD = "Qual1ty#Safe";

	/** A new candidate in 东湖区 with a known ID number. */
	private QuestionBankApi candidate(String idNumber) {
		Map<String, Object> changes = new HashMap<>();
		changes.put("idNumber", idNumber);
		return QuestionBankApi.newCandidate(this.client, changes);
	}

	/** The candidate filed as an enterprise's CQO and approved by 东湖区. */
	private Map<String, Object> approvedFiling(String fullName, String idNumber) {
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, "360102");
		String filing = FilingApi.submitted(this.client, enterprise, FilingApi.form(fullName, idNumber));
		return FilingApi.decide(new QuestionBankApi(this.client, "admin-dh"), filing, Map.of("decision", "APPROVE"));
	}

	@Test
	void aSessionForFiledCqosRefusesACandidateWithoutAnApprovedFilingWithTheReasonAndAdmitsOneWithIt() {
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		Instant now = Instant.now();
		Map<String, Object> definition = new HashMap<>(Map.of("examId", "demo-practice-exam", "title", "已备案首席质量官专场",
				"opensAt", now.minusSeconds(60).toString(), "closesAt", now.plus(Duration.ofDays(2)).toString(),
				"requiresFiling", true));
		Map<String, Object> created = trainer.post("/api/v1/exam-sessions", definition)
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(created).containsEntry("requiresFiling", true);
		String session = (String) created.get("id");
		String idNumber = People.idNumber();
		QuestionBankApi candidate = candidate(idNumber);
		String refusal = candidate.post("/api/v1/exam-sessions/" + session + "/attempts", Map.of())
			.expectStatus()
			.isEqualTo(409)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(refusal).contains("先聘任后培训", "备案");
		PageSession page = PageSession.signIn(this.client, candidate.username(), PASSWORD);
		assertThat(page.page("/exams/sessions/" + session)).contains("id=\"filing-missing\"")
			.doesNotContain("id=\"start-form\"");

		QuestionBankApi plain = candidate(People.idNumber());
		String open = trainer.openSession("demo-practice-exam", "普通场次", now.minusSeconds(60),
				now.plus(Duration.ofDays(2)));
		plain.post("/api/v1/exam-sessions/" + open + "/attempts", Map.of()).expectStatus().isCreated();

		assertThat(approvedFiling("何备案", idNumber)).containsEntry("state", "APPROVED");
		assertThat(page.page("/exams/sessions/" + session)).contains("id=\"filing-ok\"", "id=\"start-form\"")
			.doesNotContain("id=\"filing-missing\"");
		candidate.post("/api/v1/exam-sessions/" + session + "/attempts", Map.of()).expectStatus().isCreated();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theFilingShowsTheCqosTrainingAndTheCertificateAndTalentPoolShowTheFilingAlsoAfterItEnded() {
		String idNumber = People.idNumber();
		QuestionBankApi candidate = candidate(idNumber);
		Map<String, Object> certificate = Qualification.pass(candidate, new QuestionBankApi(this.client, "trainer"));
		String certificateNumber = (String) certificate.get("number");
		String username = People.username();
		this.client.post()
			.uri("/api/v1/enterprises/register")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.bodyValue(FilingApi.registration(People.creditCode("360102"), "360102", username))
			.exchange()
			.expectStatus()
			.isCreated();
		QuestionBankApi enterprise = new QuestionBankApi(this.client, username, PASSWORD);
		Map<String, Object> recorded = enterprise.post("/api/v1/filings/prior-training", Map.of("idNumber", idNumber))
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(recorded).containsEntry("attended", true)
			.containsEntry("date", ((String) certificate.get("issuedOn")).substring(0, 7));
		assertThat((String) recorded.get("organiser")).isNotBlank();
		assertThat(enterprise.post("/api/v1/filings/prior-training", Map.of("idNumber", People.idNumber()))
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()).containsEntry("attended", false);
		enterprise.post("/api/v1/filings/prior-training", Map.of("idNumber", "360102198503151230"))
			.expectStatus()
			.isBadRequest()
			.expectBody(String.class)
			.value((problem) -> assertThat(problem).contains("idNumber"));
		Map<String, Object> form = FilingApi.form("严培训", idNumber);
		form.remove("priorTraining");
		String filing = FilingApi.submitted(this.client, enterprise, form);
		assertThat((Map<String, Object>) enterprise.getJson("/api/v1/filings/" + filing).get("priorTraining"))
			.as("pre-filled from the platform's records")
			.isEqualTo(recorded);
		QuestionBankApi county = new QuestionBankApi(this.client, "admin-dh");
		String filingNumber = (String) FilingApi.decide(county, filing, Map.of("decision", "APPROVE"))
			.get("filingNumber");

		Map<String, Object> filed = enterprise.getJson("/api/v1/filings/" + filing);
		String enterpriseName = (String) ((Map<String, Object>) filed.get("enterprise")).get("name");
		Map<String, Object> training = (Map<String, Object>) filed.get("training");
		assertThat(training).containsEntry("registered", true);
		assertThat((List<Map<String, Object>>) training.get("certificates")).extracting((c) -> c.get("number"))
			.containsExactly(certificateNumber);
		assertThat((List<Map<String, Object>>) training.get("exams"))
			.anySatisfy((exam) -> assertThat(exam).containsEntry("passed", true));
		assertThat((Map<String, Object>) training.get("ce")).containsKeys("year", "requiredHours", "earnedHours",
				"status");
		assertThat(PageSession.signIn(this.client, username, PASSWORD).page("/filings/" + filing))
			.contains("id=\"cqo-training\"", certificateNumber);

		Map<String, Object> verdict = verdict(certificate);
		assertThat((Map<String, Object>) verdict.get("appointment")).containsEntry("filingNumber", filingNumber)
			.containsEntry("enterpriseName", enterpriseName)
			.containsEntry("endMonth", null);
		assertThat(PageSession.signIn(this.client, candidate.username(), PASSWORD)
			.page("/certificates/" + certificate.get("id"))).contains("id=\"certificate-appointment\"", filingNumber);
		assertThat(poolEntry(county, certificateNumber)).containsEntry("filingNumber", filingNumber)
			.containsEntry("endMonth", null);

		String dismissal = (String) enterprise
			.post("/api/v1/filings/" + filing + "/dismissal", Map.of("endMonth", "2026-11", "reason", "个人原因离职"))
			.expectStatus()
			.is2xxSuccessful()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		FilingApi.decide(county, dismissal, Map.of("decision", "APPROVE"));
		assertThat(poolEntry(county, certificateNumber)).as("still in the pool, with the end shown")
			.containsEntry("filingNumber", filingNumber)
			.containsEntry("endMonth", "2026-11");
		assertThat((Map<String, Object>) verdict(certificate).get("appointment")).containsEntry("endMonth", "2026-11");
	}

	private Map<String, Object> verdict(Map<String, Object> certificate) {
		return this.client.get()
			.uri("/api/v1/verifications/" + Qualification.token(certificate))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> poolEntry(QuestionBankApi admin, String certificateNumber) {
		List<Map<String, Object>> items = (List<Map<String, Object>>) admin
			.getJson("/api/v1/talent-pool?q=" + certificateNumber)
			.get("items");
		assertThat(items).hasSize(1);
		return (Map<String, Object>) items.get(0).get("appointment");
	}

	@Test
	void theCountyHearsOfASubmissionTheCqoOfTheFilingAndTheEnterpriseOfEachDecision() {
		String idNumber = People.idNumber();
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, "360102");
		String filing = FilingApi.create(enterprise, FilingApi.form("郝通知", idNumber));
		FilingApi.attachAll(this.client, enterprise, filing);
		QuestionBankApi candidate = candidate(idNumber);
		enterprise.post("/api/v1/filings/" + filing + "/submission", Map.of()).expectStatus().isOk();
		QuestionBankApi county = new QuestionBankApi(this.client, "admin-dh");
		assertThat(notices(county, filing)).contains("filing.notice.submitted");
		assertThat(notices(candidate, "/")).as("registered after the draft, linked at submission")
			.contains("filing.notice.filed");
		FilingApi.decide(county, filing,
				Map.of("decision", "RETURN", "comments", List.of(Map.of("field", "cqo.major", "message", "请写全称"))));
		assertThat(notices(enterprise, filing)).contains("filing.notice.returned");
		enterprise.post("/api/v1/filings/" + filing + "/submission", Map.of()).expectStatus().isOk();
		FilingApi.decide(county, filing, Map.of("decision", "APPROVE"));
		assertThat(notices(enterprise, filing)).contains("filing.notice.approved");
		assertThat(notices(candidate, "/")).contains("filing.notice.approvedCqo");
		assertThat(new QuestionBankApi(this.client, "admin-nc").getJson("/api/v1/me/notifications").toString())
			.as("the county decides, not the city")
			.doesNotContain("/filings/" + filing);
	}

	/**
	 * The message keys of the reader's notices that link to a filing (or, for "/", any).
	 */
	@SuppressWarnings("unchecked")
	private List<Object> notices(QuestionBankApi reader, String filing) {
		return ((List<Map<String, Object>>) reader.getJson("/api/v1/me/notifications").get("items")).stream()
			.filter((notice) -> "/".equals(filing) || ("/filings/" + filing).equals(notice.get("link")))
			.map((notice) -> notice.get("messageKey"))
			.toList();
	}

}
