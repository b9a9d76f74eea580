package academy.cqo.course;

import java.time.Instant;

/**
 * What a heartbeat earned.
 *
 * @param outcome {@code CREDITED}, or why nothing was credited ({@code TOO_EARLY},
 * {@code HIDDEN}, {@code RESUMED}, {@code SUPERSEDED}, {@code DAILY_CAP},
 * {@code COMPLETED}, {@code CONCURRENT})
 * @param creditedNow seconds this heartbeat credited
 * @param creditedSeconds the module's verified study time
 * @param requiredSeconds the time required
 * @param videoAccepted whether a reported video position was accepted ({@code null} when
 * none was reported)
 * @param videoFurthest the furthest accepted video position
 * @param completed whether the module is complete
 * @param courseCompleted whether the course is complete
 * @param serverTime the server's clock
 */
public record HeartbeatResult(String outcome, long creditedNow, long creditedSeconds, long requiredSeconds,
		Boolean videoAccepted, double videoFurthest, boolean completed, boolean courseCompleted, Instant serverTime) {
}
