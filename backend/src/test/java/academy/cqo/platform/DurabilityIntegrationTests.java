package academy.cqo.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import academy.cqo.testsupport.ApplicationProcess;
import academy.cqo.testsupport.People;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform acknowledges survives: a clean restart, and a {@code kill -9} right
 * after the acknowledgement. The application runs as a real separate process on the
 * embedded store.
 */
class DurabilityIntegrationTests {

	private static final String PASSWORD = "Qual1ty#Safe";

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path dataDir;

	@Test
	void registrationsSurviveACleanRestartAndAKillRightAfterTheirAcknowledgement() throws Exception {
		String first = People.username();
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, Map.of())) {
			assertThat(register(app, first)).isEqualTo(201);
			app.stop();
		}
		List<String> killed = new ArrayList<>();
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, Map.of())) {
			assertThat(signIn(app, first)).as("after a clean restart").isEqualTo(200);
			for (int i = 0; i < 5; i++) {
				String username = People.username();
				assertThat(register(app, username)).isEqualTo(201);
				killed.add(username);
			}
			app.kill();
		}
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, Map.of())) {
			assertThat(signIn(app, first)).isEqualTo(200);
			for (String username : killed) {
				assertThat(signIn(app, username)).as(username + " registered right before kill -9").isEqualTo(200);
			}
			assertThat(register(app, killed.get(0))).as("the username is still taken").isEqualTo(409);
		}
	}

	@Test
	void firstAdministratorIsCreatedOnceAcrossRestarts() throws Exception {
		Map<String, String> admin = Map.of("CQO_ADMIN_USERNAME", "chief", "CQO_ADMIN_PASSWORD", "Qu@lity2026!");
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, admin)) {
			assertThat(signIn(app, "chief", "Qu@lity2026!")).isEqualTo(200);
			app.stop();
		}
		Map<String, String> changed = Map.of("CQO_ADMIN_USERNAME", "chief2", "CQO_ADMIN_PASSWORD", "Qu@lity2026!");
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, changed)) {
			assertThat(signIn(app, "chief", "Qu@lity2026!")).isEqualTo(200);
			assertThat(signIn(app, "chief2", "Qu@lity2026!")).as("an administrator already exists").isEqualTo(401);
		}
	}

	private int register(ApplicationProcess app, String username) throws Exception {
		Map<String, Object> body = People.registration(username, People.idNumber(), "360102");
		return post(app, "/api/v1/auth/register", toJson(body));
	}

	private int signIn(ApplicationProcess app, String username) throws Exception {
		return signIn(app, username, PASSWORD);
	}

	private int signIn(ApplicationProcess app, String username, String password) throws Exception {
		return post(app, "/api/v1/auth/token", toJson(Map.of("username", username, "password", password)));
	}

	private int post(ApplicationProcess app, String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static String toJson(Map<String, ?> values) {
		StringBuilder json = new StringBuilder("{");
		values.forEach((key, value) -> {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(key).append("\":\"").append(value).append('"');
		});
		return json.append('}').toString();
	}

}
