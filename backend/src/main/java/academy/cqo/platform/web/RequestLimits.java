package academy.cqo.platform.web;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.TooLarge;

/**
 * Limits on what a request may carry, answered with 413 naming the field instead of a
 * server error: a text field of a form or a multipart request longer than
 * {@value #MAX_FIELD_CHARACTERS} characters, and a body the codecs refuse to hold
 * ({@code spring.codec.max-in-memory-size}, {@code spring.webflux.multipart.*}). It runs
 * before security, so a form read for its CSRF token is checked too.
 * <p>
 * A 413 closes the connection ({@code Connection: close}), as Tomcat does for a body it
 * will not read: the rest of the refused body is still arriving, and a client that sends
 * its next request on the same kept-alive connection right behind it met a Reactor Netty
 * 1.3.7 race (a request buffered behind operations not yet terminated is never read, see
 * reactor-netty#4347) and waited for ever.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLimits implements WebFilter {

	static final int MAX_FIELD_CHARACTERS = 256 * 1024;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			if (HttpStatus.CONTENT_TOO_LARGE.equals(exchange.getResponse().getStatusCode())) {
				exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
			}
			return Mono.empty();
		});
		return chain.filter(new Limited(exchange)).onErrorMap(DataBufferLimitException.class, (ex) -> bodyTooLarge());
	}

	static TooLarge bodyTooLarge() {
		return new TooLarge(FieldViolation.of("body", "request.bodyTooLarge"));
	}

	private static final class Limited extends ServerWebExchangeDecorator {

		Limited(ServerWebExchange delegate) {
			super(delegate);
		}

		@Override
		public Mono<MultiValueMap<String, String>> getFormData() {
			return getDelegate().getFormData().doOnNext(Limited::checkFields);
		}

		@Override
		public Mono<MultiValueMap<String, Part>> getMultipartData() {
			return getDelegate().getMultipartData().doOnNext(Limited::checkParts);
		}

		private static void checkFields(MultiValueMap<String, String> form) {
			for (Map.Entry<String, List<String>> field : form.entrySet()) {
				for (String value : field.getValue()) {
					check(field.getKey(), value);
				}
			}
		}

		private static void checkParts(MultiValueMap<String, Part> parts) {
			for (Map.Entry<String, List<Part>> field : parts.entrySet()) {
				for (Part part : field.getValue()) {
					if (part instanceof FormFieldPart text) {
						check(field.getKey(), text.value());
					}
				}
			}
		}

		private static void check(String field, String value) {
			if (value != null && value.length() > MAX_FIELD_CHARACTERS) {
				throw new TooLarge(
						FieldViolation.of(field, "request.fieldTooLarge", String.valueOf(MAX_FIELD_CHARACTERS / 1024)));
			}
		}

	}

}
