package academy.cqo.testsupport;

import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * API access tokens for tests, obtained the way a client does.
 */
public final class Tokens {

	private Tokens() {
	}

	public static WebTestClient.ResponseSpec request(WebTestClient client, String username, String password) {
		return client.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", password))
			.exchange();
	}

	public static String issue(WebTestClient client, String username, String password) {
		Map<?, ?> body = request(client, username, password).expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return String.valueOf(body.get("accessToken"));
	}

}
