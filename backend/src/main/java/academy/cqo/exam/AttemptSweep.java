package academy.cqo.exam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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

	private final NextLooks nextLooks = new NextLooks();

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
	 * that needs something read whole by its id and handled as the full pass does. A
	 * session is read when its attempts may need something ({@link NextLooks}), not at
	 * every pass.
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
			.collectList()
			.flatMap((recent) -> {
				this.nextLooks.keepOnly(recent.stream().map(SessionDocument::id).toList());
				List<SessionDocument> due = recent.stream()
					.filter((session) -> this.nextLooks.isDue(session.id(), now))
					.toList();
				NextLooks.Pass pass = this.nextLooks.pass(due, now, this.settings.gracePeriod());
				List<String> dueIds = due.stream().map(SessionDocument::id).toList();
				return this.store.sweepViewOf(dueIds, this.nextLooks.settledIn(dueIds))
					.doOnNext((view) -> pass.saw(view, this.settings.gracePeriod(), UNPUBLISHED_AFTER))
					.filter((attempt) -> overdue(attempt, cutoff) || ungraded(attempt)
							|| unpublishedPass(attempt, unpublishedBefore))
					.concatMap((view) -> this.store.findById(view.getString("_id"))
						.flatMap((attempt) -> finish(attempt, cutoff, unpublishedBefore)))
					.filter(Boolean::booleanValue)
					.count()
					.doOnSuccess((submitted) -> pass.done());
			});
	}

	/**
	 * When each recent session's attempts next need the frequent sweep's look. A look at
	 * a session handles every attempt that needs something then; after it, the session is
	 * looked at again when a running attempt it saw reaches its deadline and grace
	 * period, when a pass it saw left unpublished becomes due, when the session closes
	 * (plus the grace period: the deadline of an attempt started late), and otherwise
	 * after {@link #QUIET} at the latest. An attempt started after a look cannot be
	 * overdue before the next: its deadline is its start plus the time limit (at least a
	 * minute, {@code ExamRules}) or the session's close, and a deadline is never moved
	 * once set. What else can arise between looks — an attempt submitted but left
	 * ungraded, a pass left unpublished by a failure — waits for the next look, at most
	 * {@link #QUIET} (the sweep looked every {@code cqo.exam.sweep-interval}, reading
	 * every attempt of the recent sessions each time: on an idle platform holding 2,000
	 * recent attempts that was a few hundred megabytes read every minute). A look that
	 * fails changes nothing: the session is due at the next pass. A session whose next
	 * look is further away than {@link #QUIET} (the clock was set back) is due.
	 * <p>
	 * An attempt a look saw settled — graded, and announced if it passed — never needs
	 * the frequent sweep again (nothing leaves {@code GRADED}; a regrade that turns it
	 * into a pass announces it at once, and if that fails the hourly full pass does), so
	 * later looks leave it out by its id and read only the others.
	 */
	static final class NextLooks {

		/** The longest time between two looks at a recent session. */
		static final Duration QUIET = Duration.ofMinutes(1);

		private final Map<String, Instant> next = new ConcurrentHashMap<>();

		/** Per session, the attempts seen settled. */
		private final Map<String, Set<String>> settled = new ConcurrentHashMap<>();

		boolean isDue(String sessionId, Instant now) {
			Instant at = this.next.get(sessionId);
			return at == null || !now.isBefore(at) || at.isAfter(now.plus(QUIET));
		}

		void keepOnly(Collection<String> sessionIds) {
			Set<String> kept = Set.copyOf(sessionIds);
			this.next.keySet().retainAll(kept);
			this.settled.keySet().retainAll(kept);
		}

		/**
		 * The attempts of these sessions that looks saw settled.
		 * @param sessionIds the sessions
		 * @return their ids
		 */
		Set<String> settledIn(Collection<String> sessionIds) {
			Set<String> ids = new HashSet<>();
			for (String sessionId : sessionIds) {
				ids.addAll(this.settled.getOrDefault(sessionId, Set.of()));
			}
			return ids;
		}

		/**
		 * A look at some sessions, starting now.
		 * @param sessions the sessions looked at
		 * @param now when the look started
		 * @param grace the grace period after a deadline
		 * @return the look, to be told what it saw
		 */
		Pass pass(List<SessionDocument> sessions, Instant now, Duration grace) {
			Map<String, Instant> next = new HashMap<>();
			for (SessionDocument session : sessions) {
				Instant at = now.plus(QUIET);
				if (session.closesAt() != null) {
					at = earliest(at, session.closesAt().plus(grace), now);
				}
				next.put(session.id(), at);
			}
			return new Pass(next, new HashMap<>(), now);
		}

		/** The earlier of the two, if the second is still to come. */
		private static Instant earliest(Instant at, Instant candidate, Instant now) {
			return (candidate.isAfter(now) && candidate.isBefore(at)) ? candidate : at;
		}

		/**
		 * One look: the sessions' next looks, kept once the look has handled all it saw.
		 */
		final class Pass {

			private final Map<String, Instant> next;

			private final Map<String, Set<String>> settled;

			private final Instant now;

			private Pass(Map<String, Instant> next, Map<String, Set<String>> settled, Instant now) {
				this.next = next;
				this.settled = settled;
				this.now = now;
			}

			/**
			 * An attempt this look saw: a running one is due at its deadline and grace
			 * period, an unpublished pass when it is a minute old (what is due now is
			 * handled by this look).
			 */
			void saw(org.bson.Document attempt, Duration grace, Duration unpublishedAfter) {
				String id = attempt.getString("_id");
				String sessionId = id.substring(0, Math.max(id.indexOf(':'), 0));
				Instant at = this.next.get(sessionId);
				if (at == null) {
					return;
				}
				String status = attempt.getString(AttemptStatus.FIELD);
				java.util.Date deadline = attempt.getDate("deadline");
				java.util.Date graded = attempt.getDate("gradedAt");
				if (AttemptStatus.IN_PROGRESS.name().equals(status) && deadline != null) {
					at = earliest(at, deadline.toInstant().plus(grace), this.now);
				}
				else if (AttemptStatus.GRADED.name().equals(status)) {
					if (Boolean.TRUE.equals(attempt.getBoolean("passed"))
							&& Boolean.FALSE.equals(attempt.getBoolean("outcomePublished"))) {
						if (graded != null) {
							at = earliest(at, graded.toInstant().plus(unpublishedAfter), this.now);
						}
					}
					else {
						this.settled.computeIfAbsent(sessionId, (key) -> new HashSet<>()).add(id);
					}
				}
				this.next.put(sessionId, at);
			}

			/** Everything seen was handled: keep the next looks and what was settled. */
			void done() {
				NextLooks.this.next.putAll(this.next);
				this.settled.forEach((sessionId, ids) -> NextLooks.this.settled
					.computeIfAbsent(sessionId, (key) -> ConcurrentHashMap.newKeySet())
					.addAll(ids));
			}

		}

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
