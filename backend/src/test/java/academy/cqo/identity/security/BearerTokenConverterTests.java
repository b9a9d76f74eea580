package academy.cqo.identity.security;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenConverterTests {

	private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5kaWRhdGUtMDAwMSIsImV4cCI6MTc2NTA4MDAwMH0"
			+ ".Zm9vYmFyLWJhei1xdXV4X3NpZ25hdHVyZQ";

	private final ServerAuthenticationConverter fast = new BearerTokenConverter();

	private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();

	@Test
	void everyHeaderGivesWhatSpringSecuritysConverterGives() {
		List<String> headers = new ArrayList<>(List.of("Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "bEaReR abc",
				"Bearer a", "Bearer abc=", "Bearer abc==", "Bearer a-b.c_d~e+f/g", "Bearer ", "Bearer", "Bearer  abc",
				"Bearer abc ", "Bearer =abc", "Bearer abc=d", "Bearer ab\u00e9c", "Bearerabc", "Bearer\tabc",
				"Basic dXNlcjpwYXNz", "Token abc", "", "bearer", "Bearer abc,def", "Bearer a\u0131b"));
		for (char c = ' '; c <= '~'; c++) {
			headers.add("Bearer ab" + c + "cd");
			headers.add(c + "earer abc");
		}
		for (String header : headers) {
			assertThat(outcome(this.fast, header)).as(header).isEqualTo(outcome(this.spring, header));
		}
		assertThat(outcome(this.fast, null)).isEqualTo(outcome(this.spring, null)).isEqualTo("none");
		assertThat(outcome(this.fast, "Bearer " + JWT)).isEqualTo("token " + JWT);
		assertThat(outcome(this.fast, "Bearer abc def")).isEqualTo("error invalid_token Bearer token is malformed");
	}

	@Test
	void wellFormedIsTheB64TokenAfterTheScheme() {
		assertThat(BearerTokenConverter.wellFormed("Bearer " + JWT)).isTrue();
		assertThat(BearerTokenConverter.wellFormed("bearer x==")).isTrue();
		assertThat(BearerTokenConverter.wellFormed("Bearer ==")).isFalse();
		assertThat(BearerTokenConverter.wellFormed("Bearer x=y")).isFalse();
		assertThat(BearerTokenConverter.wellFormed("Bearer x y")).isFalse();
		assertThat(BearerTokenConverter.wellFormed("Bearer ")).isFalse();
		assertThat(BearerTokenConverter.wellFormed("Bearerxy")).isFalse();
	}

	private static String outcome(ServerAuthenticationConverter converter, String header) {
		MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/v1/me");
		if (header != null) {
			request.header(HttpHeaders.AUTHORIZATION, header);
		}
		try {
			Authentication authentication = converter.convert(MockServerWebExchange.from(request)).block();
			return (authentication == null) ? "none"
					: "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
		}
		catch (OAuth2AuthenticationException ex) {
			return "error " + ex.getError().getErrorCode() + " " + ex.getError().getDescription();
		}
	}

}
