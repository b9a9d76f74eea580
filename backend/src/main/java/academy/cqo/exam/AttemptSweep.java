package academy.cqo.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import academy.cqo.exam.persistence.AttemptDocument.AttemptEvent;
import academy.cqo.exam.persistence.AttemptStore;
import academy.cqo.platform.Sweep;
import academy.cqo.shared.StartupTask;

/**
 * The deadline, kept by the server: attempts whose time and grace period are up are
 * submitted with every answer acknowledged before, submitted ones left ungraded are
 * graded, and passes left unannounced are offered again; at start-up and every
 * {@code cqo.exam.sweep-interval}, exactly once however many instances run.
 */
@Component
public class AttemptSweep implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(AttemptSweep.class);

	/**
	 * A pass still unpublished this long after grading was interrupted (a crash between
	 * grading and publishing) and is published by the sweep.
	 */
	private static final Duration UNPUBLISHED_AFTER = Duration.ofMinutes(1);

	private final AttemptStore store;

	private final Submissions submissions;

	private final ExamSettings settings;

	private final Clock clock;

	AttemptSweep(AttemptStore store, Submissions submissions, ExamSettings settings, Clock clock) {
		this.store = store;
		this.submissions = submissions;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		return CONTENT + 50;
	}

	/**
	 * At start-up: submit attempts whose time ran out while the application was down,
	 * grade submitted ones that were not graded, publish outcomes not yet published.
	 */
	@Override
	public Mono<Void> run() {
		return finishOverdue().doOnNext((count) -> {
			if (count > 0) {
				logger.info("Submitted {} attempts whose time ran out while the platform was down", count);
			}
		}).then();
	}

	/**
	 * Run {@link #finishOverdue()} every {@code cqo.exam.sweep-interval}.
	 * @return the sweep
	 */
	@Bean
	Sweep examDeadlineSweep() {
		return Sweep.counting("exam-deadlines", this.settings.sweepInterval(), this::finishOverdue);
	}

	/**
	 * Submit every attempt whose deadline and grace period have passed, with the answers
	 * acknowledged before; grade what was submitted but not graded; publish passes.
	 * @return how many attempts were submitted
	 */
	public Mono<Long> finishOverdue() {
		Instant cutoff = this.clock.instant().minus(this.settings.gracePeriod());
		return this.store.findOverdue(cutoff)
			.concatMap((attempt) -> this.store
				.submit(attempt.id(), "DEADLINE", new AttemptEvent("SUBMITTED", this.clock.instant(), null, "DEADLINE"))
				.flatMap(this.submissions::gradeIfNeeded))
			.count()
			.flatMap((submitted) -> this.store.findUngraded()
				.concatMap(this.submissions::gradeIfNeeded)
				.thenMany(this.store.findUnpublishedPasses(this.clock.instant().minus(UNPUBLISHED_AFTER))
					.concatMap(this.submissions::publishIfPassed))
				.then(Mono.just(submitted)));
	}

}
