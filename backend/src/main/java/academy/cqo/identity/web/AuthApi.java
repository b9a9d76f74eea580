package academy.cqo.identity.web;

import java.net.URI;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.Accounts;
import academy.cqo.identity.Registration;
import academy.cqo.identity.security.AccountAuthentication;
import academy.cqo.identity.security.AccountAuthenticationManager;
import academy.cqo.identity.security.LoginThrottled;
import academy.cqo.identity.security.TokenService;

/**
 * Self-registration and API tokens.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "auth", description = "Registration and access tokens")
class AuthApi {

	private final Accounts accounts;

	private final AccountAuthenticationManager authentication;

	private final TokenService tokens;

	private final MessageSource messages;

	AuthApi(Accounts accounts, AccountAuthenticationManager authentication, TokenService tokens,
			MessageSource messages) {
		this.accounts = accounts;
		this.authentication = authentication;
		this.tokens = tokens;
		this.messages = messages;
	}

	record Registered(String id, String username) {
	}

	record TokenRequest(
			@tools.jackson.databind.annotation.JsonDeserialize(
					using = academy.cqo.shared.StrictText.class) String username,
			@tools.jackson.databind.annotation.JsonDeserialize(
					using = academy.cqo.shared.StrictText.class) String password) {
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {
	}

	@PostMapping("/register")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register a candidate with real-name data",
			description = "201 when registered; 400 naming every bad field; 409 when the username or ID number is taken")
	Mono<ResponseEntity<Registered>> register(@RequestBody Registration registration) {
		return this.accounts.register(registration)
			.map((profile) -> ResponseEntity.created(URI.create("/api/v1/me"))
				.body(new Registered(profile.accountId(), profile.username())));
	}

	@PostMapping("/token")
	@Operation(summary = "Exchange a username and password for a bearer token",
			description = "401 BAD_CREDENTIALS alike for an unknown username, a wrong password and a locked account; "
					+ "five failures from one address lock the account for that address for fifteen minutes; "
					+ "an address with too many failures gets 429 TOO_MANY_ATTEMPTS with Retry-After")
	Mono<TokenResponse> token(@RequestBody TokenRequest request) {
		return this.authentication
			.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()))
			.cast(AccountAuthentication.class)
			.flatMap((authenticated) -> this.tokens.issue(authenticated.getPrincipal()))
			.map((token) -> new TokenResponse(token.value(), "Bearer", token.expiresInSeconds()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(AuthenticationException ex, ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		Locale shown = (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
		if (ex instanceof LoginThrottled throttled) {
			long seconds = throttled.retryAfter().toSeconds();
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, this.messages
				.getMessage("login.throttled", new Object[] { String.valueOf(seconds / 60 + 1) }, shown));
			problem.setProperty("code", "TOO_MANY_ATTEMPTS");
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
				.body(problem);
		}
		// an unknown username, a wrong password and a locked account are answered alike
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				this.messages.getMessage("login.failed", null, shown));
		problem.setProperty("code", "BAD_CREDENTIALS");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
	}

}
