package academy.cqo.exam;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import academy.cqo.exam.domain.Grading;
import academy.cqo.exam.domain.ItemAnalysis;
import academy.cqo.exam.domain.PaperDraw;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptDocument.AttemptEvent;
import academy.cqo.exam.persistence.AttemptDocument.PaperQuestion;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;
import academy.cqo.exam.persistence.AttemptDocument.SavedAnswer;
import academy.cqo.exam.persistence.AttemptStore;
import academy.cqo.exam.persistence.SessionDocument;
import academy.cqo.identity.CurrentUser;
import academy.cqo.platform.Sweep;
import academy.cqo.questionbank.Option;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionbank.QuestionContent;
import academy.cqo.questionbank.QuestionType;
import academy.cqo.questionbank.RenderedQuestion;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.StartupTask;

/**
 * The public face of attempts. Time is the server's: the deadline is fixed when the
 * attempt starts and every response carries the server's clock. Answers are saved one at
 * a time with a sequence number, each save one conditional update, so that repeats and
 * late arrivals never overwrite a newer answer and nothing is accepted after the deadline
 * plus the grace period. Attempts whose time is up are submitted by the server, at
 * start-up too, exactly once however many instances run.
 */
@Service
public class Attempts implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(Attempts.class);

	private static final Set<String> EVENT_TYPES = Set.of("FOCUS_LOST", "FOCUS_BACK", "COPY", "PASTE",
			"FULLSCREEN_EXIT", "OFFLINE", "ONLINE");

	private static final int MAX_TEXT = 20_000;

	/**
	 * A pass still unpublished this long after grading was interrupted (a crash between
	 * grading and publishing) and is published by the sweep.
	 */
	private static final Duration UNPUBLISHED_AFTER = Duration.ofMinutes(1);

	private final AttemptStore store;

	private final Exams exams;

	private final QuestionBanks banks;

	private final ExamSettings settings;

	private final Clock clock;

	private final AttemptEligibility eligibility;

	private final ObjectProvider<PassHandler> passHandlers;

	private final SecureRandom seeds = new SecureRandom();

	private final PaperPool paperPool;

	Attempts(AttemptStore store, Exams exams, QuestionBanks banks, ExamSettings settings, Clock clock,
			AttemptEligibility eligibility, ObjectProvider<PassHandler> passHandlers, PaperPool paperPool) {
		this.passHandlers = passHandlers;
		this.paperPool = paperPool;
		this.store = store;
		this.exams = exams;
		this.banks = banks;
		this.settings = settings;
		this.clock = clock;
		this.eligibility = eligibility;
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
	 * An acknowledged save.
	 *
	 * @param seq the sequence number now stored for the question (the request's, or a
	 * newer one that was already there)
	 * @param savedAt when the stored answer was saved
	 * @param deadline the attempt's deadline
	 * @param serverTime the server's clock
	 */
	public record Saved(long seq, Instant savedAt, Instant deadline, Instant serverTime) {
	}

	/**
	 * The outcome of a submission.
	 *
	 * @param status {@code SUBMITTED} (essays await marking) or {@code GRADED}
	 * @param score the score, when final and released
	 * @param maxScore the highest possible score
	 * @param passed whether it passed, when final and released
	 */
	public record Outcome(String status, Double score, double maxScore, Boolean passed) {
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
		return this.exams.session(sessionId)
			.flatMap((session) -> this.exams.exam(session.examId())
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
		return this.eligibility.check(session, exam.definition(), candidate)
			.then(this.store.findByCandidate(session.id(), candidate.accountId()).collectList())
			.flatMap((previous) -> {
				AttemptDocument open = previous.stream()
					.filter((attempt) -> AttemptDocument.IN_PROGRESS.equals(attempt.status()))
					.findFirst()
					.orElse(null);
				if (open != null) {
					return Mono.just(new Started(view(open, exam, session, null), false));
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
				SessionDocument.Adjustment adjustment = session.adjustmentFor(candidate.username());
				Instant byLimit = now.plusSeconds(definition.timeLimitSeconds() + adjustment.extraTimeSeconds());
				Instant deadline = byLimit.isBefore(session.closesAt()) ? byLimit : session.closesAt();
				AttemptDocument attempt = new AttemptDocument(
						AttemptDocument.idOf(session.id(), candidate.accountId(), number), session.id(), exam.id(),
						candidate.accountId(), candidate.username(), number, AttemptDocument.IN_PROGRESS, now, deadline,
						seed, paper, Map.of(), List.of(), List.of(new AttemptEvent("STARTED", now, address, null)),
						null, address, null, null, List.of(), null, definition.totalScore(), null, null, false);
				return this.store.insert(attempt);
			})
			.map((stored) -> new Started(view(stored, exam, session, null), stored.startedAt().equals(now)));
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
			academy.cqo.questionbank.QuestionVersion version = question.version();
			int section = question.section();
			paper.add(new PaperQuestion(version.questionId(), version.version(), section, version.content(),
					definition.sections().get(section).scorePerQuestion(),
					draw.optionOrder(version.content().options().stream().map(Option::id).toList(),
							definition.shuffleOptions())));
		}
		return paper;
	}

	// Answering

	/**
	 * Save one answer.
	 * @param attemptId the attempt
	 * @param questionId the question
	 * @param response option ids, {@code true}/{@code false}, texts per blank, or the
	 * essay
	 * @param seq the page's sequence number for this question (newer answers have higher
	 * numbers)
	 * @param browserToken the page's token, or {@code null} for API clients
	 * @param candidate the candidate
	 * @return the acknowledgement, or a {@link Conflict} when the attempt is closed or
	 * held by another page
	 */
	public Mono<Saved> save(String attemptId, String questionId, List<String> response, long seq, String browserToken,
			CurrentUser candidate) {
		return paper(attemptId, candidate).flatMap((paper) -> {
			QuestionContent content = paper.contents().get(questionId);
			if (content == null) {
				return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
			}
			List<FieldViolation> violations = checkResponse(content, response, seq);
			if (!violations.isEmpty()) {
				return Mono.error(new InvalidInput(violations));
			}
			Instant now = now();
			if (!paper.deadline().isAfter(now.minus(this.settings.gracePeriod()))) {
				return Mono.error(new Conflict(FieldViolation.of("attempt", "exam.attempt.closed")));
			}
			return this.store.gate(attemptId)
				.flatMap((gate) -> checkGate(gate, browserToken))
				.then(this.store.saveAnswer(attemptId, questionId, new SavedAnswer(List.copyOf(response), seq, now)))
				.flatMap((stored) -> stored ? Mono.just(new Saved(seq, now, paper.deadline(), now))
						: newerAnswer(attemptId, questionId, paper, now))
				.flatMap((saved) -> this.store.gate(attemptId)
					.flatMap((gate) -> checkGate(gate, null))
					.thenReturn(saved));
		});
	}

	/**
	 * Whether a save may go on: the attempt is open and, for a browser page, held by that
	 * page. Checked before the answer is written, and the status again after: a save is
	 * acknowledged only when the attempt was still open once its answer was stored, so a
	 * submit (or the deadline sweep) that grades the attempt always sees every
	 * acknowledged answer.
	 */
	private static Mono<Void> checkGate(AttemptStore.Gate gate, String browserToken) {
		if (!gate.open()) {
			return Mono.error(new Conflict(FieldViolation.of("attempt", "exam.attempt.closed")));
		}
		if (browserToken != null && gate.browserToken() != null && !browserToken.equals(gate.browserToken())) {
			return Mono.error(new Conflict(FieldViolation.of("attempt", "exam.attempt.otherWindow")));
		}
		return Mono.empty();
	}

	/**
	 * A save refused as older than the stored answer is acknowledged with the stored one.
	 */
	private Mono<Saved> newerAnswer(String attemptId, String questionId, Paper paper, Instant now) {
		return this.store.answer(attemptId, questionId)
			.map((stored) -> new Saved(stored.seq(), stored.savedAt(), paper.deadline(), now))
			.switchIfEmpty(Mono.error(new Conflict(FieldViolation.of("attempt", "exam.attempt.closed"))));
	}

	/**
	 * What a save needs of an attempt that never changes after the start: its candidate,
	 * the frozen questions and the deadline. Kept in memory per attempt (bounded), so a
	 * save is a single conditional update.
	 */
	private record Paper(String accountId, Map<String, QuestionContent> contents, Instant deadline) {

		static Paper of(AttemptDocument attempt) {
			Map<String, QuestionContent> contents = new HashMap<>();
			attempt.paper().forEach((question) -> contents.put(question.questionId(), question.content()));
			return new Paper(attempt.accountId(), Map.copyOf(contents), attempt.deadline());
		}

	}

	private static final int MAX_CACHED_PAPERS = 20_000;

	private final Map<String, Paper> papers = new java.util.concurrent.ConcurrentHashMap<>();

	private Mono<Paper> paper(String attemptId, CurrentUser candidate) {
		Paper cached = this.papers.get(attemptId);
		Mono<Paper> paper = (cached != null) ? Mono.just(cached) : owned(attemptId, candidate).map((attempt) -> {
			if (this.papers.size() >= MAX_CACHED_PAPERS) {
				this.papers.clear();
			}
			Paper loaded = Paper.of(attempt);
			this.papers.put(attemptId, loaded);
			return loaded;
		});
		return paper.filter((loaded) -> loaded.accountId().equals(candidate.accountId()))
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	private static List<FieldViolation> checkResponse(QuestionContent content, List<String> response, long seq) {
		List<FieldViolation> violations = new ArrayList<>();
		if (seq < 1) {
			violations.add(FieldViolation.of("seq", "exam.answer.seq"));
		}
		if (response == null) {
			violations.add(FieldViolation.of("response", "exam.answer.shape"));
			return violations;
		}
		Set<String> optionIds = new HashSet<>();
		content.options().forEach((option) -> optionIds.add(option.id()));
		boolean fits = switch (content.type()) {
			case SINGLE -> response.size() <= 1 && optionIds.containsAll(response);
			case MULTIPLE -> optionIds.containsAll(response) && new HashSet<>(response).size() == response.size();
			case TRUE_FALSE -> response.size() <= 1 && List.of("true", "false").containsAll(response);
			case FILL -> response.size() <= content.blanks().size()
					&& response.stream().allMatch((text) -> text != null && text.length() <= 500);
			case ESSAY ->
				response.size() <= 1 && response.stream().allMatch((text) -> text != null && text.length() <= MAX_TEXT);
		};
		if (!fits) {
			violations.add(FieldViolation.of("response", "exam.answer.shape"));
		}
		return violations;
	}

	/**
	 * Flag a question for review, or unflag it.
	 * @param attemptId the attempt
	 * @param questionId the question
	 * @param flagged whether it is flagged
	 * @param candidate the candidate
	 * @return the flagged questions
	 */
	public Mono<List<String>> flag(String attemptId, String questionId, boolean flagged, CurrentUser candidate) {
		return owned(attemptId, candidate).then(this.store.flag(attemptId, candidate.accountId(), questionId, flagged))
			.map(AttemptDocument::flagged)
			.switchIfEmpty(Mono.error(new Conflict(FieldViolation.of("attempt", "exam.attempt.closed"))));
	}

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
		String shortDetail = (detail != null && detail.length() > 200) ? detail.substring(0, 200) : detail;
		return owned(attemptId, candidate)
			.then(this.store.record(attemptId, new AttemptEvent(type, this.clock.instant(), address, shortDetail)))
			.flatMap((attempt) -> this.exams.exam(attempt.examId()).flatMap((exam) -> {
				long losses = attempt.events().stream().filter((event) -> "FOCUS_LOST".equals(event.type())).count();
				int limit = exam.definition().maxFocusLosses();
				Map<String, Object> state = new LinkedHashMap<>();
				state.put("focusLosses", losses);
				state.put("limit", limit);
				if (limit > 0 && losses >= limit && AttemptDocument.IN_PROGRESS.equals(attempt.status())) {
					return submitBy(attempt.id(), "INTEGRITY", address).map((outcome) -> {
						state.put("submitted", true);
						return state;
					});
				}
				state.put("submitted", !AttemptDocument.IN_PROGRESS.equals(attempt.status()));
				return Mono.just(state);
			}));
	}

	// Reading

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
					boolean show = released(pair.getT1()) && AttemptDocument.GRADED.equals(attempt.status());
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
		return owned(attemptId, candidate).flatMap((attempt) -> viewOf(attempt, null));
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
		return owned(attemptId, candidate).flatMap((attempt) -> {
			if (!AttemptDocument.IN_PROGRESS.equals(attempt.status())) {
				return viewOf(attempt, null);
			}
			return this.store
				.takeOver(attemptId, token, new AttemptEvent("OPENED", this.clock.instant(), address, null))
				.flatMap((held) -> viewOf(held, token));
		});
	}

	private Mono<AttemptView> viewOf(AttemptDocument attempt, String token) {
		return this.exams.session(attempt.sessionId())
			.zipWith(this.exams.exam(attempt.examId()))
			.zipWith(knowledgePoints(attempt),
					(pair, points) -> view(attempt, pair.getT2(), pair.getT1(), token, points));
	}

	/** A graded paper's knowledge points, for the feedback of a result without keys. */
	private Mono<Map<String, List<String>>> knowledgePoints(AttemptDocument attempt) {
		if (AttemptDocument.IN_PROGRESS.equals(attempt.status()) || attempt.results().isEmpty()) {
			return Mono.just(Map.of());
		}
		return this.banks.knowledgePoints(attempt.paper().stream().map(PaperQuestion::questionId).toList());
	}

	private Mono<AttemptDocument> owned(String attemptId, CurrentUser candidate) {
		return this.store.findById(attemptId)
			.filter((attempt) -> attempt.accountId().equals(candidate.accountId()))
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	private AttemptView view(AttemptDocument attempt, Exams.Exam exam, SessionDocument session, String token) {
		return view(attempt, exam, session, token, Map.of());
	}

	private AttemptView view(AttemptDocument attempt, Exams.Exam exam, SessionDocument session, String token,
			Map<String, List<String>> knowledgePoints) {
		List<AttemptView.Question> questions = new ArrayList<>();
		for (PaperQuestion question : attempt.paper()) {
			RenderedQuestion rendered = rendered(question);
			List<AttemptView.Option> options = new ArrayList<>();
			for (RenderedQuestion.RenderedOption option : rendered.options()) {
				String text = question.content()
					.options()
					.stream()
					.filter((o) -> o.id().equals(option.id()))
					.findFirst()
					.map(Option::text)
					.orElse("");
				options.add(new AttemptView.Option(option.id(), text, option.html(), option.letter()));
			}
			questions.add(new AttemptView.Question(question.questionId(), question.version(),
					question.content().type().code(), question.content().stem(), rendered.stemHtml(), options,
					rendered.blanks(), question.score()));
		}
		Map<String, AttemptView.Answer> answers = new HashMap<>();
		attempt.answers()
			.forEach((id, answer) -> answers.put(id,
					new AttemptView.Answer(answer.response(), answer.seq(), answer.savedAt())));
		return new AttemptView(attempt.id(), attempt.sessionId(), exam.definition().title(), attempt.number(),
				attempt.status(), attempt.startedAt(), attempt.deadline(), this.clock.instant(), questions, answers,
				attempt.flagged(), result(attempt, exam.definition(), session, knowledgePoints), token);
	}

	private static final int MAX_RENDERINGS = 50_000;

	/**
	 * Rendered questions by version and option order: a frozen version never changes what
	 * a candidate sees (a regrade corrects only keys), and rendering its markup is most
	 * of the work of showing a paper.
	 */
	private final Map<String, RenderedQuestion> renderings = new java.util.concurrent.ConcurrentHashMap<>();

	private RenderedQuestion rendered(PaperQuestion question) {
		String key = question.questionId() + ":" + question.version() + ":" + question.content().blanks().size() + ":"
				+ String.join(",", question.optionOrder());
		RenderedQuestion rendered = this.renderings.get(key);
		if (rendered == null) {
			if (this.renderings.size() >= MAX_RENDERINGS) {
				this.renderings.clear();
			}
			rendered = RenderedQuestion.of(question.content(), question.optionOrder());
			this.renderings.put(key, rendered);
		}
		return rendered;
	}

	private AttemptView.Result result(AttemptDocument attempt, ExamDefinition exam, SessionDocument session,
			Map<String, List<String>> knowledgePoints) {
		if (AttemptDocument.IN_PROGRESS.equals(attempt.status()) || !released(session) || attempt.results().isEmpty()) {
			return null;
		}
		List<AttemptView.QuestionReview> reviews = new ArrayList<>();
		if (exam.reviewPolicy() != ReviewPolicy.SCORE_ONLY) {
			for (int i = 0; i < attempt.paper().size(); i++) {
				PaperQuestion question = attempt.paper().get(i);
				QuestionResult mark = attempt.results().get(i);
				String explanation = (exam.reviewPolicy() == ReviewPolicy.EXPLANATIONS)
						? question.content().explanation() : null;
				reviews.add(new AttemptView.QuestionReview(question.questionId(), mark.awarded(), mark.correct(),
						keyOf(question.content()), explanation));
			}
		}
		return new AttemptView.Result(attempt.score(), attempt.maxScore(), exam.passMark(), attempt.passed(), reviews,
				topics(attempt, exam, knowledgePoints));
	}

	/**
	 * A knowledge point at most two levels deep (质量法律法规/认证认可), so the feedback groups.
	 */
	private static String broad(String tag) {
		String[] parts = tag.split("/");
		return (parts.length <= 2) ? tag : parts[0] + "/" + parts[1];
	}

	/**
	 * Points per knowledge point (a question's first tag, at most two levels deep, else
	 * its section), sorted by name: what to study again, without giving away a key.
	 */
	private static List<AttemptView.TopicScore> topics(AttemptDocument attempt, ExamDefinition exam,
			Map<String, List<String>> knowledgePoints) {
		Map<String, double[]> byTopic = new java.util.TreeMap<>();
		for (int i = 0; i < attempt.paper().size() && i < attempt.results().size(); i++) {
			PaperQuestion question = attempt.paper().get(i);
			List<String> tags = knowledgePoints.getOrDefault(question.questionId(), List.of());
			String topic = !tags.isEmpty() ? broad(tags.get(0)) : (question.section() < exam.sections().size())
					? exam.sections().get(question.section()).title() : "—";
			Double awarded = attempt.results().get(i).awarded();
			double[] sums = byTopic.computeIfAbsent(topic, (key) -> new double[3]);
			sums[0] += (awarded != null) ? awarded : 0;
			sums[1] += question.score();
			sums[2] += 1;
		}
		List<AttemptView.TopicScore> topics = new ArrayList<>();
		byTopic
			.forEach((topic, sums) -> topics.add(new AttemptView.TopicScore(topic, sums[0], sums[1], (int) sums[2])));
		return topics;
	}

	private boolean released(SessionDocument session) {
		return session.resultsAt() == null || !this.clock.instant().isBefore(session.resultsAt());
	}

	static List<Object> keyOf(QuestionContent content) {
		return switch (content.type()) {
			case SINGLE, MULTIPLE, TRUE_FALSE -> List.copyOf(content.answer());
			case FILL -> List.copyOf(content.blanks());
			case ESSAY -> (content.referenceAnswer() != null) ? List.of(content.referenceAnswer()) : List.of();
		};
	}

	// Submitting and grading

	/**
	 * Submit the attempt (idempotent: a second submit returns the same outcome).
	 * @param attemptId the attempt
	 * @param candidate the candidate
	 * @param address the client's address
	 * @return the outcome
	 */
	public Mono<Outcome> submit(String attemptId, CurrentUser candidate, String address) {
		return owned(attemptId, candidate).then(submitBy(attemptId, "CANDIDATE", address));
	}

	private Mono<Outcome> submitBy(String attemptId, String by, String address) {
		AttemptEvent event = new AttemptEvent("SUBMITTED", this.clock.instant(), address, by);
		return this.store.submit(attemptId, by, event)
			.switchIfEmpty(this.store.findById(attemptId))
			.flatMap(this::gradeIfNeeded)
			.flatMap(this::outcome);
	}

	/**
	 * Grade a submitted attempt once: of racing graders only the one whose conditional
	 * update wins publishes the outcome; the others read the graded attempt.
	 */
	private Mono<AttemptDocument> gradeIfNeeded(AttemptDocument attempt) {
		if (!AttemptDocument.SUBMITTED.equals(attempt.status()) || !attempt.results().isEmpty()) {
			return Mono.just(attempt);
		}
		return this.exams.exam(attempt.examId())
			.flatMap((exam) -> grade(attempt, exam.definition()))
			.flatMap(this::publishIfPassed)
			.switchIfEmpty(Mono.defer(() -> this.store.findById(attempt.id())));
	}

	private Mono<AttemptDocument> grade(AttemptDocument attempt, ExamDefinition exam) {
		List<QuestionResult> results = new ArrayList<>();
		double total = 0;
		boolean pending = false;
		for (PaperQuestion question : attempt.paper()) {
			SavedAnswer answer = attempt.answers().get(question.questionId());
			Grading.Mark mark = Grading.mark(question.content(), question.score(),
					(answer != null) ? answer.response() : null, exam.multipleChoiceScoring());
			results.add(new QuestionResult(question.questionId(), mark.awarded(), mark.correct()));
			if (mark.awarded() == null) {
				pending = true;
			}
			else {
				total += mark.awarded();
			}
		}
		double score = Math.round(total * 100) / 100.0;
		Instant now = this.clock.instant();
		return this.store.grade(attempt.id(), attempt.answers(), results, pending ? null : score,
				pending ? null : score >= exam.passMark(), pending ? null : now);
	}

	private Mono<AttemptDocument> publishIfPassed(AttemptDocument attempt) {
		if (!AttemptDocument.GRADED.equals(attempt.status()) || !Boolean.TRUE.equals(attempt.passed())
				|| attempt.outcomePublished()) {
			return Mono.just(attempt);
		}
		return this.exams.exam(attempt.examId()).flatMap((exam) -> {
			AttemptPassed pass = new AttemptPassed(attempt.id(), attempt.examId(), exam.definition().title(),
					exam.definition().qualifying(), attempt.sessionId(), attempt.accountId(), attempt.score(),
					attempt.maxScore(), attempt.gradedAt());
			// A handler that fails leaves the pass unannounced; the sweep offers it
			// again.
			return Flux.fromStream(this.passHandlers.orderedStream())
				.concatMap((handler) -> handler.passed(pass))
				.then(this.store.markOutcomePublished(attempt.id()))
				.thenReturn(attempt)
				.onErrorResume((ex) -> {
					logger.warn("A module failed to take note of pass {}; it is offered again later", attempt.id(), ex);
					return Mono.just(attempt);
				});
		});
	}

	private Mono<Outcome> outcome(AttemptDocument attempt) {
		return this.exams.session(attempt.sessionId()).map((session) -> {
			boolean show = released(session) && AttemptDocument.GRADED.equals(attempt.status());
			return new Outcome(attempt.status(), show ? attempt.score() : null, attempt.maxScore(),
					show ? attempt.passed() : null);
		});
	}

	// Marking

	/**
	 * An essay answer awaiting a person's mark, shown without the candidate's identity.
	 *
	 * @param attemptId the attempt (not shown)
	 * @param label the anonymous label (答卷 1, 2, …)
	 * @param questionId the essay
	 * @param stemHtml the question
	 * @param referenceAnswer the model answer
	 * @param rubric the rubric
	 * @param score the most points
	 * @param answer what the candidate wrote
	 */
	public record MarkingItem(String attemptId, int label, String questionId, String stemHtml, String referenceAnswer,
			List<academy.cqo.questionbank.RubricItem> rubric, double score, String answer) {
	}

	/**
	 * The essays of a session that await marking, oldest submission first, blind to who
	 * wrote them.
	 * @param sessionId the session
	 * @param marker a trainer or administrator
	 * @return the essays
	 */
	public Flux<MarkingItem> markingQueue(String sessionId, CurrentUser marker) {
		CurrentUser.requireStaff(marker);
		return this.store.findAwaitingMarks(sessionId).index().concatMap((indexed) -> {
			AttemptDocument attempt = indexed.getT2();
			List<MarkingItem> items = new ArrayList<>();
			for (int i = 0; i < attempt.paper().size(); i++) {
				PaperQuestion question = attempt.paper().get(i);
				if (i < attempt.results().size() && attempt.results().get(i).awarded() == null) {
					SavedAnswer answer = attempt.answers().get(question.questionId());
					String text = (answer != null && !answer.response().isEmpty()) ? answer.response().get(0) : "";
					items.add(new MarkingItem(attempt.id(), indexed.getT1().intValue() + 1, question.questionId(),
							RenderedQuestion.of(question.content()).stemHtml(), question.content().referenceAnswer(),
							question.content().rubric(), question.score(), text));
				}
			}
			return Flux.fromIterable(items);
		});
	}

	/**
	 * Mark one essay; when nothing else awaits marking the result becomes final (and a
	 * pass is published).
	 * @param attemptId the attempt
	 * @param questionId the essay
	 * @param points the points, 0 to the question's score
	 * @param marker a trainer or administrator
	 * @return the attempt's outcome
	 */
	public Mono<Outcome> mark(String attemptId, String questionId, double points, CurrentUser marker) {
		CurrentUser.requireStaff(marker);
		return this.store.findById(attemptId)
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.flatMap((attempt) -> {
				PaperQuestion question = attempt.question(questionId).orElse(null);
				if (question == null) {
					return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
				}
				if (points < 0 || points > question.score()) {
					return Mono.error(new InvalidInput(
							List.of(FieldViolation.of("points", "exam.mark.range", Grading.format(question.score())))));
				}
				AttemptEvent event = new AttemptEvent("MARKED", this.clock.instant(), null,
						marker.username() + " " + questionId + " " + points);
				return this.store.mark(attemptId, questionId, points, event)
					.switchIfEmpty(Mono.error(new Conflict(FieldViolation.of("attempt", "exam.mark.closed"))));
			})
			.flatMap(this::finishIfMarked)
			.flatMap(this::outcome);
	}

	private Mono<AttemptDocument> finishIfMarked(AttemptDocument attempt) {
		boolean pending = attempt.results().stream().anyMatch((result) -> result.awarded() == null);
		if (pending || !AttemptDocument.SUBMITTED.equals(attempt.status())) {
			return Mono.just(attempt);
		}
		double total = Math.round(attempt.results().stream().mapToDouble(QuestionResult::awarded).sum() * 100) / 100.0;
		return this.exams.exam(attempt.examId())
			.flatMap((exam) -> this.store.finish(attempt.id(), total, total >= exam.definition().passMark(), now()))
			.flatMap(this::publishIfPassed)
			.switchIfEmpty(Mono.defer(() -> this.store.findById(attempt.id())));
	}

	// Staff view

	/**
	 * An attempt as staff see it in a session's list, with its integrity log.
	 *
	 * @param id the attempt
	 * @param username the candidate
	 * @param number 1 for the first attempt
	 * @param status its status
	 * @param startedAt when it started
	 * @param startedFrom the address it started from
	 * @param deadline its deadline
	 * @param submittedBy {@code CANDIDATE}, {@code DEADLINE} or {@code INTEGRITY}
	 * @param score the score when final
	 * @param passed whether it passed when final
	 * @param answered how many questions have an answer
	 * @param questions how many questions the paper has
	 * @param focusLosses how often the page was left
	 * @param events the whole log
	 */
	public record StaffAttempt(String id, String username, int number, String status, Instant startedAt,
			String startedFrom, Instant deadline, String submittedBy, Double score, Boolean passed, int answered,
			int questions, long focusLosses, List<AttemptEvent> events) {
	}

	/**
	 * The attempts of a session, oldest first, with their logs (for review and appeals).
	 * @param sessionId the session
	 * @param staff a trainer or administrator
	 * @return the attempts
	 */
	public Flux<StaffAttempt> inSession(String sessionId, CurrentUser staff) {
		CurrentUser.requireStaff(staff);
		return this.store.findBySession(sessionId)
			.map((attempt) -> new StaffAttempt(attempt.id(), attempt.username(), attempt.number(), attempt.status(),
					attempt.startedAt(), attempt.startedFrom(), attempt.deadline(), attempt.submittedBy(),
					attempt.score(), attempt.passed(), attempt.answers().size(), attempt.paper().size(),
					attempt.events().stream().filter((event) -> "FOCUS_LOST".equals(event.type())).count(),
					attempt.events()));
	}

	/**
	 * The passes of a session as {@link AttemptPassed} records (for modules that act on a
	 * whole session, such as issuing its certificates in bulk).
	 * @param sessionId the session
	 * @return its passed attempts, final results only
	 */
	public Flux<AttemptPassed> passes(String sessionId) {
		return this.exams.session(sessionId)
			.flatMap((session) -> this.exams.exam(session.examId()))
			.flatMapMany((exam) -> this.store.findBySession(sessionId)
				.filter((attempt) -> AttemptDocument.GRADED.equals(attempt.status())
						&& Boolean.TRUE.equals(attempt.passed()))
				.map((attempt) -> new AttemptPassed(attempt.id(), attempt.examId(), exam.definition().title(),
						exam.definition().qualifying(), attempt.sessionId(), attempt.accountId(), attempt.score(),
						attempt.maxScore(), attempt.gradedAt())));
	}

	// Regrading

	/**
	 * What a regrade did.
	 *
	 * @param attempts attempts that contained the question
	 * @param changed attempts whose mark changed
	 */
	public record Regraded(int attempts, int changed) {
	}

	/**
	 * Regrade one question in every submitted attempt of an exam with the question's
	 * current key (after a trainer corrected it): marks and totals are recomputed, each
	 * change is logged in the attempt (who, old and new mark), and attempts that now pass
	 * publish their outcome. Questions whose options changed are not regraded.
	 * @param examId the exam
	 * @param questionId the corrected question
	 * @param staff a trainer or administrator
	 * @return how many attempts were looked at and changed
	 */
	public Mono<Regraded> regrade(String examId, String questionId, CurrentUser staff) {
		CurrentUser.requireStaff(staff);
		return this.exams.changeableExam(examId, staff)
			.zipWith(this.banks.currentVersion(questionId))
			.flatMap((pair) -> this.store.findByExam(examId)
				.filter((attempt) -> !AttemptDocument.IN_PROGRESS.equals(attempt.status())
						&& !attempt.results().isEmpty())
				.filter((attempt) -> attempt.question(questionId).isPresent())
				.concatMap((attempt) -> regradeOne(attempt, questionId, pair.getT2().content(),
						pair.getT1().definition(), staff))
				.collectList())
			.map((changes) -> new Regraded(changes.size(),
					(int) changes.stream().filter(Boolean::booleanValue).count()));
	}

	private Mono<Boolean> regradeOne(AttemptDocument attempt, String questionId, QuestionContent current,
			ExamDefinition exam, CurrentUser staff) {
		int index = 0;
		while (!attempt.paper().get(index).questionId().equals(questionId)) {
			index++;
		}
		PaperQuestion question = attempt.paper().get(index);
		QuestionContent shown = question.content();
		boolean sameOptions = shown.options()
			.stream()
			.map(Option::id)
			.toList()
			.equals(current.options().stream().map(Option::id).toList());
		if (shown.type() != current.type() || !sameOptions || shown.type() == QuestionType.ESSAY) {
			return Mono.just(false);
		}
		QuestionContent corrected = new QuestionContent(shown.type(), shown.stem(), shown.options(), current.answer(),
				current.blanks(), shown.referenceAnswer(), shown.rubric(), shown.score(), current.explanation(),
				shown.source());
		SavedAnswer answer = attempt.answers().get(questionId);
		Grading.Mark mark = Grading.mark(corrected, question.score(), (answer != null) ? answer.response() : null,
				exam.multipleChoiceScoring());
		QuestionResult before = attempt.results().get(index);
		QuestionResult after = new QuestionResult(questionId, mark.awarded(), mark.correct());
		if (java.util.Objects.equals(before.awarded(), after.awarded()) && corrected.equals(shown)) {
			return Mono.just(false);
		}
		Double score = null;
		Boolean passed = null;
		if (AttemptDocument.GRADED.equals(attempt.status())) {
			double total = 0;
			for (int i = 0; i < attempt.results().size(); i++) {
				Double awarded = (i == index) ? after.awarded() : attempt.results().get(i).awarded();
				total += (awarded != null) ? awarded : 0;
			}
			score = Math.round(total * 100) / 100.0;
			passed = score >= exam.passMark();
		}
		AttemptEvent event = new AttemptEvent("REGRADED", this.clock.instant(), null,
				staff.username() + " " + questionId + " " + before.awarded() + " -> " + after.awarded());
		return this.store.regrade(attempt.id(), index, corrected, before, after, score, passed, event)
			.flatMap(this::publishIfPassed)
			.map((regraded) -> !java.util.Objects.equals(before.awarded(), after.awarded()))
			.defaultIfEmpty(false);
	}

	// Item analysis

	/**
	 * How many questions an exam's item analysis flags for review, for a trainer's
	 * overview.
	 *
	 * @param sittings graded papers analysed
	 * @param flagged questions flagged (low or negative discrimination)
	 */
	public record AnalysisFlags(int sittings, long flagged) {
	}

	/**
	 * The flags of an exam's item analysis.
	 * @param examId the exam
	 * @param staff staff who may see its analysis
	 * @return the counts
	 */
	public Mono<AnalysisFlags> analysisFlags(String examId, CurrentUser staff) {
		return analysis(examId, staff).map((report) -> new AnalysisFlags(report.sittings(),
				report.questions().stream().filter(ItemAnalysis.QuestionStatistics::flagged).count()));
	}

	/**
	 * Item statistics over every graded attempt of an exam.
	 * @param examId the exam
	 * @param staff a trainer or administrator
	 * @return the report
	 */
	public Mono<ItemAnalysis.Report> analysis(String examId, CurrentUser staff) {
		CurrentUser.requireStaff(staff);
		return this.store.findGradedByExam(examId).map(Attempts::sitting).collectList().map(ItemAnalysis::of);
	}

	private static ItemAnalysis.Sitting sitting(AttemptDocument attempt) {
		List<ItemAnalysis.Item> items = new ArrayList<>();
		for (int i = 0; i < attempt.paper().size(); i++) {
			PaperQuestion question = attempt.paper().get(i);
			QuestionResult result = (i < attempt.results().size()) ? attempt.results().get(i) : null;
			SavedAnswer answer = attempt.answers().get(question.questionId());
			String stem = question.content().stem().strip().replaceAll("\\s+", " ");
			String label = (stem.length() > 40) ? stem.substring(0, 40) + "…" : stem;
			List<String> chosen = (answer != null && question.content().type() != QuestionType.FILL
					&& question.content().type() != QuestionType.ESSAY) ? answer.response() : List.of();
			items.add(new ItemAnalysis.Item(question.questionId(), question.version(), label,
					question.content().type().code(),
					(result != null && result.awarded() != null) ? result.awarded() : 0, question.score(), chosen));
		}
		return new ItemAnalysis.Sitting((attempt.score() != null) ? attempt.score() : 0, items);
	}

	// The deadline

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
				.flatMap(this::gradeIfNeeded))
			.count()
			.flatMap((submitted) -> this.store.findUngraded()
				.concatMap(this::gradeIfNeeded)
				.thenMany(this.store.findUnpublishedPasses(this.clock.instant().minus(UNPUBLISHED_AFTER))
					.concatMap(this::publishIfPassed))
				.then(Mono.just(submitted)));
	}

}
