package academy.cqo.identity.security;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.JwtValidationException;

import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.IdentitySettings;
import academy.cqo.identity.Role;
import academy.cqo.shared.DataDirectory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An expired token is refused after at most a few seconds of clock-skew allowance (the
 * library default is a minute).
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
		return at(ISSUED).issue(new CurrentUser("a1", "someone", "某人", Set.of(Role.CANDIDATE), "360102")).value();
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

}
