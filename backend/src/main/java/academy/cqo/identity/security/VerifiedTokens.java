package academy.cqo.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * A token decoder that checks a token's signature, issuer and time once and remembers the
 * verified token until it expires. A candidate's page sends the same bearer token with
 * every answer, and parsing and verifying it (HMAC, JSON, validators) was a tenth of a
 * save's CPU. Only what is a fixed property of the token string is remembered: a
 * remembered token is refused like any other once its expiry (plus the allowed clock
 * skew) has passed, and the caller's account (lock, removal, roles) is still checked on
 * every request after decoding. The memory is bounded: when full, expired tokens go
 * first, and if none has expired everything is forgotten (each token is then verified
 * again once).
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;

	private final Clock clock;

	private final Duration clockSkew;

	private final int capacity;

	private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

	VerifiedTokens(ReactiveJwtDecoder verifier, Clock clock, Duration clockSkew, int capacity) {
		this.verifier = verifier;
		this.clock = clock;
		this.clockSkew = clockSkew;
		this.capacity = capacity;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = this.verified.get(token);
		if (known != null) {
			if (current(known, this.clock.instant())) {
				return Mono.just(known);
			}
			this.verified.remove(token, known);
		}
		return this.verifier.decode(token).doOnNext((jwt) -> remember(token, jwt));
	}

	private boolean current(Jwt jwt, Instant now) {
		Instant expiresAt = jwt.getExpiresAt();
		Instant notBefore = jwt.getNotBefore();
		return expiresAt != null && !now.minus(this.clockSkew).isAfter(expiresAt)
				&& (notBefore == null || !now.plus(this.clockSkew).isBefore(notBefore));
	}

	private void remember(String token, Jwt jwt) {
		if (jwt.getExpiresAt() == null) {
			return;
		}
		if (this.verified.size() >= this.capacity) {
			Instant now = this.clock.instant();
			this.verified.values().removeIf((known) -> !current(known, now));
			if (this.verified.size() >= this.capacity) {
				this.verified.clear();
			}
		}
		this.verified.put(token, jwt);
	}

	/**
	 * How many verified tokens are remembered now.
	 * @return the count
	 */
	int size() {
		return this.verified.size();
	}

}
