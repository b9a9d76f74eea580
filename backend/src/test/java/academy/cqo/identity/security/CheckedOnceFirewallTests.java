package academy.cqo.identity.security;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CheckedOnceFirewallTests {

	private final ServerWebExchangeFirewall checked = new CheckedOnceFirewall();

	private final ServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

	@Test
	void aCleanRequestIsHandedOutOnceWithItsHeadersAndParameters() {
		ServerWebExchange exchange = this.checked.getFirewalledExchange(
				MockServerWebExchange.from(MockServerHttpRequest.put("/api/v1/attempts/a1/answers/q1")
					.queryParam("page", "2")
					.header(HttpHeaders.AUTHORIZATION, "Bearer abc")
					.header(HttpHeaders.ACCEPT, "application/json")))
			.block();
		assertThat(exchange).isNotNull();
		ServerHttpRequest request = exchange.getRequest();
		assertThat(exchange.getRequest()).isSameAs(request);
		assertThat(request.getHeaders()).isSameAs(request.getHeaders());
		assertThat(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer abc");
		assertThat(request.getHeaders().get(HttpHeaders.ACCEPT)).containsExactly("application/json");
		assertThat(request.getHeaders().getAccept()).hasSize(1);
		assertThat(request.getQueryParams().getFirst("page")).isEqualTo("2");
		assertThat(request.getPath().value()).isEqualTo("/api/v1/attempts/a1/answers/q1");
	}

	@Test
	void aForbiddenUrlOrMethodIsRejectedAtOnceAsByTheStrictFirewall() {
		for (MockServerHttpRequest.BaseBuilder<?> request : List.of(
				MockServerHttpRequest.get("/api/v1/me;jsessionid=1"), MockServerHttpRequest.get("/api/v1/%2e%2e/admin"),
				MockServerHttpRequest.get("/api/v1/attempts%2Fx"),
				MockServerHttpRequest.method(org.springframework.http.HttpMethod.valueOf("TRACK"), "/api/v1/me"))) {
			MockServerHttpRequest built = request.build();
			assertThat(rejected(this.strict, built, (exchange) -> exchange)).as(built.getURI().toString()).isTrue();
			assertThat(rejected(this.checked, built, (exchange) -> exchange)).as(built.getURI().toString()).isTrue();
		}
	}

	@Test
	void aHeaderIsRejectedWhenReadAsByTheStrictFirewallAndEveryTimeItIsRead() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/api/v1/me")
			.header("X-Bad", "a\u0007b")
			.header("X-Good", "fine")
			.header("X-Multi", "ok", "a\u0007b")
			.build();
		for (ServerWebExchangeFirewall firewall : List.of(this.strict, this.checked)) {
			ServerWebExchange exchange = firewall.getFirewalledExchange(MockServerWebExchange.from(request)).block();
			HttpHeaders headers = exchange.getRequest().getHeaders();
			assertThat(headers.getFirst("X-Good")).isEqualTo("fine");
			assertThat(headers.get("X-Good")).containsExactly("fine");
			assertThatExceptionOfType(ServerExchangeRejectedException.class).isThrownBy(() -> headers.get("X-Bad"));
			assertThatExceptionOfType(ServerExchangeRejectedException.class)
				.isThrownBy(() -> headers.getFirst("X-Bad"));
			assertThatExceptionOfType(ServerExchangeRejectedException.class).isThrownBy(() -> headers.get("X-Bad"));
			assertThat(headers.getFirst("X-Multi")).isEqualTo("ok");
			assertThat(headers.getFirst("X-Multi")).isEqualTo("ok");
			assertThatExceptionOfType(ServerExchangeRejectedException.class).isThrownBy(() -> headers.get("X-Multi"));
			assertThatExceptionOfType(ServerExchangeRejectedException.class).isThrownBy(() -> headers.get("X-Multi"));
		}
	}

	@Test
	void whatPassesWithoutTheRegularExpressionsIsWhatTheyAllow() {
		for (char c = ' '; c <= '~'; c++) {
			String text = "a" + c + "b";
			assertThat(CheckedOnceFirewall.printableAscii(text)).as(text).isTrue();
			assertThat(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES.test(text)).as(text).isTrue();
			assertThat(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES.test(text)).as(text).isTrue();
			assertThat(StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_NAMES.test(text)).as(text).isTrue();
			assertThat(StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_VALUES.test(text)).as(text).isTrue();
		}
		for (String other : List.of("a\tb", "a\u007fb", "a\u001fb", "\u00e9", "\u0378", "\u0085", "")) {
			assertThat(CheckedOnceFirewall.printableAscii(other)).as(other).isEqualTo(other.isEmpty());
		}
	}

	@Test
	void aParameterWithoutAValueIsAllowedAsByTheStrictFirewall() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/login?registered").build();
		assertThat(request.getQueryParams().get("registered")).containsExactly((String) null);
		for (ServerWebExchangeFirewall firewall : List.of(this.strict, this.checked)) {
			ServerWebExchange exchange = firewall.getFirewalledExchange(MockServerWebExchange.from(request)).block();
			assertThat(exchange.getRequest().getQueryParams().containsKey("registered")).isTrue();
		}
	}

	@Test
	void controlAndUnassignedCharactersOutsidePrintableAsciiAreStillRejected() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/api/v1/me")
			.header("X-Del", "a\u007fb")
			.header("X-Unassigned", "a\u0378b")
			.header("X-Tab", "a\tb")
			.header("X-Chinese", "\u8003\u8bd5")
			.build();
		for (ServerWebExchangeFirewall firewall : List.of(this.strict, this.checked)) {
			HttpHeaders headers = firewall.getFirewalledExchange(MockServerWebExchange.from(request))
				.block()
				.getRequest()
				.getHeaders();
			assertThatExceptionOfType(ServerExchangeRejectedException.class)
				.isThrownBy(() -> headers.getFirst("X-Del"));
			assertThatExceptionOfType(ServerExchangeRejectedException.class)
				.isThrownBy(() -> headers.getFirst("X-Unassigned"));
			assertThat(headers.getFirst("X-Tab")).isEqualTo("a\tb");
			assertThat(headers.getFirst("X-Chinese")).isEqualTo("\u8003\u8bd5");
		}
	}

	@Test
	void aForbiddenHeaderNameIsRejectedWhenTheNamesAreListed() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/api/v1/me").header("X-\u0001", "x").build();
		for (ServerWebExchangeFirewall firewall : List.of(this.strict, this.checked)) {
			ServerWebExchange exchange = firewall.getFirewalledExchange(MockServerWebExchange.from(request)).block();
			assertThatExceptionOfType(ServerExchangeRejectedException.class)
				.isThrownBy(() -> exchange.getRequest().getHeaders().headerNames());
		}
	}

	@Test
	void aForbiddenParameterNameIsRejectedWhenTheParametersAreRead() {
		MockServerHttpRequest request = MockServerHttpRequest.get("/api/v1/questions")
			.queryParam("a\u0007b", "1")
			.build();
		for (ServerWebExchangeFirewall firewall : List.of(this.strict, this.checked)) {
			ServerWebExchange exchange = firewall.getFirewalledExchange(MockServerWebExchange.from(request)).block();
			assertThat(exchange.getRequest().getPath().value()).isEqualTo("/api/v1/questions");
			assertThatExceptionOfType(ServerExchangeRejectedException.class)
				.isThrownBy(() -> exchange.getRequest().getQueryParams());
			assertThatExceptionOfType(ServerExchangeRejectedException.class)
				.isThrownBy(() -> exchange.getRequest().getQueryParams());
		}
	}

	@Test
	void aMutatedRequestIsCheckedLikeTheOriginal() {
		for (ServerWebExchangeFirewall firewall : List.of(this.strict, this.checked)) {
			ServerWebExchange exchange = firewall
				.getFirewalledExchange(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/me")))
				.block();
			ServerHttpRequest mutated = exchange.getRequest().mutate().header("X-Added", "a\u0000b").build();
			assertThatExceptionOfType(ServerExchangeRejectedException.class)
				.isThrownBy(() -> mutated.getHeaders().get("X-Added"));
		}
	}

	private static boolean rejected(ServerWebExchangeFirewall firewall, MockServerHttpRequest request,
			Function<ServerWebExchange, ServerWebExchange> use) {
		try {
			use.apply(firewall.getFirewalledExchange(MockServerWebExchange.from(request)).block());
			return false;
		}
		catch (ServerExchangeRejectedException ex) {
			return true;
		}
	}

}
