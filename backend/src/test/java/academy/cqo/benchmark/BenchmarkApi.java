package academy.cqo.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;

import tools.jackson.databind.json.JsonMapper;

import academy.cqo.testsupport.ApplicationProcess;
import academy.cqo.testsupport.JsonRequests;

/**
 * The public JSON API of a platform process, as the exam-day and recovery benchmarks call
 * it: one HTTP client on virtual threads, a bearer token per call, a 60 s reply timeout.
 */
final class BenchmarkApi {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	String token(ApplicationProcess app, String username, String password) throws Exception {
		return (String) send(app, "POST", "/api/v1/auth/token", null,
				Map.of("username", username, "password", password))
			.get("accessToken");
	}

	/** A call that must succeed (2xx): its JSON body, or an exception naming the call. */
	@SuppressWarnings("unchecked")
	Map<String, Object> send(ApplicationProcess app, String method, String path, String token, Object body)
			throws Exception {
		HttpResponse<String> response = raw(app, method, path, token, body);
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException(
					method + " " + path + " → " + response.statusCode() + " " + response.body());
		}
		return JSON.readValue(response.body(), Map.class);
	}

	/** A call whatever its status. */
	HttpResponse<String> raw(ApplicationProcess app, String method, String path, String token, Object body)
			throws Exception {
		return this.http.send(JsonRequests.of(app.baseUrl() + path, method, token, body, Duration.ofSeconds(60)),
				HttpResponse.BodyHandlers.ofString());
	}

}
