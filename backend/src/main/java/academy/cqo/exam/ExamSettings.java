package academy.cqo.exam;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the exam module ({@code cqo.exam.*}).
 *
 * @param gracePeriod how long after the deadline a save that was under way is still
 * accepted (network latency); the attempt is submitted when it has passed
 * @param sweepInterval how often overdue attempts are looked for and submitted
 */
@ConfigurationProperties("cqo.exam")
public record ExamSettings(@DefaultValue("30s") Duration gracePeriod, @DefaultValue("5s") Duration sweepInterval) {
}
