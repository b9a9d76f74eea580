package academy.cqo.certificate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.exam.AttemptPassed;
import academy.cqo.identity.Accounts;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody certifies themselves (security finding 1): staff who can read the question keys
 * cannot sit the exams drawn from those banks, a qualifying exam admits only candidates
 * with verified real-name data, an administrator cannot create a candidate without it,
 * and a certificate is never issued to an account without an ID number.
 */
@IntegrationTest
class SelfCertificationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	Issuing issuing;

	@Autowired
	CertificateStore store;

	@Autowired
	Accounts accounts;

	@ParameterizedTest(name = "{0} cannot start the qualifying session")
	@ValueSource(strings = { "trainer", "admin-jx", "admin-nc", "admin-dh" })
	void whenStaffWhoReadTheKeysStartTheQualifyingSessionThenRefused(String username) {
		QuestionBankApi staff = new QuestionBankApi(this.client, username);
		staff.post("/api/v1/exam-sessions/" + Qualification.SESSION + "/attempts", Map.of())
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("exam.attempt.readsKeys");
	}

	@ParameterizedTest(name = "{0} cannot start the practice session drawn from the official bank")
	@ValueSource(strings = { "trainer", "admin-dh" })
	void whenStaffStartAPracticeSessionOfBanksTheyReadThenRefused(String username) {
		new QuestionBankApi(this.client, username)
			.post("/api/v1/exam-sessions/demo-practice-session/attempts", Map.of())
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("exam.attempt.readsKeys");
	}

	@Test
	void whenARealNameCandidateStartsTheQualifyingSessionThenAdmitted() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		candidate.uploadIdPhoto().expectStatus().isNoContent();
		candidate.post("/api/v1/exam-sessions/" + Qualification.SESSION + "/attempts", Map.of())
			.expectStatus()
			.isCreated();
	}

	@Test
	void whenAnAdministratorCreatesACandidateWithoutRealNameDataThenRefusedOnRoles() {
		QuestionBankApi admin = new QuestionBankApi(this.client, "admin-jx");
		admin
			.post("/api/v1/admin/users",
					Map.of("username", People.username(), "password", "Qual1ty#Safe", "fullName", "王冒名", "roles",
							List.of("CANDIDATE"), "regionCode", "360102"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("roles")
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity.roles.candidateNeedsRealName");
	}

	@Test
	void whenAStaffAccountIsGivenTheCandidateRoleWithoutAnIdNumberThenRefused() {
		QuestionBankApi admin = new QuestionBankApi(this.client, "admin-jx");
		String username = People.username();
		admin
			.post("/api/v1/admin/users", Map.of("username", username, "password", "Qual1ty#Safe", "fullName", "赵讲师",
					"roles", List.of("TRAINER"), "regionCode", "360102"))
			.expectStatus()
			.isCreated();
		admin.put("/api/v1/admin/users/" + username + "/roles", Map.of("roles", List.of("TRAINER", "CANDIDATE")))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity.roles.candidateNeedsRealName");
		assertThat(admin.getJson("/api/v1/admin/users/" + username).get("roles").toString())
			.doesNotContain("CANDIDATE");
	}

	@Test
	void whenAPassReachesTheCertificateModuleForAnAccountWithoutAnIdNumberThenNoCertificateIsIssued() {
		String trainerId = this.accounts.profileByUsername("trainer").block().accountId();
		String attemptId = "forged-" + UUID.randomUUID();
		AttemptPassed pass = new AttemptPassed(attemptId, "demo-qualifying-exam", "资格考核", true, Qualification.SESSION,
				trainerId, 100, 100, Instant.now());
		StepVerifier.create(this.issuing.intake(pass)).expectNextCount(1).verifyComplete();
		StepVerifier.create(this.issuing.issue("attempt:" + attemptId)).verifyComplete();
		CertificateDocument stored = this.store.find("attempt:" + attemptId).block();
		assertThat(stored.stage()).isEqualTo(CertificateStage.FAILED.name());
		assertThat(stored.failureKey()).isEqualTo("certificate.failure.noIdNumber");
		assertThat(stored.number()).as("no number is taken").isNull();
		assertThat(stored.token()).as("nothing is signed").isNull();
	}

}
