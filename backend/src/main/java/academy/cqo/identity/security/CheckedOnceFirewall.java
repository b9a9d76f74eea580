package academy.cqo.identity.security;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.SslInfo;
import org.springframework.util.MultiValueMap;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebExchangeDecorator;

/**
 * Spring Security's strict firewall, each header and the query parameters checked once
 * per request instead of on every access.
 * <p>
 * {@link StrictServerWebExchangeFirewall} rejects a forbidden method, host or URL
 * (encoded slashes, semicolons, {@code ..}, control characters) at once, and checks a
 * header's name and values, and the query parameters, when they are read. Its exchange
 * makes a new request wrapper on every {@code getRequest()}, whose {@code getHeaders()}
 * makes a new headers wrapper that matches the asked header against regular expressions
 * on every {@code get} or {@code getFirst}. A request of the platform asks for its
 * request a few hundred times (the method check of each of the ~280 handler mappings
 * alone asks three times): with the allocations that was 5 % of an exam day's server CPU.
 * <p>
 * Here the strict firewall's own checks of the method, host and URL run as before, and
 * the exchange hands out one request whose headers check a header's name and values the
 * first time it is read, with the strict firewall's rules
 * ({@link StrictServerWebExchangeFirewall#ALLOWED_HEADER_NAMES},
 * {@link StrictServerWebExchangeFirewall#ALLOWED_HEADER_VALUES}, and the same for
 * parameters): what it rejected is rejected, with the same
 * {@link ServerExchangeRejectedException} (400), when it was, and a header nobody reads
 * is not checked, as before. Request headers cannot change, so a header checked once
 * stays checked.
 * <p>
 * A name or value of printable ASCII characters only (space to {@code ~}) is allowed
 * without the strict firewall's regular expression: every such character is assigned and
 * not a control character, which is all those expressions ask of each character
 * ({@code CheckedOnceFirewallTests} asserts it of each one). Matching them over a bearer
 * token of some 300 characters, character class by character class, was 1 % of an exam
 * day's server CPU; anything else still goes to them.
 */
final class CheckedOnceFirewall implements ServerWebExchangeFirewall {

	private final StrictServerWebExchangeFirewall strict = new StrictServerWebExchangeFirewall();

	@Override
	public Mono<ServerWebExchange> getFirewalledExchange(ServerWebExchange exchange) {
		return this.strict.getFirewalledExchange(exchange).map((firewalled) -> new CheckedExchange(exchange));
	}

	private static final class CheckedExchange extends ServerWebExchangeDecorator {

		private final CheckedRequest request;

		CheckedExchange(ServerWebExchange delegate) {
			super(delegate);
			this.request = new CheckedRequest(delegate.getRequest());
		}

		@Override
		public ServerHttpRequest getRequest() {
			return this.request;
		}

	}

	private static final class CheckedRequest extends ServerHttpRequestDecorator {

		private final CheckedHeaders headers;

		private MultiValueMap<String, String> queryParams;

		CheckedRequest(ServerHttpRequest delegate) {
			super(delegate);
			this.headers = new CheckedHeaders(delegate.getHeaders());
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public MultiValueMap<String, String> getQueryParams() {
			MultiValueMap<String, String> checked = this.queryParams;
			if (checked == null) {
				checked = super.getQueryParams();
				for (Map.Entry<String, List<String>> parameter : checked.entrySet()) {
					String name = parameter.getKey();
					check(StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_NAMES, name,
							() -> "The request was rejected because the parameter name \"" + name
									+ "\" is not allowed.");
					for (String value : parameter.getValue()) {
						check(StrictServerWebExchangeFirewall.ALLOWED_PARAMETER_VALUES, value,
								() -> "The request was rejected because the parameter \"" + name + "\" has a value \""
										+ value + "\" that is not allowed.");
					}
				}
				this.queryParams = checked;
			}
			return checked;
		}

		@Override
		public Builder mutate() {
			return new CheckedBuilder(super.mutate());
		}

	}

	/**
	 * Request headers that check a header's name and values when it is first read: its
	 * first value for {@code getFirst}, all of them for {@code get}, as the strict
	 * firewall's headers do on every read.
	 */
	private static final class CheckedHeaders extends HttpHeaders {

		/** Headers whose name and every value were checked. */
		private Set<String> allChecked;

		/** Headers whose name and first value were checked. */
		private Set<String> firstChecked;

		CheckedHeaders(HttpHeaders headers) {
			super(headers);
		}

		@Override
		public String getFirst(String headerName) {
			String value = super.getFirst(headerName);
			if (!checked(this.allChecked, headerName) && !checked(this.firstChecked, headerName)) {
				checkName(headerName);
				if (value != null) {
					checkValue(headerName, value);
				}
				this.firstChecked = remember(this.firstChecked, headerName);
			}
			return value;
		}

		@Override
		public List<String> get(String headerName) {
			List<String> values = super.get(headerName);
			if (!checked(this.allChecked, headerName)) {
				checkName(headerName);
				if (values != null) {
					for (String value : values) {
						checkValue(headerName, value);
					}
				}
				this.allChecked = remember(this.allChecked, headerName);
			}
			return values;
		}

		@Override
		public Set<String> headerNames() {
			Set<String> names = super.headerNames();
			for (String name : names) {
				if (!checked(this.allChecked, name) && !checked(this.firstChecked, name)) {
					checkName(name);
				}
			}
			return names;
		}

		private static boolean checked(Set<String> checked, String name) {
			return checked != null && checked.contains(name);
		}

		private static Set<String> remember(Set<String> checked, String name) {
			Set<String> names = (checked != null) ? checked : new HashSet<>();
			names.add(name);
			return names;
		}

		private static void checkName(String name) {
			check(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES, name,
					() -> "The request was rejected because the header name \"" + name + "\" is not allowed.");
		}

		private static void checkValue(String name, String value) {
			check(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES, value,
					() -> "The request was rejected because the header: \"" + name + " \" has a value \"" + value
							+ "\" that is not allowed.");
		}

	}

	/** The rejection's message is only written for a rejection. */
	private static void check(Predicate<String> allowed, String text, Supplier<String> rejection) {
		if ((text == null || !printableAscii(text)) && !allowed.test(text)) {
			throw new ServerExchangeRejectedException(rejection.get());
		}
	}

	/**
	 * Whether the text has only printable ASCII characters, which every rule of the
	 * strict firewall for names and values allows.
	 * @param text the text
	 * @return whether it has nothing else
	 */
	static boolean printableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < ' ' || c > '~') {
				return false;
			}
		}
		return true;
	}

	/** A mutated request is checked like the one it came from. */
	private record CheckedBuilder(ServerHttpRequest.Builder delegate) implements ServerHttpRequest.Builder {

		@Override
		public ServerHttpRequest.Builder method(HttpMethod httpMethod) {
			return new CheckedBuilder(this.delegate.method(httpMethod));
		}

		@Override
		public ServerHttpRequest.Builder uri(URI uri) {
			return new CheckedBuilder(this.delegate.uri(uri));
		}

		@Override
		public ServerHttpRequest.Builder path(String path) {
			return new CheckedBuilder(this.delegate.path(path));
		}

		@Override
		public ServerHttpRequest.Builder contextPath(String contextPath) {
			return new CheckedBuilder(this.delegate.contextPath(contextPath));
		}

		@Override
		public ServerHttpRequest.Builder header(String headerName, String... headerValues) {
			return new CheckedBuilder(this.delegate.header(headerName, headerValues));
		}

		@Override
		public ServerHttpRequest.Builder headers(Consumer<HttpHeaders> headersConsumer) {
			return new CheckedBuilder(this.delegate.headers(headersConsumer));
		}

		@Override
		public ServerHttpRequest.Builder sslInfo(SslInfo sslInfo) {
			return new CheckedBuilder(this.delegate.sslInfo(sslInfo));
		}

		@Override
		public ServerHttpRequest.Builder remoteAddress(InetSocketAddress remoteAddress) {
			return new CheckedBuilder(this.delegate.remoteAddress(remoteAddress));
		}

		@Override
		public ServerHttpRequest.Builder localAddress(InetSocketAddress localAddress) {
			return new CheckedBuilder(this.delegate.localAddress(localAddress));
		}

		@Override
		public ServerHttpRequest build() {
			return new CheckedRequest(this.delegate.build());
		}

	}

}
