package academy.cqo.platform;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;

/**
 * The content start-up tasks run after readiness and say when they are done on a probe of
 * their own ({@link StartupTasksTests} shows the phases).
 */
@IntegrationTest
class StartupContentIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void onceTheContentIsLoadedTheContentProbeIsUpBesideReadiness() {
		this.client.get()
			.uri("/actuator/health/content")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

}
