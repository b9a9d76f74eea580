package academy.cqo.identity.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.IdentitySettings;
import academy.cqo.identity.Role;
import academy.cqo.shared.DataDirectory;
import academy.cqo.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An expired token is refused after at most a few seconds of clock-skew allowance (the
 * library default is a minute), also when it was verified and remembered before; a forged
 * token is never taken for a remembered one.
 */
class TokenServiceTests {

	private static final String SECRET = Base64.getEncoder().encodeToString(new byte[32]);

	private static final Instant ISSUED = Instant.parse("2026-12-05T01:00:00Z");

	@TempDir
	Path data;

	private TokenService at(Instant now) {
		IdentitySettings settings = new IdentitySettings(5, Duration.ofMinutes(15), Duration.ofHours(1), null, SECRET,
				null, null, "360000", 10, 20);
		return new TokenService(settings, new DataDirectory(this.data), Clock.fixed(now, ZoneOffset.UTC), null);
	}

	private String token() {
		return at(ISSUED).issue(new CurrentUser("a1", "someone", "某人", Set.of(Role.CANDIDATE), "360102"))
			.block()
			.value();
	}

	@Test
	void whenATokenExpiredLessThanTheSkewAgoThenItIsStillAccepted() {
		String token = token();
		StepVerifier.create(at(ISSUED.plus(Duration.ofHours(1)).plusSeconds(3)).decoder().decode(token))
			.assertNext((jwt) -> assertThat(jwt.getSubject()).isEqualTo("someone"))
			.verifyComplete();
	}

	@Test
	void whenATokenExpiredMoreThanFiveSecondsAgoThenItIsRefused() {
		String token = token();
		StepVerifier.create(at(ISSUED.plus(Duration.ofHours(1)).plusSeconds(6)).decoder().decode(token))
			.expectError(JwtValidationException.class)
			.verify();
		assertThat(TokenService.CLOCK_SKEW).isLessThanOrEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void whenATokenIsIssuedThenItIsVerifiedAndRememberedBeforeItsFirstUse() {
		TokenService service = at(ISSUED);
		VerifiedTokens decoder = (VerifiedTokens) service.decoder();
		assertThat(decoder.size()).isZero();
		String token = service.issue(someone()).block().value();
		assertThat(decoder.size()).as("remembered when issued").isEqualTo(1);
		StepVerifier.create(decoder.decode(token)).assertNext((jwt) -> {
			assertThat(jwt.getTokenValue()).isEqualTo(token);
			assertThat(jwt.getSubject()).isEqualTo("someone");
			assertThat(jwt.getClaimAsString("uid")).isEqualTo("a1");
			assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CANDIDATE");
			assertThat(jwt.getExpiresAt()).isEqualTo(ISSUED.plus(Duration.ofHours(1)));
		}).verifyComplete();
		assertThat(decoder.size()).isEqualTo(1);
	}

	@Test
	void whenAnIssuedTokenIsRefusedByTheTimeItIsVerifiedThenTheSignInFailsAndNothingIsRemembered() {
		// the clock jumps past the token's expiry between signing and verifying
		Instant[] readings = { ISSUED, ISSUED.plus(Duration.ofHours(1)).plusSeconds(10) };
		int[] read = { 0 };
		Clock jumping = new Clock() {

			@Override
			public Instant instant() {
				return readings[Math.min(read[0]++, readings.length - 1)];
			}

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

		};
		TokenService service = new TokenService(settings(), new DataDirectory(this.data), jumping, null);
		StepVerifier.create(service.issue(someone())).expectError(JwtValidationException.class).verify();
		assertThat(((VerifiedTokens) service.decoder()).size()).as("nothing remembered").isZero();
	}

	@Test
	void whenARememberedTokenExpiresThenTheNextRequestWithItIsRefused() {
		MutableClock clock = new MutableClock(ZoneOffset.UTC);
		TokenService service = new TokenService(settings(), new DataDirectory(this.data), clock, null);
		String token = service.issue(someone()).block().value();
		VerifiedTokens decoder = (VerifiedTokens) service.decoder();
		StepVerifier.create(decoder.decode(token)).expectNextCount(1).verifyComplete();
		StepVerifier.create(decoder.decode(token)).expectNextCount(1).verifyComplete();
		assertThat(decoder.size()).as("verified once, remembered").isEqualTo(1);
		clock.advance(Duration.ofHours(1).plusSeconds(6));
		StepVerifier.create(decoder.decode(token)).expectError(JwtValidationException.class).verify();
		assertThat(decoder.size()).as("the expired token forgotten").isZero();
	}

	@Test
	void whenATokenWasRememberedThenAForgedOneIsStillRefused() {
		TokenService service = at(Instant.now());
		String token = service.issue(someone()).block().value();
		ReactiveJwtDecoder decoder = service.decoder();
		StepVerifier.create(decoder.decode(token)).expectNextCount(1).verifyComplete();
		String[] parts = token.split("\\.");
		String forgedClaims = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace("CANDIDATE", "ADMIN")
				.getBytes(StandardCharsets.UTF_8));
		StepVerifier.create(decoder.decode(parts[0] + "." + forgedClaims + "." + parts[2]))
			.expectError(BadJwtException.class)
			.verify();
	}

	@Test
	void whenMoreTokensThanTheMemoryHoldsThenItStaysBoundedAndEveryTokenIsAccepted() {
		MutableClock clock = new MutableClock(ZoneOffset.UTC);
		TokenService service = new TokenService(settings(), new DataDirectory(this.data), clock, null);
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			tokens.add(service.issue(new CurrentUser("a" + i, "someone" + i, "某人", Set.of(Role.CANDIDATE), "360102"))
				.block()
				.value());
		}
		VerifiedTokens decoder = new VerifiedTokens(service.decoder(), clock, TokenService.CLOCK_SKEW, 3);
		for (String token : tokens) {
			StepVerifier.create(decoder.decode(token)).expectNextCount(1).verifyComplete();
			assertThat(decoder.size()).isLessThanOrEqualTo(3);
		}
		for (String token : tokens) {
			StepVerifier.create(decoder.decode(token)).expectNextCount(1).verifyComplete();
		}
	}

	private static IdentitySettings settings() {
		return new IdentitySettings(5, Duration.ofMinutes(15), Duration.ofHours(1), null, SECRET, null, null, "360000",
				10, 20);
	}

	private static CurrentUser someone() {
		return new CurrentUser("a1", "someone", "某人", Set.of(Role.CANDIDATE), "360102");
	}

}
