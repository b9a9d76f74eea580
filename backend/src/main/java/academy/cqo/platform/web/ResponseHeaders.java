package academy.cqo.platform.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import academy.cqo.platform.PlatformSettings;

/**
 * Headers every answer gets, set just before it is sent: pages say their charset
 * ({@code text/html;charset=UTF-8}); {@code Permissions-Policy} denies camera,
 * microphone, location and payment everywhere except the camera on the verification page
 * ({@code /verify}, which scans QR codes); with {@code CQO_SECURE_COOKIES=true} (HTTPS
 * only) {@code Strict-Transport-Security} for a year, whatever scheme the proxy
 * forwarded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ResponseHeaders implements WebFilter {

	static final String PERMISSIONS = "camera=(), microphone=(), geolocation=(), payment=()";

	static final String PERMISSIONS_WITH_CAMERA = "camera=(self), microphone=(), geolocation=(), payment=()";

	static final String HSTS = "max-age=31536000; includeSubDomains";

	private final boolean https;

	ResponseHeaders(PlatformSettings platform) {
		this.https = platform.secureCookies();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpResponse response = exchange.getResponse();
		boolean camera = exchange.getRequest().getPath().value().startsWith("/verify");
		response.beforeCommit(() -> {
			HttpHeaders headers = response.getHeaders();
			MediaType type = headers.getContentType();
			if (type != null && type.isCompatibleWith(MediaType.TEXT_HTML) && type.getCharset() == null) {
				headers.setContentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8));
			}
			headers.set("Permissions-Policy", camera ? PERMISSIONS_WITH_CAMERA : PERMISSIONS);
			if (this.https) {
				headers.set("Strict-Transport-Security", HSTS);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
