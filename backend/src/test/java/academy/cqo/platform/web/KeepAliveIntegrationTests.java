package academy.cqo.platform.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request right behind another on a kept-alive connection is answered. CI once waited a
 * minute for a token request sent after a 413 whose refused body was still arriving:
 * Reactor Netty 1.3.7 can leave such a request unread (reactor-netty#4347). A 413 now
 * closes its connection, and the server terminates the previous request's operations when
 * the next one arrives.
 */
@IntegrationTest
class KeepAliveIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void theServerRunsWithTheKeepAliveWorkaround() {
		assertThat(System.getProperty("reactor.netty.http.server.lastFlushWhenNoRead")).isEqualTo("true");
	}

	@Test
	void aRefusedOversizedBodyClosesItsConnectionAndTheNextRequestIsAnswered() {
		WebTestClient quick = this.client.mutate().responseTimeout(Duration.ofSeconds(20)).build();
		String token = Tokens.issue(quick, "admin-jx", QuestionBankApi.DEMO_PASSWORD);
		for (int i = 0; i < 20; i++) {
			quick.post()
				.uri("/api/v1/exams")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("title", "x".repeat(3 * 1024 * 1024)))
				.exchange()
				.expectStatus()
				.isEqualTo(413)
				.expectHeader()
				.valueEquals(HttpHeaders.CONNECTION, "close");
			quick.get()
				.uri("/api/v1/me")
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	@Test
	void anAnsweredRequestKeepsItsConnection() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.CONNECTION);
	}

}
