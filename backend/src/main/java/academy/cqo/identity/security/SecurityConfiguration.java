package academy.cqo.identity.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Two filter chains. The API chain ({@code /api/**}, actuator, OpenAPI) is stateless for
 * bearer tokens and answers 401/403 as problem details; pages that call it with their
 * session cookie must send the CSRF token. The page chain uses form login with CSRF, a
 * thirty-minute idle session and Chinese error pages. Roles are checked by path here and
 * by method security in the modules.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {

	static final String[] PUBLIC_PAGES = { "/", "/login", "/register", "/css/**", "/js/**", "/img/**", "/webjars/**",
			"/favicon.ico", "/swagger-ui.html", "/swagger-ui/**", "/v/**", "/verify", "/verify/**", "/filing-checks/**",
			"/enterprises/register", "/.well-known/**", "/excellent-cqos/**", "/invitations/**" };

	static final String[] PUBLIC_API = { "/api/v1/auth/**", "/api/v1/enterprises/register", "/api/v1/filing-checks/**",
			"/api/v1/regions", "/api/v1/verifications", "/api/v1/verifications/**", "/api/v1/award-rounds/*/awarded",
			"/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/api/v1/invitations/**" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; media-src 'self' https:; "
			+ "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * No observation of each security filter, authentication and authorization: they
	 * wrapped every filter of every request in timers (about 3 % of an exam's CPU) that
	 * nothing reads; the request itself is still observed ({@code http.server.requests}).
	 * @return the settings
	 */
	@Bean
	SecurityObservationSettings securityFiltersUnobserved() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * The strict firewall's checks, made once per request ({@link CheckedOnceFirewall}).
	 * @return the firewall
	 */
	@Bean
	ServerWebExchangeFirewall checkedOnceFirewall() {
		return new CheckedOnceFirewall();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityWebFilterChain apiFilterChain(ServerHttpSecurity http, TokenService tokens, ProblemWriter problems) {
		return http
			.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**", "/actuator/**", "/v3/api-docs",
					"/v3/api-docs/**"))
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(PUBLIC_API)
				.permitAll()
				.pathMatchers("/api/v1/admin/**", "/api/v1/talent-pool", "/api/v1/talent-pool/**", "/actuator/**")
				.hasRole("ADMIN")
				.anyExchange()
				.authenticated())
			.oauth2ResourceServer((server) -> server.bearerTokenConverter(new BearerTokenConverter())
				.jwt((jwt) -> jwt.jwtDecoder(tokens.decoder()).jwtAuthenticationConverter(tokens::toAuthentication))
				.authenticationEntryPoint(
						(exchange, ex) -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "problem.unauthorized"))
				.accessDeniedHandler(
						(exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN, "problem.forbidden")))
			.securityContextRepository(new WebSessionServerSecurityContextRepository())
			.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(cookieAuthenticatedWrites())
				.accessDeniedHandler((exchange, denied) -> exchange.getRequest().getCookies().containsKey("SESSION")
						? problems.write(exchange, HttpStatus.FORBIDDEN, "problem.forbidden")
						: problems.write(exchange, HttpStatus.UNAUTHORIZED, "problem.unauthorized")))
			.exceptionHandling((handling) -> handling
				.authenticationEntryPoint(
						(exchange, ex) -> problems.write(exchange, HttpStatus.UNAUTHORIZED, "problem.unauthorized"))
				.accessDeniedHandler(
						(exchange, ex) -> problems.write(exchange, HttpStatus.FORBIDDEN, "problem.forbidden")))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.build();
	}

	/**
	 * CSRF protects requests that a browser authenticates by itself with the session
	 * cookie: unsafe methods without a bearer token. Registration and token requests
	 * carry no ambient credentials and need none.
	 * @return the matcher
	 */
	private static ServerWebExchangeMatcher cookieAuthenticatedWrites() {
		ServerWebExchangeMatcher credentialFree = ServerWebExchangeMatchers.pathMatchers("/api/v1/auth/**",
				"/api/v1/enterprises/register", "/api/v1/verifications", "/api/v1/verifications/**",
				"/api/v1/invitations/**");
		return (exchange) -> {
			HttpMethod method = exchange.getRequest().getMethod();
			boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)
					|| HttpMethod.OPTIONS.equals(method) || HttpMethod.TRACE.equals(method);
			String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
			boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
			if (safe || bearer) {
				return ServerWebExchangeMatcher.MatchResult.notMatch();
			}
			return credentialFree.matches(exchange)
				.flatMap((match) -> match.isMatch() ? ServerWebExchangeMatcher.MatchResult.notMatch()
						: ServerWebExchangeMatcher.MatchResult.match());
		};
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain pageFilterChain(ServerHttpSecurity http, AccountAuthenticationManager authentication,
			ObjectProvider<RequestMappingHandlerMapping> mappings) {
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(PUBLIC_PAGES)
				.permitAll()
				.matchers(new UnknownPages(mappings))
				.permitAll()
				.pathMatchers("/admin/**")
				.hasRole("ADMIN")
				.pathMatchers("/question-banks/**", "/questions/**", "/manage/**")
				.hasAnyRole("TRAINER", "ADMIN")
				.anyExchange()
				.authenticated())
			.csrf((csrf) -> csrf.csrfTokenRequestHandler(multipartAware()))
			.formLogin((form) -> form.loginPage("/login")
				.authenticationManager(authentication)
				.authenticationSuccessHandler(new RedirectServerAuthenticationSuccessHandler("/"))
				.authenticationFailureHandler(loginFailureHandler()))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessHandler(loggedOut()))
			.exceptionHandling((handling) -> handling.accessDeniedHandler(
					(exchange, denied) -> Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN))))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
			.build();
	}

	/**
	 * Pages post files (question imports) as multipart forms; their CSRF token is read
	 * from the multipart body as from any other form.
	 * @return the request handler
	 */
	private static XorServerCsrfTokenRequestAttributeHandler multipartAware() {
		XorServerCsrfTokenRequestAttributeHandler handler = new XorServerCsrfTokenRequestAttributeHandler();
		handler.setTokenFromMultipartDataEnabled(true);
		return handler;
	}

	/**
	 * Every refused sign-in goes back to {@code /login?error}: an unknown username, a
	 * wrong password and a locked account look alike; an address refused for too many
	 * failures is told to wait ({@code /login?throttled}).
	 * @return the handler
	 */
	private static ServerAuthenticationFailureHandler loginFailureHandler() {
		RedirectServerAuthenticationFailureHandler wrong = new RedirectServerAuthenticationFailureHandler(
				"/login?error");
		RedirectServerAuthenticationFailureHandler throttled = new RedirectServerAuthenticationFailureHandler(
				"/login?throttled");
		return (WebFilterExchange exchange,
				org.springframework.security.core.AuthenticationException ex) -> (ex instanceof LoginThrottled)
						? throttled.onAuthenticationFailure(exchange, ex) : wrong.onAuthenticationFailure(exchange, ex);
	}

	private static RedirectServerLogoutSuccessHandler loggedOut() {
		RedirectServerLogoutSuccessHandler handler = new RedirectServerLogoutSuccessHandler();
		handler.setLogoutSuccessUrl(URI.create("/?logout"));
		return handler;
	}

	/**
	 * Writes RFC 9457 problem details for refusals that happen before any controller
	 * runs.
	 */
	@org.springframework.stereotype.Component
	static class ProblemWriter {

		private final JsonMapper json;

		private final MessageSource messages;

		ProblemWriter(JsonMapper json, MessageSource messages) {
			this.json = json;
			this.messages = messages;
		}

		Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String messageKey) {
			Locale locale = exchange.getLocaleContext().getLocale();
			String detail = this.messages.getMessage(messageKey, null, (locale != null) ? locale : Locale.CHINA);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", "about:blank");
			body.put("title", status.getReasonPhrase());
			body.put("status", status.value());
			body.put("detail", detail);
			body.put("instance", exchange.getRequest().getPath().value());
			byte[] bytes = this.json.writeValueAsBytes(body);
			var response = exchange.getResponse();
			response.setStatusCode(status);
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			DataBuffer buffer = response.bufferFactory().wrap(bytes);
			return response.writeWith(Mono.just(buffer));
		}

	}

}
