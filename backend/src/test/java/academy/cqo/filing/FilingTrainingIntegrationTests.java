package academy.cqo.filing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.PageSession;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

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

}
