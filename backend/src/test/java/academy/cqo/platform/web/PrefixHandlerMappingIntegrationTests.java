package academy.cqo.platform.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.pattern.PathPattern;

import academy.cqo.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PrefixHandlerMappingIntegrationTests {

	private static final List<HttpMethod> METHODS = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
			HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH, HttpMethod.OPTIONS);

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping full;

	@Autowired
	PrefixHandlerMapping examDay;

	@Test
	void everyRequestUnderThePrefixesFindsWhatTheFullMappingFinds() {
		Set<String> paths = new LinkedHashSet<>();
		this.full.getHandlerMethods()
			.keySet()
			.forEach((info) -> info.getPatternsCondition()
				.getPatterns()
				.forEach((pattern) -> paths.add(sample(pattern.getPatternString()))));
		paths.addAll(List.of("/api/v1/attempts/", "/api/v1/attempts/a1/nothing", "/api/v1/attempts/a1/answers/q1/x",
				"/api/v1/exam-sessions/", "/api/v1/exam-sessions/s1/attempts/x", "/api/v1/attempts/a1/answers/"));
		List<String> compared = new ArrayList<>();
		for (String path : paths) {
			if (ExamDayMappings.PREFIXES.stream().noneMatch(path::startsWith)) {
				continue;
			}
			for (HttpMethod method : METHODS) {
				for (String contentType : new String[] { null, "application/json", "text/plain" }) {
					for (String accept : new String[] { null, "application/json", "text/html" }) {
						String viaFull = outcome(this.full, path, method, contentType, accept);
						String viaPrefix = outcome(this.examDay, path, method, contentType, accept);
						assertThat(viaPrefix).as("%s %s %s %s", method, path, contentType, accept).isEqualTo(viaFull);
						compared.add(viaFull);
					}
				}
			}
		}
		// the saves, starts and submits are among them, and found
		assertThat(compared).hasSizeGreaterThan(500)
			.anyMatch((outcome) -> outcome.contains("AttemptsApi.save"))
			.anyMatch((outcome) -> outcome.contains("AttemptsApi.start"))
			.anyMatch((outcome) -> outcome.contains("AttemptsApi.submit"))
			.anyMatch((outcome) -> outcome.contains("405"))
			.anyMatch((outcome) -> outcome.equals("none"));
		assertThat(this.examDay.getHandlerMethods()).hasSizeBetween(5, 40)
			.hasSizeLessThan(this.full.getHandlerMethods().size() / 5);
	}

	@Test
	void aRequestElsewhereIsLeftToTheFullMapping() {
		for (String path : List.of("/api/v1/me", "/api/v1/attempts", "/api/v1/%61ttempts/a1", "/exam/a1",
				"/api/v1/question-banks/b1")) {
			MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
			assertThat(this.examDay.getHandler(exchange).blockOptional(Duration.ofSeconds(5))).as(path).isEmpty();
		}
	}

	@Test
	void aMappingIsKeptWhenOneOfItsPatternsCanMatchUnderAPrefix() {
		List<String> prefixes = List.of("/api/v1/attempts/");
		assertThat(PrefixHandlerMapping.canMatchUnder(prefixes, info("/api/v1/attempts/{id}/answers/{q}"))).isTrue();
		assertThat(PrefixHandlerMapping.canMatchUnder(prefixes, info("/api/v1/{kind}/{id}"))).isTrue();
		assertThat(PrefixHandlerMapping.canMatchUnder(prefixes, info("/api/v1/attempt?/{id}"))).isTrue();
		assertThat(PrefixHandlerMapping.canMatchUnder(prefixes, info("/**"))).isTrue();
		assertThat(PrefixHandlerMapping.canMatchUnder(prefixes, info("/api/v1/attempts"))).isTrue();
		assertThat(PrefixHandlerMapping.canMatchUnder(prefixes, info("/api/v1/me", "/api/v1/attempts/{id}"))).isTrue();
		assertThat(PrefixHandlerMapping.canMatchUnder(prefixes, info("/api/v1/attempt-stats/{id}"))).isFalse();
		assertThat(PrefixHandlerMapping.canMatchUnder(prefixes, info("/api/v1/me/attempts"))).isFalse();
	}

	private static RequestMappingInfo info(String... patterns) {
		return RequestMappingInfo.paths(patterns).build();
	}

	/** A path the pattern matches: a value for each variable and wildcard. */
	private static String sample(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]*}", "a/b")
			.replaceAll("\\{[^}]*}", "x1")
			.replace("**", "a/b")
			.replace("*", "x")
			.replace("?", "q");
	}

	/**
	 * What a mapping makes of a request: the handler method and the variables it
	 * extracted, the error (with its status), or nothing.
	 */
	private static String outcome(HandlerMapping mapping, String path, HttpMethod method, String contentType,
			String accept) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.method(method, path);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (accept != null) {
			request.header("Accept", accept);
		}
		MockServerWebExchange exchange = MockServerWebExchange.from(request);
		try {
			Object handler = mapping.getHandler(exchange).blockOptional(Duration.ofSeconds(5)).orElse(null);
			if (handler == null) {
				return "none";
			}
			String name = (handler instanceof HandlerMethod method1)
					? method1.getBeanType().getSimpleName() + "." + method1.getMethod().getName() : handler.toString();
			Object pattern = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
			return name + " " + ((pattern instanceof PathPattern matched) ? matched.getPatternString() : pattern) + " "
					+ exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		}
		catch (ResponseStatusException ex) {
			return ex.getClass().getSimpleName() + " " + ex.getStatusCode().value();
		}
		catch (RuntimeException ex) {
			return ex.getClass().getSimpleName();
		}
	}

}
