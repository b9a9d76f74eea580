package academy.cqo.course.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import academy.cqo.course.domain.HeartbeatRule.Decision;
import academy.cqo.course.domain.HeartbeatRule.Outcome;
import academy.cqo.course.domain.HeartbeatRule.Tab;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatRuleTests {

	private static final Instant OPENED = Instant.parse("2026-11-20T02:00:00Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

	private final HeartbeatRule rule = new HeartbeatRule(Duration.ofSeconds(30), Duration.ofSeconds(25),
			Duration.ofSeconds(15), Duration.ofHours(8));

	private Decision beat(Tab tab, String token, boolean visible, Duration after) {
		return this.rule.decide(tab, token, "m1", visible, false, OPENED.plus(after), TODAY);
	}

	private static Tab tab(long dayCredited) {
		return new Tab("t1", "m1", OPENED, TODAY, dayCredited);
	}

	@Test
	void aHeartbeatOnTimeEarnsTheElapsedTime() {
		Decision decision = beat(tab(0), "t1", true, Duration.ofSeconds(31));
		assertThat(decision.outcome()).isEqualTo(Outcome.CREDITED);
		assertThat(decision.creditSeconds()).isEqualTo(31);
		assertThat(decision.dayCredited()).isEqualTo(31);
		assertThat(decision.advance()).isTrue();
	}

	@Test
	void tooEarlyEarnsNothingAndDoesNotMoveTheCount() {
		Decision decision = beat(tab(0), "t1", true, Duration.ofSeconds(10));
		assertThat(decision.outcome()).isEqualTo(Outcome.TOO_EARLY);
		assertThat(decision.creditSeconds()).isZero();
		assertThat(decision.advance()).isFalse();
	}

	@Test
	void hiddenEarnsNothingButRestartsTheCount() {
		Decision decision = beat(tab(0), "t1", false, Duration.ofSeconds(30));
		assertThat(decision.outcome()).isEqualTo(Outcome.HIDDEN);
		assertThat(decision.creditSeconds()).isZero();
		assertThat(decision.advance()).isTrue();
	}

	@Test
	void aGapLongerThanIntervalAndToleranceEarnsNothing() {
		assertThat(beat(tab(0), "t1", true, Duration.ofSeconds(45)).outcome()).isEqualTo(Outcome.CREDITED);
		Decision decision = beat(tab(0), "t1", true, Duration.ofSeconds(46));
		assertThat(decision.outcome()).isEqualTo(Outcome.RESUMED);
		assertThat(decision.creditSeconds()).isZero();
	}

	@Test
	void anotherTabsTokenOrModuleEarnsNothing() {
		assertThat(beat(tab(0), "old", true, Duration.ofSeconds(30)).outcome()).isEqualTo(Outcome.SUPERSEDED);
		assertThat(this.rule.decide(tab(0), "t1", "m2", true, false, OPENED.plusSeconds(30), TODAY).outcome())
			.isEqualTo(Outcome.SUPERSEDED);
		assertThat(beat(null, "t1", true, Duration.ofSeconds(30)).outcome()).isEqualTo(Outcome.SUPERSEDED);
	}

	@Test
	void theDailyCapLimitsTheCreditAndThenStopsIt() {
		long cap = Duration.ofHours(8).toSeconds();
		Decision partial = beat(tab(cap - 10), "t1", true, Duration.ofSeconds(30));
		assertThat(partial.outcome()).isEqualTo(Outcome.CREDITED);
		assertThat(partial.creditSeconds()).isEqualTo(10);
		Decision full = beat(tab(cap), "t1", true, Duration.ofSeconds(30));
		assertThat(full.outcome()).isEqualTo(Outcome.DAILY_CAP);
		assertThat(full.creditSeconds()).isZero();
	}

	@Test
	void aNewDayStartsItsOwnCap() {
		long cap = Duration.ofHours(8).toSeconds();
		Tab yesterday = new Tab("t1", "m1", OPENED, TODAY.minusDays(1), cap);
		Decision decision = beat(yesterday, "t1", true, Duration.ofSeconds(30));
		assertThat(decision.creditSeconds()).isEqualTo(30);
		assertThat(decision.day()).isEqualTo(TODAY);
		assertThat(decision.dayCredited()).isEqualTo(30);
	}

	@Test
	void aCompletedModuleEarnsNothingMore() {
		Decision decision = this.rule.decide(tab(0), "t1", "m1", true, true, OPENED.plusSeconds(30), TODAY);
		assertThat(decision.outcome()).isEqualTo(Outcome.COMPLETED);
		assertThat(decision.creditSeconds()).isZero();
	}

	@Test
	void aVideoPositionMustBeExplainedByTheTimeJustCredited() {
		assertThat(HeartbeatRule.videoPosition(60, 0, 30, 600, 2.0, 5)).isEqualTo(60);
		assertThat(HeartbeatRule.videoPosition(600, 0, 30, 600, 2.0, 5)).as("a jump to the end").isEqualTo(-1);
		assertThat(HeartbeatRule.videoPosition(100, 60, 0, 600, 2.0, 5)).as("no credited time, no progress")
			.isEqualTo(-1);
		assertThat(HeartbeatRule.videoPosition(10, 60, 0, 600, 2.0, 5)).as("going back keeps the furthest")
			.isEqualTo(60);
		assertThat(HeartbeatRule.videoPosition(-1, 0, 30, 600, 2.0, 5)).isEqualTo(-1);
		assertThat(HeartbeatRule.watched(599.5, 600)).isTrue();
		assertThat(HeartbeatRule.watched(590, 600)).isFalse();
	}

}
