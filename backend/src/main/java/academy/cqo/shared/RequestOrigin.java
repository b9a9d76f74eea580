package academy.cqo.shared;

import reactor.core.publisher.Mono;

/**
 * Where a request came from, carried in the Reactor context of its processing so that
 * audit records can say "from where" without every method passing it along.
 *
 * @param address the client's IP address (the first {@code X-Forwarded-For} hop behind a
 * trusted proxy)
 * @param userAgent the client's user agent, cut to a sane length
 */
public record RequestOrigin(String address, String userAgent) {

	public static final RequestOrigin UNKNOWN = new RequestOrigin("unknown", "");

	/**
	 * The origin of the request being processed.
	 * @return the origin, or {@link #UNKNOWN} outside a request
	 */
	public static Mono<RequestOrigin> current() {
		return Mono.deferContextual((context) -> Mono.just(context.getOrDefault(RequestOrigin.class, UNKNOWN)));
	}

}
