package academy.cqo.platform;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.metrics.StartupStep;
import org.springframework.stereotype.Component;

/**
 * With {@code -Dcqo.startup-timeline=true} the application records its start-up steps
 * (Spring's {@link BufferingApplicationStartup}) and, once ready, logs the steps that
 * took longest on their own (a bean's time without the beans it created for its
 * dependencies), so a slow start can be traced to its beans. Off by default: recording
 * costs a little.
 */
@Component
public class StartupTimeline {

	/** The system property that turns the recording on. */
	public static final String PROPERTY = "cqo.startup-timeline";

	private static final Logger logger = LoggerFactory.getLogger(StartupTimeline.class);

	private static final int SHOWN = 30;

	/**
	 * The recorder to give the application before it starts, when asked for.
	 * @return the recorder, or {@code null}
	 */
	public static BufferingApplicationStartup recorder() {
		return Boolean.getBoolean(PROPERTY) ? new BufferingApplicationStartup(50_000) : null;
	}

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (!(event.getApplicationContext().getApplicationStartup() instanceof BufferingApplicationStartup recorded)) {
			return;
		}
		List<TimelineEvent> events = recorded.getBufferedTimeline().getEvents();
		Map<Long, Duration> children = new HashMap<>();
		for (TimelineEvent step : events) {
			Long parent = step.getStartupStep().getParentId();
			if (parent != null) {
				children.merge(parent, step.getDuration(), Duration::plus);
			}
		}
		StringJoiner slowest = new StringJoiner("\n  ");
		events.stream()
			.map((step) -> new Self(step,
					step.getDuration().minus(children.getOrDefault(step.getStartupStep().getId(), Duration.ZERO))))
			.sorted(Comparator.comparing(Self::time).reversed())
			.limit(SHOWN)
			.forEach((self) -> slowest.add(String.format("%5d ms self, %5d ms in all: %s %s", self.time().toMillis(),
					self.step().getDuration().toMillis(), self.step().getStartupStep().getName(),
					tags(self.step().getStartupStep()))));
		logger.info("Start-up steps that took longest on their own ({} recorded):\n  {}", events.size(), slowest);
	}

	private record Self(TimelineEvent step, Duration time) {
	}

	private static String tags(StartupStep step) {
		StringJoiner tags = new StringJoiner(", ", "{", "}");
		step.getTags().forEach((tag) -> tags.add(tag.getKey() + "=" + tag.getValue()));
		return tags.toString();
	}

}
