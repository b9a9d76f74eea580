package academy.cqo.exam;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.domain.Grading;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptDocument.AttemptEvent;
import academy.cqo.exam.persistence.AttemptDocument.PaperQuestion;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;
import academy.cqo.exam.persistence.AttemptDocument.SavedAnswer;
import academy.cqo.exam.persistence.AttemptStore;
import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.RenderedQuestion;
import academy.cqo.questionformats.RubricItem;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * Blind marking of essays: a session's essays awaiting a mark, shown without the
 * candidate's identity, and the marks; the last mark makes the result final.
 */
@Service
public class Marking {

	private final AttemptStore store;

	private final Exams exams;

	private final Submissions submissions;

	private final Clock clock;

	Marking(AttemptStore store, Exams exams, Submissions submissions, Clock clock) {
		this.store = store;
		this.exams = exams;
		this.submissions = submissions;
		this.clock = clock;
	}

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
			List<RubricItem> rubric, double score, String answer) {
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
		return this.store.findAwaitingMarks(sessionId)
			.index()
			.concatMap((indexed) -> Flux.fromIterable(unmarked(indexed.getT2(), indexed.getT1().intValue() + 1)));
	}

	/**
	 * The questions of a paper that await a person's mark.
	 * @param attempt the attempt
	 * @param label its anonymous label
	 * @return the items
	 */
	static List<MarkingItem> unmarked(AttemptDocument attempt, int label) {
		List<MarkingItem> items = new ArrayList<>();
		for (int i = 0; i < attempt.paper().size(); i++) {
			PaperQuestion question = attempt.paper().get(i);
			if (i < attempt.results().size() && attempt.results().get(i).awarded() == null) {
				SavedAnswer answer = attempt.answers().get(question.questionId());
				String text = (answer != null && !answer.response().isEmpty()) ? answer.response().get(0) : "";
				items.add(new MarkingItem(attempt.id(), label, question.questionId(),
						RenderedQuestion.of(question.content()).stemHtml(), question.content().referenceAnswer(),
						question.content().rubric(), question.score(), text));
			}
		}
		return items;
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
	public Mono<AttemptOutcome> mark(String attemptId, String questionId, double points, CurrentUser marker) {
		CurrentUser.requireStaff(marker);
		return this.store.findById(attemptId)
			.switchIfEmpty(Mono.error(() -> new AttemptNotFound(attemptId)))
			.flatMap((attempt) -> {
				PaperQuestion question = attempt.question(questionId).orElse(null);
				if (question == null) {
					return Mono.error(new PaperQuestionNotFound(attemptId, questionId));
				}
				if (points < 0 || points > question.score()) {
					return Mono.error(new InvalidInput(
							List.of(FieldViolation.of("points", "exam.mark.range", Grading.format(question.score())))));
				}
				AttemptEvent event = new AttemptEvent("MARKED", this.clock.instant(), null,
						marker.username() + " " + questionId + " " + points);
				return this.store.mark(attemptId, questionId, points, event)
					.switchIfEmpty(Mono.error(new AttemptNotAwaitingMarks()));
			})
			.flatMap(this::finishIfMarked)
			.flatMap(this.submissions::outcome);
	}

	private Mono<AttemptDocument> finishIfMarked(AttemptDocument attempt) {
		boolean pending = attempt.results().stream().anyMatch((result) -> result.awarded() == null);
		if (pending || attempt.state() != AttemptStatus.SUBMITTED) {
			return Mono.just(attempt);
		}
		double total = Math.round(attempt.results().stream().mapToDouble(QuestionResult::awarded).sum() * 100) / 100.0;
		return this.exams.exam(attempt.examId())
			.flatMap((exam) -> this.store.finish(attempt.id(), total, total >= exam.definition().passMark(),
					this.clock.instant().truncatedTo(ChronoUnit.MILLIS)))
			.flatMap(this.submissions::publishIfPassed)
			.switchIfEmpty(Mono.defer(() -> this.store.findById(attempt.id())));
	}

}
