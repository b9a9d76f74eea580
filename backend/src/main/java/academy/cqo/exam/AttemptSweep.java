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
import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptStore;
import academy.cqo.exam.persistence.ExamStore;
import academy.cqo.exam.persistence.SessionDocument;
import academy.cqo.platform.Sweep;
import academy.cqo.shared.StartupTask;

/**
 * The deadline, kept by the server: attempts whose time and grace period are up are
 * submitted with every answer acknowledged before, submitted ones left ungraded are
 * graded, and passes left unannounced are offered again; exactly once however many
 * instances run. Every {@code cqo.exam.sweep-interval} (sweep {@code exam-deadlines}) it
 * looks only at the attempts of sessions open now or closed within {@link #RECENT}, read
 * by their ids (an attempt's deadline never falls after its session closes, so no attempt
 * of an older session can still be running); at start-up and every hour (sweep
 * {@code exam-recovery}) at every attempt, for what a crash or a long failure left behind
 * in older sessions. At province scale (25,000 graded attempts) the three scans of every
 * attempt every five seconds took 2–11 s each and held up other reads of the attempts
 * (docs/BENCHMARKS.md).
 */
@Component
public class AttemptSweep implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(AttemptSweep.class);

	/**
	 * A pass still unpublished this long after grading was interrupted (a crash between
	 * grading and publishing) and is published by the sweep.
	 */
	private static final Duration UNPUBLISHED_AFTER = Duration.ofMinutes(1);

	/** Sessions closed longer ago than this are left to the hourly full pass. */
	static final Duration RECENT = Duration.ofDays(1);

	private final AttemptStore store;

	private final ExamStore exams;

	private final Submissions submissions;

	private final ExamSettings settings;

	private final Clock clock;

	AttemptSweep(AttemptStore store, ExamStore exams, Submissions submissions, ExamSettings settings, Clock clock) {
		this.store = store;
		this.exams = exams;
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
	 * Run {@link #finishOverdueOfRecentSessions()} every {@code cqo.exam.sweep-interval}.
	 * @return the sweep
	 */
	@Bean
	Sweep examDeadlineSweep() {
		return Sweep.counting("exam-deadlines", this.settings.sweepInterval(), this::finishOverdueOfRecentSessions);
	}

	/**
	 * Run {@link #finishOverdue()} over every attempt every hour.
	 * @return the sweep
	 */
	@Bean
	Sweep examRecoverySweep() {
		return Sweep.counting("exam-recovery", Duration.ofHours(1), this::finishOverdue);
	}

	/**
	 * What {@link #finishOverdue()} does, for the attempts of the sessions open now or
	 * closed within {@link #RECENT}: one read of their ids' few fields, then each attempt
	 * that needs something read whole by its id and handled as the full pass does.
	 * @return how many attempts were submitted
	 */
	public Mono<Long> finishOverdueOfRecentSessions() {
		Instant now = this.clock.instant();
		Instant cutoff = now.minus(this.settings.gracePeriod());
		Instant unpublishedBefore = now.minus(UNPUBLISHED_AFTER);
		Instant closedAfter = now.minus(RECENT);
		return this.exams.findSessions()
			.filter((session) -> session.opensAt() == null || !session.opensAt().isAfter(now))
			.filter((session) -> session.closesAt() == null || session.closesAt().isAfter(closedAfter))
			.map(SessionDocument::id)
			.collectList()
			.flatMapMany(this.store::sweepViewOf)
			.filter((attempt) -> overdue(attempt, cutoff) || ungraded(attempt)
					|| unpublishedPass(attempt, unpublishedBefore))
			.concatMap((view) -> this.store.findById(view.getString("_id"))
				.flatMap((attempt) -> finish(attempt, cutoff, unpublishedBefore)))
			.filter(Boolean::booleanValue)
			.count();
	}

	private static boolean overdue(org.bson.Document attempt, Instant cutoff) {
		java.util.Date deadline = attempt.getDate("deadline");
		return AttemptStatus.IN_PROGRESS.name().equals(attempt.getString(AttemptStatus.FIELD)) && deadline != null
				&& !deadline.toInstant().isAfter(cutoff);
	}

	/** Submitted: read whole, graded if it has no results yet ({@code gradeIfNeeded}). */
	private static boolean ungraded(org.bson.Document attempt) {
		return AttemptStatus.SUBMITTED.name().equals(attempt.getString(AttemptStatus.FIELD));
	}

	private static boolean unpublishedPass(org.bson.Document attempt, Instant gradedBefore) {
		java.util.Date graded = attempt.getDate("gradedAt");
		return AttemptStatus.GRADED.name().equals(attempt.getString(AttemptStatus.FIELD))
				&& Boolean.TRUE.equals(attempt.getBoolean("passed"))
				&& Boolean.FALSE.equals(attempt.getBoolean("outcomePublished")) && graded != null
				&& graded.toInstant().isBefore(gradedBefore);
	}

	/**
	 * Handle one attempt the quick read named, as read whole now (it may have moved on
	 * since): submit it if still running past the cutoff, grade it if submitted and
	 * ungraded, offer its pass if still unannounced.
	 * @return {@code true} when it was submitted here
	 */
	private Mono<Boolean> finish(AttemptDocument attempt, Instant cutoff, Instant unpublishedBefore) {
		if (attempt.state() == AttemptStatus.IN_PROGRESS) {
			if (attempt.deadline() == null || attempt.deadline().isAfter(cutoff)) {
				return Mono.just(false);
			}
			return this.store
				.submit(attempt.id(), "DEADLINE", new AttemptEvent("SUBMITTED", this.clock.instant(), null, "DEADLINE"))
				.flatMap(this.submissions::gradeIfNeeded)
				.thenReturn(true);
		}
		if (attempt.state() == AttemptStatus.SUBMITTED) {
			return this.submissions.gradeIfNeeded(attempt).thenReturn(false);
		}
		if (attempt.state() == AttemptStatus.GRADED && Boolean.TRUE.equals(attempt.passed())
				&& !attempt.outcomePublished() && attempt.gradedAt() != null
				&& attempt.gradedAt().isBefore(unpublishedBefore)) {
			return this.submissions.publishIfPassed(attempt).thenReturn(false);
		}
		return Mono.just(false);
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
