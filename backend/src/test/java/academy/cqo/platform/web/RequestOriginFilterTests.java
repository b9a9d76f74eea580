package academy.cqo.platform.web;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

import static org.assertj.core.api.Assertions.assertThat;

class RequestOriginFilterTests {

	private static final InetSocketAddress PROXY = new InetSocketAddress("127.0.0.1", 40000);

	@Test
	void withoutAProxyTheOriginIsTheConnectionsAddress() {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/").remoteAddress(PROXY).header("User-Agent", "test"));
		assertThat(RequestOriginFilter.originOf(exchange).address()).isEqualTo("127.0.0.1");
	}

	@Test
	void behindAProxyTheOriginIsTheForwardedClient() {
		ServerWebExchange exchange = forwarded("X-Forwarded-For", "203.0.113.7");
		assertThat(RequestOriginFilter.originOf(exchange).address()).isEqualTo("203.0.113.7");
		assertThat(RequestOriginFilter.originOf(forwarded("Forwarded", "for=198.51.100.9")).address())
			.isEqualTo("198.51.100.9");
	}

	/** As {@code CQO_FORWARD_HEADERS=framework} has it: the transformer applied first. */
	private static ServerWebExchange forwarded(String header, String value) {
		MockServerWebExchange exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/").remoteAddress(PROXY).header(header, value));
		return exchange.mutate().request(new ForwardedHeaderTransformer().apply(exchange.getRequest())).build();
	}

}
