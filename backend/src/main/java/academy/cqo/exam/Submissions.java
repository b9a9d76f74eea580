package academy.cqo.exam;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.domain.Grading;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptDocument.AttemptEvent;
import academy.cqo.exam.persistence.AttemptDocument.PaperQuestion;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;
import academy.cqo.exam.persistence.AttemptDocument.SavedAnswer;
import academy.cqo.exam.persistence.AttemptStore;

/**
 * Submitting and grading: an attempt moves {@code IN_PROGRESS → SUBMITTED} in one
 * conditional update (exactly one winner across instances), is graded once (of racing
 * graders only the one whose update wins goes on), and a final pass is handed to every
 * {@link PassHandler} until all of them took note of it.
 */
@Component
class Submissions {

	private static final Logger logger = LoggerFactory.getLogger(Submissions.class);

	private final AttemptStore store;

	private final Exams exams;

	private final AttemptReads reads;

	private final ObjectProvider<PassHandler> passHandlers;

	private final ObjectProvider<ResultHandler> resultHandlers;

	private final Clock clock;

	private final AttemptGates gates;

	Submissions(AttemptStore store, Exams exams, AttemptReads reads, ObjectProvider<PassHandler> passHandlers,
			ObjectProvider<ResultHandler> resultHandlers, Clock clock, AttemptGates gates) {
		this.gates = gates;
		this.store = store;
		this.exams = exams;
		this.reads = reads;
		this.passHandlers = passHandlers;
		this.resultHandlers = resultHandlers;
		this.clock = clock;
	}

	/**
	 * The marks of a paper and, when nothing awaits a person's mark, its score.
	 *
	 * @param results a mark per question, in paper order
	 * @param score the score rounded to hundredths, or {@code null} while essays await
	 * marking
	 */
	record Marks(List<QuestionResult> results, Double score) {

		boolean passes(double passMark) {
			return this.score != null && this.score >= passMark;
		}

	}

	/**
	 * Mark every question of a paper by its frozen key.
	 * @param paper the paper
	 * @param answers the answers by question
	 * @param exam the exam (its multiple-choice scoring)
	 * @return the marks
	 */
	static Marks marks(List<PaperQuestion> paper, Map<String, SavedAnswer> answers, ExamDefinition exam) {
		List<QuestionResult> results = new ArrayList<>();
		double total = 0;
		boolean pending = false;
		for (PaperQuestion question : paper) {
			SavedAnswer answer = answers.get(question.questionId());
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
		return new Marks(results, pending ? null : Math.round(total * 100) / 100.0);
	}

	/**
	 * Submit an attempt (idempotent) and grade it.
	 * @param attemptId the attempt
	 * @param by {@code CANDIDATE}, {@code DEADLINE} or {@code INTEGRITY}
	 * @param address the client's address, or {@code null}
	 * @return the outcome
	 */
	Mono<AttemptOutcome> submit(String attemptId, String by, String address) {
		AttemptEvent event = new AttemptEvent("SUBMITTED", this.clock.instant(), address, by);
		return this.store.submit(attemptId, by, event)
			.switchIfEmpty(this.store.findById(attemptId))
			.flatMap(this::gradeIfNeeded)
			.flatMap(this::outcome);
	}

	/**
	 * Grade a submitted attempt once: of racing graders only the one whose conditional
	 * update wins publishes the outcome; the others read the graded attempt. The answers
	 * graded are read after they were sealed ({@link AttemptStore#sealAnswers}): every
	 * acknowledged save was stored before the seal, every later one is refused.
	 * @param attempt the attempt
	 * @return the attempt as it is now
	 */
	Mono<AttemptDocument> gradeIfNeeded(AttemptDocument attempt) {
		if (attempt.state() != AttemptStatus.IN_PROGRESS) {
			this.gates.closed(attempt.id());
		}
		if (attempt.state() != AttemptStatus.SUBMITTED || !attempt.results().isEmpty()) {
			return Mono.just(attempt);
		}
		return this.store.sealAnswers(attempt)
			.zipWith(this.exams.exam(attempt.examId()))
			.flatMap((sealed) -> grade(sealed.getT1(), sealed.getT2().definition()))
			.flatMap(this::publishIfPassed)
			.switchIfEmpty(Mono.defer(() -> this.store.findById(attempt.id())));
	}

	private Mono<AttemptDocument> grade(AttemptDocument attempt, ExamDefinition exam) {
		Marks marks = marks(attempt.paper(), attempt.answers(), exam);
		boolean pending = marks.score() == null;
		return this.store.grade(attempt.id(), attempt.answers(), marks.results(), marks.score(),
				pending ? null : marks.passes(exam.passMark()), pending ? null : this.clock.instant());
	}

	/**
	 * Hand a final pass not yet announced to every {@link PassHandler}; it is marked
	 * announced only when all of them succeeded (otherwise the sweep offers it again).
	 * @param attempt the attempt
	 * @return the attempt
	 */
	Mono<AttemptDocument> publishIfPassed(AttemptDocument attempt) {
		return tellResult(attempt).then(Mono.defer(() -> publishPass(attempt)));
	}

	/**
	 * Tell every {@link ResultHandler} a final result of a qualifying exam (pass or
	 * fail); a handler's failure is logged, not passed on (its reconciliation heals it).
	 */
	private Mono<Void> tellResult(AttemptDocument attempt) {
		if (attempt.state() != AttemptStatus.GRADED || attempt.passed() == null) {
			return Mono.empty();
		}
		return this.exams.exam(attempt.examId())
			.filter((exam) -> exam.definition().qualifying())
			.flatMap((exam) -> this.exams.session(attempt.sessionId()))
			.mapNotNull((session) -> AttemptResult.of(attempt, session))
			.flatMapMany((result) -> Flux.fromStream(this.resultHandlers.orderedStream())
				.concatMap((handler) -> handler.graded(result)))
			.onErrorResume((ex) -> {
				logger.warn("A module failed to take note of the result of {}", attempt.id(), ex);
				return Mono.empty();
			})
			.then();
	}

	private Mono<AttemptDocument> publishPass(AttemptDocument attempt) {
		if (attempt.state() != AttemptStatus.GRADED || !Boolean.TRUE.equals(attempt.passed())
				|| attempt.outcomePublished()) {
			return Mono.just(attempt);
		}
		return this.exams.exam(attempt.examId()).flatMap((exam) -> {
			AttemptPassed pass = AttemptPassed.of(attempt, exam.definition());
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

	/**
	 * The outcome as the candidate may see it: score and verdict only when final and
	 * released.
	 * @param attempt the attempt
	 * @return the outcome
	 */
	Mono<AttemptOutcome> outcome(AttemptDocument attempt) {
		return this.exams.session(attempt.sessionId()).map((session) -> {
			boolean show = this.reads.released(session) && attempt.state() == AttemptStatus.GRADED;
			return new AttemptOutcome(attempt.status(), show ? attempt.score() : null, attempt.maxScore(),
					show ? attempt.passed() : null);
		});
	}

}
