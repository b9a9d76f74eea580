package academy.cqo.exam;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptDocument.SavedAnswer;
import academy.cqo.exam.persistence.AttemptStore;
import academy.cqo.identity.CurrentUser;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * A candidate's answers and flags. Answers are saved one at a time with a sequence
 * number, each save one conditional update of the answer's own document (what it checks
 * of the attempt is kept in memory: {@link AttemptGates}), so that repeats and late
 * arrivals never overwrite a newer answer, nothing is accepted after the deadline plus
 * the grace period, and nothing is acknowledged that grading did not see.
 */
@Service
public class Answers {

	private static final int MAX_CACHED_PAPERS = 20_000;

	private final AttemptStore store;

	private final AttemptReads reads;

	private final AttemptGates gates;

	private final ExamSettings settings;

	private final Clock clock;

	/**
	 * What a save needs of an attempt, kept in memory per attempt (bounded), so that a
	 * save does not read the attempt.
	 */
	private final Map<String, Paper> papers = new ConcurrentHashMap<>();

	Answers(AttemptStore store, AttemptReads reads, AttemptGates gates, ExamSettings settings, Clock clock) {
		this.store = store;
		this.reads = reads;
		this.gates = gates;
		this.settings = settings;
		this.clock = clock;
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
	 * Save one answer.
	 * @param attemptId the attempt
	 * @param questionId the question
	 * @param response option ids, {@code true}/{@code false}, texts per blank, or the
	 * essay
	 * @param seq the page's sequence number for this question (newer answers have higher
	 * numbers)
	 * @param browserToken the page's token, or {@code null} for API clients
	 * @param candidate the candidate
	 * @return the acknowledgement, or {@link AttemptClosed} when the attempt is closed,
	 * {@link AttemptHeldElsewhere} when another page holds it
	 */
	public Mono<Saved> save(String attemptId, String questionId, List<String> response, long seq, String browserToken,
			CurrentUser candidate) {
		return paper(attemptId, candidate).flatMap((paper) -> {
			QuestionContent content = paper.contents().get(questionId);
			if (content == null) {
				return Mono.error(new PaperQuestionNotFound(attemptId, questionId));
			}
			List<FieldViolation> violations = AnswerShapes.violations(content, response, seq);
			if (!violations.isEmpty()) {
				return Mono.error(new InvalidInput(violations));
			}
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			if (!paper.deadline().isAfter(now.minus(this.settings.gracePeriod()))) {
				return Mono.error(new AttemptClosed());
			}
			return this.gates.check(attemptId, browserToken)
				.then(this.store.saveAnswer(attemptId, questionId, new SavedAnswer(List.copyOf(response), seq, now)))
				.flatMap((result) -> acknowledgement(attemptId, result, paper, now));
		});
	}

	/**
	 * The acknowledgement of a stored answer (the one sent, or a newer one that was
	 * there); an {@link AttemptClosed} when the attempt's answers were sealed for grading
	 * first.
	 */
	private Mono<Saved> acknowledgement(String attemptId, AttemptStore.AnswerSave result, Paper paper, Instant now) {
		if (result.sealed() || result.stored() == null) {
			this.gates.closed(attemptId);
			return Mono.error(new AttemptClosed());
		}
		SavedAnswer stored = result.stored();
		return Mono.just(new Saved(stored.seq(), stored.savedAt(), paper.deadline(), now));
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
		return this.reads.owned(attemptId, candidate)
			.then(this.store.flag(attemptId, candidate.accountId(), questionId, flagged))
			.map(AttemptDocument::flagged)
			.switchIfEmpty(Mono.error(new AttemptClosed()));
	}

	/**
	 * An attempt this instance just started: what its saves need is at hand, so its first
	 * save does not read the attempt (on an exam day every candidate's first save comes
	 * within seconds of the synchronised start).
	 * @param attempt the stored attempt, with its paper's contents
	 */
	void started(AttemptDocument attempt) {
		if (attempt.state() != AttemptStatus.IN_PROGRESS) {
			return;
		}
		remember(attempt);
	}

	private Paper remember(AttemptDocument attempt) {
		if (this.papers.size() >= MAX_CACHED_PAPERS) {
			this.papers.clear();
		}
		Paper loaded = Paper.of(attempt);
		this.gates.seen(attempt.id(), new AttemptStore.Gate(attempt.status(), attempt.browserToken()));
		this.papers.put(attempt.id(), loaded);
		return loaded;
	}

	private Mono<Paper> paper(String attemptId, CurrentUser candidate) {
		Paper cached = this.papers.get(attemptId);
		Mono<Paper> paper = (cached != null) ? Mono.just(cached)
				: this.reads.owned(attemptId, candidate).map(this::remember);
		return paper.filter((loaded) -> loaded.accountId().equals(candidate.accountId()))
			.switchIfEmpty(Mono.error(() -> new AttemptNotFound(attemptId)));
	}

	/**
	 * What a save needs of an attempt that never changes after the start: its candidate,
	 * the frozen questions and the deadline.
	 */
	private record Paper(String accountId, Map<String, QuestionContent> contents, Instant deadline) {

		static Paper of(AttemptDocument attempt) {
			Map<String, QuestionContent> contents = new HashMap<>();
			attempt.paper().forEach((question) -> contents.put(question.questionId(), question.content()));
			return new Paper(attempt.accountId(), Map.copyOf(contents), attempt.deadline());
		}

	}

}
