package academy.cqo.supervision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supervision settings ({@code cqo.supervision.*}).
 *
 * @param sweepInterval how often missed rectification deadlines are escalated and
 * interrupted exits finished
 * @param maxDocumentBytes the largest document attached to a case
 */
@ConfigurationProperties("cqo.supervision")
public record SupervisionSettings(@DefaultValue("60s") Duration sweepInterval,
		@DefaultValue("5242880") long maxDocumentBytes) {
}
