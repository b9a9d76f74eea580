package academy.cqo.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

/**
 * Roles are not frozen inside API tokens (security finding 2): a token already issued
 * follows its account as it stands now, so a demoted administrator loses administration
 * at once and a locked account's tokens stop working.
 */
@IntegrationTest
class TokenStandingIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void whenAnAdministratorIsDemotedThenTheTokenIssuedBeforeLosesAdministrationAtOnce() {
		QuestionBankApi province = new QuestionBankApi(this.client, "admin-jx");
		String username = People.username();
		province
			.post("/api/v1/admin/users",
					Map.of("username", username, "password", "Qual1ty#Safe", "fullName", "孙管理", "roles",
							List.of("ADMIN"), "regionCode", "360102"))
			.expectStatus()
			.isCreated();
		QuestionBankApi county = new QuestionBankApi(this.client, username, "Qual1ty#Safe");
		county.get("/api/v1/admin/users").expectStatus().isOk();
		county.get("/api/v1/admin/users/candidate/id-number").expectStatus().isOk();

		province.put("/api/v1/admin/users/" + username + "/roles", Map.of("roles", List.of("TRAINER")))
			.expectStatus()
			.isOk();

		county.get("/api/v1/admin/users").expectStatus().isForbidden();
		county.get("/api/v1/admin/users/candidate/id-number").expectStatus().isForbidden();
		county.get("/api/v1/me").expectStatus().isOk().expectBody().jsonPath("$.roles[0]").isEqualTo("TRAINER");
	}

	/**
	 * The account's own lock needs failures from several addresses (one address only
	 * locks itself out, see {@code LoginThrottleIntegrationTests}): three machines, four
	 * failures each, stand in for a distributed guessing attack.
	 */
	@Test
	void whenAnAccountIsLockedThenItsEarlierTokenIsRefused() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		candidate.get("/api/v1/me").expectStatus().isOk();
		List<WebTestClient> machines = List.of(from("127.0.0.71"), from("127.0.0.72"), from("127.0.0.73"));
		for (int round = 0; round < 4; round++) {
			for (WebTestClient machine : machines) {
				machine.post()
					.uri("/api/v1/auth/token")
					.contentType(MediaType.APPLICATION_JSON)
					.bodyValue(Map.of("username", candidate.username(), "password", "Wrong#Pass1"))
					.exchange()
					.expectStatus()
					.isUnauthorized();
			}
		}
		candidate.get("/api/v1/me").expectStatus().isUnauthorized();
	}

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	private WebTestClient from(String address) {
		reactor.netty.http.client.HttpClient http = reactor.netty.http.client.HttpClient.create()
			.bindAddress(() -> new java.net.InetSocketAddress(address, 0));
		return WebTestClient.bindToServer(new org.springframework.http.client.reactive.ReactorClientHttpConnector(http))
			.baseUrl("http://127.0.0.1:" + this.port)
			.build();
	}

}
