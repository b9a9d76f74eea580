package academy.cqo.platform;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;

import academy.cqo.shared.StartupTask;

/**
 * Runs every module's {@link StartupTask} in order on the main thread before the
 * application reports itself ready (the readiness probe stays down until they are done).
 * A failing task stops the start: a platform without its indexes or first administrator
 * must not take traffic.
 */
@Component
class StartupTasks implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(StartupTasks.class);

	private static final Duration LIMIT = Duration.ofMinutes(10);

	private final List<StartupTask> tasks;

	StartupTasks(List<StartupTask> tasks) {
		this.tasks = tasks.stream().sorted(AnnotationAwareOrderComparator.INSTANCE).toList();
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		// The one place that waits: start-up runs on the main thread, not an event loop.
		Flux.fromIterable(this.tasks).concatMap(StartupTask::run).then().block(LIMIT);
		logger.info("{} start-up tasks done in {} ms", this.tasks.size(), (System.nanoTime() - started) / 1_000_000);
	}

}
