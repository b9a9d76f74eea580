package academy.cqo.platform;

import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;

import academy.cqo.shared.StartupTask;

/**
 * Runs every module's {@link StartupTask} in order, in two phases:
 * <ul>
 * <li>schema and bootstrap tasks (order below {@link StartupTask#CONTENT}: indexes, the
 * first administrator) on the main thread before the application reports itself ready: a
 * platform without its unique indexes must not take traffic, and a failing task stops the
 * start;</li>
 * <li>content tasks (the official question bank, demo data, finishing work a stop
 * interrupted, which the sweeps would finish too) in the background once it is ready, so
 * a restart during an exam takes traffic again as soon as it can. Until they are done the
 * health component {@code startupTasks} (group {@code content},
 * {@code /actuator/health/content}) is OUT_OF_SERVICE; a failure leaves it DOWN with the
 * reason.</li>
 * </ul>
 * Each phase logs how long every task took.
 */
@Component
public class StartupTasks implements ApplicationRunner, HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(StartupTasks.class);

	private static final Duration LIMIT = Duration.ofMinutes(10);

	private final List<StartupTask> beforeReady;

	private final List<StartupTask> afterReady;

	private final Sinks.One<Void> contentLoaded = Sinks.one();

	private volatile Health health = Health.outOfService().withDetail("content", "waiting for readiness").build();

	private final Background background;

	StartupTasks(List<StartupTask> tasks, Background background) {
		this.background = background;
		List<StartupTask> ordered = tasks.stream().sorted(AnnotationAwareOrderComparator.INSTANCE).toList();
		this.beforeReady = ordered.stream().filter((task) -> task.getOrder() < StartupTask.CONTENT).toList();
		this.afterReady = ordered.stream().filter((task) -> task.getOrder() >= StartupTask.CONTENT).toList();
	}

	@Override
	public void run(ApplicationArguments args) {
		long started = System.nanoTime();
		StringJoiner timings = new StringJoiner(", ");
		// The one place that waits: start-up runs on the main thread, not an event loop.
		runInOrder(this.beforeReady, timings).block(LIMIT);
		logger.info("{} start-up tasks done before readiness in {} ms ({})", this.beforeReady.size(),
				millisSince(started), timings);
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		long started = System.nanoTime();
		StringJoiner timings = new StringJoiner(", ");
		this.health = Health.outOfService().withDetail("content", "loading").build();
		Mono<Void> content = runInOrder(this.afterReady, timings).subscribeOn(Schedulers.boundedElastic())
			.doOnSuccess((done) -> {
				long millis = millisSince(started);
				this.health = Health.up().withDetail("content", "loaded in " + millis + " ms").build();
				logger.info("{} content start-up tasks done after readiness in {} ms ({})", this.afterReady.size(),
						millis, timings);
				this.contentLoaded.tryEmitEmpty();
			})
			.doOnError((ex) -> {
				this.health = Health.down().withDetail("content", "failed: " + ex.getMessage()).build();
				logger.error("A content start-up task failed after {} ms ({})", millisSince(started), timings);
				this.contentLoaded.tryEmitError(ex);
			});
		this.background.start("startup-content", this.afterReady.size() + " content start-up tasks", content);
	}

	/**
	 * Completes once the content tasks are done (after readiness); fails when one failed.
	 * @return the signal
	 */
	public Mono<Void> contentLoaded() {
		return this.contentLoaded.asMono();
	}

	@Override
	public Health health() {
		return this.health;
	}

	private static Mono<Void> runInOrder(List<StartupTask> tasks, StringJoiner timings) {
		return Flux.fromIterable(tasks).concatMap((task) -> {
			long started = System.nanoTime();
			return task.run().doOnSuccess((done) -> timings.add(name(task) + " " + millisSince(started) + " ms"));
		}).then();
	}

	private static String name(StartupTask task) {
		String name = task.getClass().getSimpleName();
		return name.isEmpty() ? task.getClass().getName() : name;
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

}
