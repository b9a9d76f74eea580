package academy.cqo.course;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the course module ({@code cqo.course.*}).
 *
 * @param heartbeatInterval how often an open, visible study page reports (the page is
 * told this value)
 * @param heartbeatMinimum a heartbeat earlier than this after the previous accepted one
 * earns nothing
 * @param heartbeatTolerance lateness still credited: a heartbeat more than interval +
 * tolerance after the previous one means the page was idle, hidden or offline, and the
 * gap earns nothing
 * @param dailyCap the most study time credited to one person per calendar day
 * @param videoMaxRate the fastest playback speed a reported video position may imply
 * @param videoSlack seconds of video position allowed beyond what the elapsed time
 * explains (buffering, rounding)
 * @param demoRequiredTime when set, every module of the demo course requires this time
 * instead of the minutes in its course file (short demos and tests)
 */
@ConfigurationProperties("cqo.course")
public record CourseSettings(@DefaultValue("30s") Duration heartbeatInterval,
		@DefaultValue("25s") Duration heartbeatMinimum, @DefaultValue("15s") Duration heartbeatTolerance,
		@DefaultValue("8h") Duration dailyCap, @DefaultValue("2.0") double videoMaxRate,
		@DefaultValue("5s") Duration videoSlack, Duration demoRequiredTime) {
}
