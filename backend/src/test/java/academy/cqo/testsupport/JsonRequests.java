package academy.cqo.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON request to the public API of a platform process, for the tests and benchmarks
 * that call it over HTTP: JSON in and out, the bearer token when there is one.
 */
public final class JsonRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonRequests() {
	}

	/**
	 * @param url the whole URL
	 * @param method the HTTP method
	 * @param token the bearer token, or {@code null}
	 * @param body the JSON body, or {@code null}
	 * @param timeout how long to wait for the reply, or {@code null} for the client's
	 * default
	 * @return the request
	 */
	public static HttpRequest of(String url, String method, String token, Object body, Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
		if (timeout != null) {
			request.timeout(timeout);
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))
				: HttpRequest.BodyPublishers.noBody());
		return request.build();
	}

}
