package academy.cqo.ce;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

/**
 * Nobody decides their own CE claim (security finding 7), as a role × action matrix: a
 * claim filed by the province's administrator, and one filed by a candidate of 东湖区, each
 * decided by every role. The claimant is refused with 403 saying why; others follow
 * jurisdiction (404 outside it) and role (403 for non-administrators).
 */
@IntegrationTest
class OwnClaimIntegrationTests {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes();

	@Autowired
	WebTestClient client;

	private String pendingClaim(QuestionBankApi holder) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		Map.of("activityType", "CONFERENCE", "title", "全国质量大会", "organiser", "中国质量协会", "date",
				LocalDate.now().toString(), "hours", "2", "professional", "true")
			.forEach(body::part);
		body.part("evidence", new ByteArrayResource(PDF) {
			@Override
			public String getFilename() {
				return "证明.pdf";
			}
		});
		Map<String, Object> claim = this.client.post()
			.uri("/api/v1/me/ce/" + LocalDate.now().getYear() + "/claims")
			.headers((headers) -> headers.setBearerAuth(holder.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		return (String) claim.get("id");
	}

	private QuestionBankApi actor(String name, QuestionBankApi claimant) {
		if (name.equals("claimant")) {
			return claimant;
		}
		if (name.equals("otherProvinceAdmin")) {
			String username = People.username();
			new QuestionBankApi(this.client, "admin-jx")
				.post("/api/v1/admin/users", Map.of("username", username, "password", "Qual1ty#Safe", "fullName", "周管理",
						"roles", List.of("ADMIN"), "regionCode", "360000"))
				.expectStatus()
				.isCreated();
			return new QuestionBankApi(this.client, username, "Qual1ty#Safe");
		}
		if (name.equals("candidate")) {
			return QuestionBankApi.newCandidate(this.client);
		}
		return new QuestionBankApi(this.client, name);
	}

	@ParameterizedTest(name = "{0} deciding the province administrator''s own claim: {1}")
	@CsvSource({ "claimant, 403", "otherProvinceAdmin, 200", "admin-nc, 404", "admin-dh, 404", "trainer, 403",
			"candidate, 403" })
	void anAdministratorsOwnClaim(String decider, int status) {
		String username = People.username();
		new QuestionBankApi(this.client, "admin-jx")
			.post("/api/v1/admin/users",
					Map.of("username", username, "password", "Qual1ty#Safe", "fullName", "吴管理", "roles",
							List.of("ADMIN"), "regionCode", "360000"))
			.expectStatus()
			.isCreated();
		QuestionBankApi claimant = new QuestionBankApi(this.client, username, "Qual1ty#Safe");
		String claim = pendingClaim(claimant);
		WebTestClient.ResponseSpec response = actor(decider, claimant)
			.post("/api/v1/admin/ce/claims/" + claim + "/decision", Map.of("approve", true));
		response.expectStatus().isEqualTo(status);
		if (decider.equals("claimant")) {
			claimant.post("/api/v1/admin/ce/claims/" + claim + "/decision", Map.of("approve", true))
				.expectBody()
				.jsonPath("$.errors[0].code")
				.isEqualTo("ce.claim.ownClaim")
				.jsonPath("$.errors[0].message")
				.value((message) -> org.assertj.core.api.Assertions.assertThat((String) message).contains("不能审核自己"));
		}
	}

	@ParameterizedTest(name = "{0} deciding a candidate''s claim in 东湖区: {1}")
	@CsvSource({ "admin-jx, 200", "admin-nc, 200", "admin-dh, 200", "trainer, 403" })
	void aCandidatesClaim(String decider, int status) {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String claim = pendingClaim(candidate);
		actor(decider, candidate).post("/api/v1/admin/ce/claims/" + claim + "/decision", Map.of("approve", true))
			.expectStatus()
			.isEqualTo(status);
	}

}
