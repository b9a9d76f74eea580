package academy.cqo.certificate;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification is limited per client address over any sixty seconds; other clients are
 * not affected, a burst across a minute boundary is still one minute's worth, and a
 * refused client is told how long to wait.
 */
class VerificationRateLimitTests {

	@Test
	void theThirtyFirstRequestOfAMinuteIsRefusedForThatClientOnly() {
		SteppedClock clock = new SteppedClock(Instant.parse("2026-11-21T08:00:05Z"));
		VerificationRateLimit limit = new VerificationRateLimit(
				CertificateSettingsFixture.settings(null, java.util.List.of()), clock);
		for (int i = 0; i < 30; i++) {
			assertThat(limit.allow("203.0.113.7")).as("request %d", i + 1).isTrue();
		}
		assertThat(limit.allow("203.0.113.7")).isFalse();
		assertThat(limit.allow("198.51.100.1")).isTrue();
		clock.now = clock.now.plus(Duration.ofMinutes(1));
		assertThat(limit.allow("203.0.113.7")).isTrue();
	}

	@Test
	void aBurstAcrossAMinuteBoundaryIsCountedAsOneMinute() {
		SteppedClock clock = new SteppedClock(Instant.parse("2026-11-21T08:00:58Z"));
		VerificationRateLimit limit = new VerificationRateLimit(
				CertificateSettingsFixture.settings(null, java.util.List.of()), clock);
		for (int i = 0; i < 30; i++) {
			assertThat(limit.allow("203.0.113.9")).isTrue();
		}
		clock.now = Instant.parse("2026-11-21T08:01:01Z");
		assertThat(limit.allow("203.0.113.9")).as("three seconds later, in the next calendar minute").isFalse();
		assertThat(limit.retryAfter("203.0.113.9")).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(60));
		clock.now = Instant.parse("2026-11-21T08:01:59Z");
		assertThat(limit.allow("203.0.113.9")).isTrue();
	}

	/** A clock that stands still until the test moves it. */
	static final class SteppedClock extends Clock {

		Instant now;

		SteppedClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(this.now, zone);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
