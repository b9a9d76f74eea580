package academy.cqo.identity.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.stereotype.Component;

import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.IdentitySettings;
import academy.cqo.identity.persistence.AccountStore;
import academy.cqo.shared.DataDirectory;

/**
 * API access tokens: JWTs signed with HMAC-SHA256, carrying the account id, name, roles
 * and region, valid for the configured lifetime. Every application instance that shares
 * the secret accepts them, so the API is stateless.
 */
@Component
public class TokenService {

	static final String ISSUER = "cqo-academy";

	/** How far a token's expiry may lie in the past and still be accepted. */
	static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

	/**
	 * How many verified tokens are remembered (a token per signed-in candidate or user).
	 */
	static final int VERIFIED_TOKENS = 50_000;

	private final SecretKey key;

	private final JwtEncoder encoder;

	private final IdentitySettings settings;

	private final Clock clock;

	private final AccountStore accounts;

	private final VerifiedTokens decoder;

	TokenService(IdentitySettings settings, DataDirectory dataDirectory, Clock clock, AccountStore accounts) {
		this.accounts = accounts;
		byte[] secret = KeyMaterial.load(settings.jwtSecret(), "CQO_JWT_SECRET", dataDirectory, "jwt.key", 32);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
		this.encoder = NimbusJwtEncoder.withSecretKey(this.key).build();
		this.settings = settings;
		this.clock = clock;
		this.decoder = new VerifiedTokens(verifier(), clock, CLOCK_SKEW, VERIFIED_TOKENS);
	}

	/** An issued token. */
	public record AccessToken(String value, long expiresInSeconds) {
	}

	/**
	 * Issue a token for a signed-in user. The new token is verified here, as any bearer
	 * token is on first use, and remembered ({@link VerifiedTokens}): a candidate's first
	 * API call after signing in, typically the start of an exam that two thousand others
	 * start in the same second, finds its token verified instead of parsing and checking
	 * it then.
	 * @param user the user
	 * @return the token, once verified and remembered
	 */
	public Mono<AccessToken> issue(CurrentUser user) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(user.username())
			.issuedAt(now)
			.expiresAt(now.plus(this.settings.tokenLifetime()))
			.claim("uid", user.accountId())
			.claim("name", user.fullName())
			.claim("roles", AccountAuthentication.roleNames(user))
			.claim("region", user.regionCode())
			.build();
		JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
		String value = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		AccessToken token = new AccessToken(value, this.settings.tokenLifetime().toSeconds());
		return this.decoder.decode(value).thenReturn(token);
	}

	/**
	 * The decoder of bearer tokens: each token string is verified once (when issued by
	 * this instance, or on first use) and remembered until it expires
	 * ({@link VerifiedTokens}).
	 * @return the decoder
	 */
	ReactiveJwtDecoder decoder() {
		return this.decoder;
	}

	private ReactiveJwtDecoder verifier() {
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(this.key)
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
		timestamps.setClock(this.clock);
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator(ISSUER)));
		return decoder;
	}

	/**
	 * The caller of a request with a valid token, as the account stands now: a role
	 * change applies to tokens already issued at once, and a locked or removed account's
	 * tokens stop working (401).
	 * @param jwt the verified token
	 * @return the authentication
	 */
	Mono<AccountAuthentication> toAuthentication(Jwt jwt) {
		String accountId = jwt.getClaimAsString("uid");
		return this.accounts.current(accountId)
			.filter((account) -> account.username().equals(jwt.getSubject()) && !account.lockedAt(this.clock.instant()))
			.map((account) -> new AccountAuthentication(new CurrentUser(account.id(), account.username(),
					account.fullName(), account.roles(), account.regionCode())))
			.switchIfEmpty(Mono.error(() -> new BadJwtException("The account is locked, removed or renamed")));
	}

}
