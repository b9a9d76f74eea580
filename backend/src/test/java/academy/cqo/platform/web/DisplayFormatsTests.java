package academy.cqo.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one formatter of displayed times and scores: instants in the platform zone, scores
 * and hours without a trailing .0.
 */
class DisplayFormatsTests {

	private final DisplayFormats formats = new DisplayFormats(
			Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("Asia/Shanghai")));

	@Test
	void instantsAreShownInThePlatformZone() {
		DisplayFormats.Times times = (DisplayFormats.Times) this.formats.getExpressionObjectFactory()
			.buildObject(null, "times");
		Instant utcAfternoon = Instant.parse("2031-03-04T16:05:09Z");
		assertThat(times.minute(utcAfternoon)).isEqualTo("2031-03-05 00:05");
		assertThat(times.second(utcAfternoon)).isEqualTo("2031-03-05 00:05:09");
		assertThat(times.clock(utcAfternoon)).isEqualTo("00:05:09");
		assertThat(times.date(utcAfternoon)).isEqualTo("2031-03-05");
		assertThat(times.input(utcAfternoon)).isEqualTo("2031-03-05T00:05");
		assertThat(times.minute(null)).isEmpty();
	}

	@Test
	void scoresAndHoursHaveNoTrailingZero() {
		DisplayFormats.Scores scores = (DisplayFormats.Scores) this.formats.getExpressionObjectFactory()
			.buildObject(null, "scores");
		assertThat(scores.format(15.0)).isEqualTo("15");
		assertThat(scores.format(15.5)).isEqualTo("15.5");
		assertThat(scores.format(0.25)).isEqualTo("0.25");
		assertThat(scores.format(100)).isEqualTo("100");
		assertThat(scores.format(null)).isEqualTo("—");
	}

}
