package academy.cqo.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.platform.store.EmbeddedMongoServer;
import academy.cqo.testsupport.ApplicationProcess;
import academy.cqo.testsupport.PageSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started as {@code run.sh} starts it, with Spring AOT's generated bean
 * definitions ({@code -Dspring.aot.enabled=true}): it becomes ready and serves sign-in
 * and pages, and the settings that add or remove beans are honoured at run time although
 * the build processed the context with none of them set: the store
 * ({@code CQO_MONGODB_URI}), the SMTP server ({@code SPRING_MAIL_HOST}) and the reverse
 * proxy's headers ({@code CQO_FORWARD_HEADERS}).
 */
class SpringAotIntegrationTests {

	private static final List<String> SPRING_AOT = List.of("-Dspring.aot.enabled=true");

	private static final String ADMIN = "admin-aot";

	private static final String PASSWORD = "Aot-Admin-2026";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void onTheEmbeddedStoreItServesSignInAndPagesAndHonoursTheMailAndProxySettings(@TempDir Path dataDir)
			throws Exception {
		int smtpPort = freePort();
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		Map<String, String> environment = Map.of("CQO_ADMIN_USERNAME", ADMIN, "CQO_ADMIN_PASSWORD", PASSWORD,
				"CQO_FORWARD_HEADERS", "framework", "CQO_CERTIFICATE_VERIFICATIONSPERMINUTE", "1", "SPRING_MAIL_HOST",
				"127.0.0.1", "SPRING_MAIL_PORT", Integer.toString(smtpPort), "MANAGEMENT_ENDPOINT_HEALTH_SHOWDETAILS",
				"always");
		try (ApplicationProcess app = ApplicationProcess.startPackaged(dataDir, environment, SPRING_AOT)) {
			assertThat(app.log()).contains("Starting AOT-processed CqoAcademyApplication");
			assertThat(dataDir.resolve("store/cqo.mv.db")).exists();
			signInAndOpenAPage(app);

			assertThat(get(app, "/actuator/health", Map.of()).body()).as("the SMTP server's health is checked")
				.contains("\"mail\":{\"details\":{\"location\":\"127.0.0.1:" + smtpPort + "\"},\"status\":\"UP\"}");
			assertThat(verify(app, "203.0.113.1")).isEqualTo(200);
			assertThat(verify(app, "203.0.113.1")).as("one verification a minute per client").isEqualTo(429);
			assertThat(verify(app, "203.0.113.2")).as("another client behind the proxy").isEqualTo(200);
		}
		finally {
			smtp.stop();
		}
	}

	@Test
	void withAMongoDbUriItUsesThatStoreAndEmbedsNothing(@TempDir Path dataDir, @TempDir Path otherDir) {
		try (EmbeddedMongoServer mongoDb = EmbeddedMongoServer.start(otherDir.resolve("mongodb.mv.db"));
				MongoClient client = MongoClients.create(mongoDb.connectionString());
				ApplicationProcess app = ApplicationProcess.startPackaged(dataDir, Map.of("CQO_ADMIN_USERNAME", ADMIN,
						"CQO_ADMIN_PASSWORD", PASSWORD, "CQO_MONGODB_URI", mongoDb.connectionString()), SPRING_AOT)) {
			assertThat(app.log()).contains("Starting AOT-processed CqoAcademyApplication");
			signInAndOpenAPage(app);
			assertThat(dataDir.resolve("store")).as("nothing embedded").doesNotExist();
			Mono.from(client.getDatabase("cqo").getCollection("accounts").countDocuments(Filters.eq("username", ADMIN)))
				.as(StepVerifier::create)
				.expectNext(1L)
				.verifyComplete();
		}
	}

	private static void signInAndOpenAPage(ApplicationProcess app) {
		// the first requests of a fresh JVM, beside the content tasks (a busy machine)
		WebTestClient client = WebTestClient.bindToServer()
			.baseUrl(app.baseUrl())
			.responseTimeout(Duration.ofSeconds(60))
			.build();
		PageSession admin = PageSession.signIn(client, ADMIN, PASSWORD);
		assertThat(admin.page("/")).as("signed in as an administrator")
			.contains("action=\"/logout\"")
			.contains("href=\"/admin/users\"");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private int verify(ApplicationProcess app, String client) throws Exception {
		return get(app, "/api/v1/verifications/not-a-token", Map.of("X-Forwarded-For", client)).statusCode();
	}

	private HttpResponse<String> get(ApplicationProcess app, String path, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path));
		headers.forEach(request::header);
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
