package academy.cqo.identity.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused because its client address failed too often lately; nothing was
 * checked.
 */
public class LoginThrottled extends AuthenticationException {

	private final Duration retryAfter;

	public LoginThrottled(Duration retryAfter) {
		super("Too many failed sign-ins from this address");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

}
