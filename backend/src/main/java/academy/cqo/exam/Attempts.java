package academy.cqo.exam;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.domain.PaperDraw;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptDocument.AttemptEvent;
import academy.cqo.exam.persistence.AttemptDocument.PaperQuestion;
import academy.cqo.exam.persistence.AttemptStore;
import academy.cqo.exam.persistence.SessionDocument;
import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.QuestionVersion;
import academy.cqo.questionformats.Option;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * The public face of attempts for their candidates: starting, what the page noticed,
 * reading, submitting. Time is the server's: the deadline is fixed when the attempt
 * starts and every response carries the server's clock. Saving answers is
 * {@link Answers}', grading {@link Submissions}', the deadline {@link AttemptSweep}'s.
 */
@Service
public class Attempts {

	private static final Set<String> EVENT_TYPES = Set.of("FOCUS_LOST", "FOCUS_BACK", "COPY", "PASTE",
			"FULLSCREEN_EXIT", "OFFLINE", "ONLINE");

	private static final int MAX_EVENT_DETAIL = 200;

	private final AttemptStore store;

	private final Exams exams;

	private final Clock clock;

	private final AttemptEligibility eligibility;

	private final PaperPool paperPool;

	private final AttemptReads reads;

	private final Submissions submissions;

	private final SecureRandom seeds = new SecureRandom();

	private final AttemptGates gates;

	private final Answers answers;

	Attempts(AttemptStore store, Exams exams, Clock clock, AttemptEligibility eligibility, PaperPool paperPool,
			AttemptReads reads, Submissions submissions, AttemptGates gates, Answers answers) {
		this.gates = gates;
		this.answers = answers;
		this.store = store;
		this.exams = exams;
		this.clock = clock;
		this.eligibility = eligibility;
		this.paperPool = paperPool;
		this.reads = reads;
		this.submissions = submissions;
	}

	/**
	 * An attempt that was started, or the open one that already existed.
	 *
	 * @param attempt the attempt
	 * @param created whether this call started it
	 */
	public record Started(AttemptView attempt, boolean created) {
	}

	/**
	 * One of a candidate's attempts, in a list.
	 *
	 * @param id the attempt
	 * @param sessionId its session
	 * @param examTitle the exam
	 * @param number 1 for the first attempt in the session
	 * @param status its status
	 * @param startedAt when it started
	 * @param deadline when it ends
	 * @param score the score when final and released
	 * @param passed whether it passed when final and released
	 */
	public record AttemptSummary(String id, String sessionId, String examTitle, int number, String status,
			Instant startedAt, Instant deadline, Double score, Boolean passed) {
	}

	// Starting

	/**
	 * Start an attempt, or return the open one. Two starts at once give one attempt.
	 * @param sessionId the session
	 * @param candidate the candidate
	 * @param address the client's address
	 * @return the attempt
	 */
	public Mono<Started> start(String sessionId, CurrentUser candidate, String address) {
		return this.exams.recentSession(sessionId)
			.flatMap((session) -> this.exams.recentExam(session.examId())
				.flatMap((exam) -> start(session, exam, candidate, address)));
	}

	private Mono<Started> start(SessionDocument session, Exams.Exam exam, CurrentUser candidate, String address) {
		Instant now = now();
		if (!session.openAt(now)) {
			return Mono.error(new Conflict(FieldViolation.of("session", "exam.session.closed")));
		}
		if (!Exams.inScope(session, candidate)) {
			return Mono.error(new Conflict(FieldViolation.of("session", "exam.session.notInRegion")));
		}
		Mono<Void> eligible = this.eligibility.check(session, exam.definition(), candidate);
		if (session.capacity() != null) {
			return eligible.then(Mono.defer(() -> startAfterEarlier(session, exam, candidate, address, now)));
		}
		// Without a capacity the first attempt is always allowed (every exam allows one).
		// It is inserted without looking for earlier ones first: its key is unique, and a
		// duplicate means there are earlier attempts (an open one is returned, else the
		// rules for another attempt apply).
		return eligible.then(Mono.defer(() -> create(session, exam, candidate, 1, address, now)))
			.flatMap((started) -> (started.created()
					|| AttemptStatus.IN_PROGRESS.name().equals(started.attempt().status())) ? Mono.just(started)
							: startAfterEarlier(session, exam, candidate, address, now));
	}

	private Mono<Started> startAfterEarlier(SessionDocument session, Exams.Exam exam, CurrentUser candidate,
			String address, Instant now) {
		return this.store.findByCandidate(session.id(), candidate.accountId()).collectList().flatMap((previous) -> {
			AttemptDocument open = previous.stream()
				.filter((attempt) -> attempt.state() == AttemptStatus.IN_PROGRESS)
				.findFirst()
				.orElse(null);
			if (open != null) {
				return Mono.just(new Started(this.reads.view(open, exam, session), false));
			}
			return mayStartAnother(session, exam.definition(), candidate, previous, now)
				.then(Mono.defer(() -> create(session, exam, candidate, previous.size() + 1, address, now)));
		});
	}

	private Mono<Void> mayStartAnother(SessionDocument session, ExamDefinition exam, CurrentUser candidate,
			List<AttemptDocument> previous, Instant now) {
		SessionDocument.Adjustment adjustment = session.adjustmentFor(candidate.username());
		if (previous.size() >= exam.maxAttempts() + adjustment.extraAttempts()) {
			return Mono.error(new Conflict(FieldViolation.of("session", "exam.attempts.used", previous.size())));
		}
		if (!previous.isEmpty()) {
			AttemptDocument last = previous.get(previous.size() - 1);
			Instant ended = (last.submittedAt() != null) ? last.submittedAt() : last.deadline();
			Instant allowed = ended.plusSeconds(exam.coolingOffSeconds());
			if (now.isBefore(allowed)) {
				return Mono.error(new Conflict(FieldViolation.of("session", "exam.attempts.coolingOff", allowed)));
			}
			return Mono.empty();
		}
		if (session.capacity() == null) {
			return Mono.empty();
		}
		return this.store.countCandidates(session.id())
			.flatMap((count) -> (count >= session.capacity())
					? Mono.error(new Conflict(FieldViolation.of("session", "exam.session.full"))) : Mono.<Void>empty());
	}

	private Mono<Started> create(SessionDocument session, Exams.Exam exam, CurrentUser candidate, int number,
			String address, Instant now) {
		ExamDefinition definition = exam.definition();
		long seed = this.seeds.nextLong();
		PaperDraw draw = new PaperDraw(seed);
		return this.paperPool.draw(exam.id(), definition, draw)
			.onErrorMap(IllegalStateException.class,
					(ex) -> new Conflict(FieldViolation.of("session", "exam.paper.cannotDraw")))
			.map((versions) -> paper(versions, definition, draw))
			.flatMap((paper) -> {
				Instant deadline = deadline(session, definition, candidate.username(), now);
				AttemptDocument attempt = new AttemptDocument(
						AttemptDocument.idOf(session.id(), candidate.accountId(), number), session.id(), exam.id(),
						candidate.accountId(), candidate.username(), number, AttemptStatus.IN_PROGRESS.name(), now,
						deadline, seed, paper, Map.of(), List.of(),
						List.of(new AttemptEvent("STARTED", now, address, null)), null, address, null, null, List.of(),
						null, definition.totalScore(), null, null, false);
				return this.store.insert(attempt);
			})
			.doOnNext(this.answers::started)
			.map((stored) -> new Started(this.reads.view(stored, exam, session), stored.startedAt().equals(now)));
	}

	/**
	 * The deadline fixed at the start: the time limit plus the candidate's extra time,
	 * but never after the session closes.
	 */
	static Instant deadline(SessionDocument session, ExamDefinition exam, String username, Instant start) {
		SessionDocument.Adjustment adjustment = session.adjustmentFor(username);
		Instant byLimit = start.plusSeconds(exam.timeLimitSeconds() + adjustment.extraTimeSeconds());
		return byLimit.isBefore(session.closesAt()) ? byLimit : session.closesAt();
	}

	/**
	 * The server's clock at the store's precision (milliseconds), so that a time handed
	 * to a client reads the same after the attempt is stored and read back.
	 */
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static List<PaperQuestion> paper(List<PaperPool.Drawn> drawn, ExamDefinition definition, PaperDraw draw) {
		List<PaperQuestion> paper = new ArrayList<>();
		for (PaperPool.Drawn question : drawn) {
			QuestionVersion version = question.version();
			int section = question.section();
			paper.add(new PaperQuestion(version.questionId(), version.version(), section, version.content(),
					definition.sections().get(section).scorePerQuestion(),
					draw.optionOrder(version.content().options().stream().map(Option::id).toList(),
							definition.shuffleOptions())));
		}
		return paper;
	}

	// What the page noticed

	/**
	 * Record something the page noticed (focus lost, copy, full-screen exit…). When the
	 * exam limits leaving the page, the attempt is submitted once the limit is reached.
	 * @param attemptId the attempt
	 * @param type the event
	 * @param detail more, or {@code null}
	 * @param candidate the candidate
	 * @param address the client's address
	 * @return how many times the page was left, and whether the attempt was submitted
	 */
	public Mono<Map<String, Object>> record(String attemptId, String type, String detail, CurrentUser candidate,
			String address) {
		if (type == null || !EVENT_TYPES.contains(type)) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("type", "exam.event.unknown", type))));
		}
		String shortDetail = (detail != null && detail.length() > MAX_EVENT_DETAIL)
				? detail.substring(0, MAX_EVENT_DETAIL) : detail;
		return this.reads.owned(attemptId, candidate)
			.then(this.store.record(attemptId, new AttemptEvent(type, this.clock.instant(), address, shortDetail)))
			.flatMap((attempt) -> this.exams.exam(attempt.examId()).flatMap((exam) -> {
				long losses = attempt.events().stream().filter((event) -> "FOCUS_LOST".equals(event.type())).count();
				int limit = exam.definition().maxFocusLosses();
				Map<String, Object> state = new LinkedHashMap<>();
				state.put("focusLosses", losses);
				state.put("limit", limit);
				if (limit > 0 && losses >= limit && attempt.state() == AttemptStatus.IN_PROGRESS) {
					return this.submissions.submit(attempt.id(), "INTEGRITY", address).map((outcome) -> {
						state.put("submitted", true);
						return state;
					});
				}
				state.put("submitted", attempt.state() != AttemptStatus.IN_PROGRESS);
				return Mono.just(state);
			}));
	}

	// Reading

	/**
	 * The candidate's attempts, newest first.
	 * @param candidate the candidate
	 * @return the attempts
	 */
	public Flux<AttemptSummary> mine(CurrentUser candidate) {
		return ofAccount(candidate.accountId());
	}

	/**
	 * A person's attempts, newest first, with scores as far as released (for the filing
	 * of that person as an enterprise's CQO).
	 * @param accountId the person's account
	 * @return the attempts
	 */
	public Flux<AttemptSummary> ofAccount(String accountId) {
		return this.store.findByAccount(accountId)
			.concatMap((attempt) -> this.exams.session(attempt.sessionId())
				.zipWith(this.exams.exam(attempt.examId()))
				.map((pair) -> {
					boolean show = this.reads.released(pair.getT1()) && attempt.state() == AttemptStatus.GRADED;
					return new AttemptSummary(attempt.id(), attempt.sessionId(), pair.getT2().definition().title(),
							attempt.number(), attempt.status(), attempt.startedAt(), attempt.deadline(),
							show ? attempt.score() : null, show ? attempt.passed() : null);
				}));
	}

	/**
	 * The attempt as its candidate sees it.
	 * @param attemptId the attempt
	 * @param candidate the candidate
	 * @return the attempt
	 */
	public Mono<AttemptView> view(String attemptId, CurrentUser candidate) {
		return this.reads.owned(attemptId, candidate).flatMap((attempt) -> this.reads.viewOf(attempt, null));
	}

	/**
	 * Open the attempt in a browser page: the page gets a new token and any page that
	 * held it before can no longer save ("one active browser session per attempt").
	 * @param attemptId the attempt
	 * @param candidate the candidate
	 * @param address the client's address
	 * @return the attempt with the page's token
	 */
	public Mono<AttemptView> openInPage(String attemptId, CurrentUser candidate, String address) {
		String token = UUID.randomUUID().toString();
		return this.reads.owned(attemptId, candidate).flatMap((attempt) -> {
			if (attempt.state() != AttemptStatus.IN_PROGRESS) {
				return this.reads.viewOf(attempt, null);
			}
			return this.store
				.takeOver(attemptId, token, new AttemptEvent("OPENED", this.clock.instant(), address, null))
				.doOnNext((held) -> this.gates.heldBy(attemptId, token))
				.flatMap((held) -> this.reads.viewOf(held, token));
		});
	}

	// Submitting

	/**
	 * Submit the attempt (idempotent: a second submit returns the same outcome).
	 * @param attemptId the attempt
	 * @param candidate the candidate
	 * @param address the client's address
	 * @return the outcome
	 */
	public Mono<AttemptOutcome> submit(String attemptId, CurrentUser candidate, String address) {
		return this.reads.owned(attemptId, candidate).then(this.submissions.submit(attemptId, "CANDIDATE", address));
	}

}
