package academy.cqo.course.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What one heartbeat of a study page earns. The server's clock alone measures time: a
 * heartbeat earns the time since the previous accepted one of the same study tab, and
 * only when it comes neither too early (a script beating fast) nor too late (the page was
 * idle, hidden or offline in between: that gap earns nothing and counting starts again),
 * only from the one study tab the person opened last, only while the page is visible, and
 * only up to the daily cap. Nothing a client says about time is believed.
 */
public final class HeartbeatRule {

	/** Why a heartbeat earned what it earned. */
	public enum Outcome {

		/** Time was credited. */
		CREDITED,
		/** Earlier than the minimum interval after the previous accepted heartbeat. */
		TOO_EARLY,
		/** The page reported itself hidden or the person idle. */
		HIDDEN,
		/**
		 * Later than interval + tolerance: the gap is not credited, counting restarts.
		 */
		RESUMED,
		/** Not the study tab opened last (another tab or device took over). */
		SUPERSEDED,
		/** The day's credited time has reached the cap. */
		DAILY_CAP,
		/** The module is complete; time is no longer counted. */
		COMPLETED,
		/** Another heartbeat of the same tab was counted at the same moment. */
		CONCURRENT

	}

	/**
	 * A person's study tab as stored.
	 *
	 * @param token the token of the tab opened last
	 * @param moduleId the module it shows
	 * @param lastBeatAt the previous accepted heartbeat (or the opening)
	 * @param day the calendar day {@code dayCredited} belongs to
	 * @param dayCredited seconds credited on that day
	 */
	public record Tab(String token, String moduleId, Instant lastBeatAt, LocalDate day, long dayCredited) {
	}

	/**
	 * The decision.
	 *
	 * @param outcome why
	 * @param creditSeconds seconds to credit
	 * @param advance whether the tab's last heartbeat moves to now (time before it can
	 * never be credited again)
	 * @param day the day after the heartbeat
	 * @param dayCredited seconds credited that day after the heartbeat
	 */
	public record Decision(Outcome outcome, long creditSeconds, boolean advance, LocalDate day, long dayCredited) {
	}

	private final Duration minimum;

	private final Duration maximum;

	private final long dailyCapSeconds;

	public HeartbeatRule(Duration interval, Duration minimum, Duration tolerance, Duration dailyCap) {
		this.minimum = minimum;
		this.maximum = interval.plus(tolerance);
		this.dailyCapSeconds = dailyCap.toSeconds();
	}

	/**
	 * Decide what a heartbeat earns.
	 * @param tab the person's study tab, or {@code null} when none was opened
	 * @param token the token the page sent
	 * @param moduleId the module the page shows
	 * @param visible whether the page says it is visible and its user active
	 * @param moduleCompleted whether the module is already complete
	 * @param now the server's clock
	 * @param today the calendar day of {@code now}
	 * @return the decision
	 */
	public Decision decide(Tab tab, String token, String moduleId, boolean visible, boolean moduleCompleted,
			Instant now, LocalDate today) {
		if (tab == null || !tab.token().equals(token) || !tab.moduleId().equals(moduleId)) {
			return unchanged(Outcome.SUPERSEDED, tab);
		}
		Duration elapsed = Duration.between(tab.lastBeatAt(), now);
		if (elapsed.compareTo(this.minimum) < 0) {
			return unchanged(Outcome.TOO_EARLY, tab);
		}
		long dayCredited = today.equals(tab.day()) ? tab.dayCredited() : 0;
		if (!visible) {
			return new Decision(Outcome.HIDDEN, 0, true, today, dayCredited);
		}
		if (elapsed.compareTo(this.maximum) > 0) {
			return new Decision(Outcome.RESUMED, 0, true, today, dayCredited);
		}
		if (moduleCompleted) {
			return new Decision(Outcome.COMPLETED, 0, true, today, dayCredited);
		}
		long grant = Math.min(elapsed.toSeconds(), this.dailyCapSeconds - dayCredited);
		if (grant <= 0) {
			return new Decision(Outcome.DAILY_CAP, 0, true, today, dayCredited);
		}
		return new Decision(Outcome.CREDITED, grant, true, today, dayCredited + grant);
	}

	private static Decision unchanged(Outcome outcome, Tab tab) {
		return new Decision(outcome, 0, false, (tab != null) ? tab.day() : null, (tab != null) ? tab.dayCredited() : 0);
	}

	/**
	 * Whether a reported video position is believable: playback can only have advanced as
	 * far as the time just credited allows (at most {@code maxRate} times as fast, plus a
	 * little slack). Going back is always fine.
	 * @param reported the reported position in seconds
	 * @param furthest the furthest position accepted before
	 * @param creditedSeconds the seconds this heartbeat credited
	 * @param duration the video's length in seconds
	 * @param maxRate the fastest playback speed allowed
	 * @param slackSeconds seconds of tolerance
	 * @return the furthest position now, or {@code -1} when the report is refused
	 */
	public static double videoPosition(double reported, double furthest, long creditedSeconds, int duration,
			double maxRate, double slackSeconds) {
		if (Double.isNaN(reported) || reported < 0 || reported > duration + 1) {
			return -1;
		}
		double allowed = furthest + creditedSeconds * maxRate + slackSeconds;
		if (reported > allowed) {
			return -1;
		}
		return Math.max(furthest, reported);
	}

	/**
	 * Whether a video counts as watched to the end.
	 * @param furthest the furthest accepted position
	 * @param duration the video's length in seconds
	 * @return whether watched
	 */
	public static boolean watched(double furthest, int duration) {
		return furthest >= duration - 1;
	}

}
