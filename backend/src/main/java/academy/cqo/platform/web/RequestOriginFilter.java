package academy.cqo.platform.web;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import academy.cqo.shared.RequestOrigin;

/**
 * Puts the {@link RequestOrigin} of every request into its Reactor context, ahead of
 * security, so that login audits know where a request came from. Behind a proxy, set
 * {@code server.forward-headers-strategy=framework} so that the remote address is the
 * client's.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestOriginFilter implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		RequestOrigin origin = originOf(exchange);
		return chain.filter(exchange).contextWrite((context) -> context.put(RequestOrigin.class, origin));
	}

	static RequestOrigin originOf(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		String address = (remote == null) ? "unknown" : address(remote);
		String agent = exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT);
		if (agent == null) {
			agent = "";
		}
		return new RequestOrigin(address, (agent.length() > 200) ? agent.substring(0, 200) : agent);
	}

	/**
	 * The client's address. Behind a proxy the forwarded address is unresolved (Spring's
	 * {@code ForwardedHeaderTransformer} makes it from the header's text), so its text is
	 * taken as given.
	 */
	private static String address(InetSocketAddress remote) {
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
