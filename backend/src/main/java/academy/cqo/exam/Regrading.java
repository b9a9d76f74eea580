package academy.cqo.exam;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionType;

/**
 * Regrading after a trainer corrected a key: every submitted attempt of an exam that
 * holds the question is marked again with the corrected key, each change logged in the
 * attempt, and attempts that now pass publish their outcome.
 */
@Service
public class Regrading {

	private final AttemptStore store;

	private final Exams exams;

	private final QuestionBanks banks;

	private final Submissions submissions;

	private final Clock clock;

	Regrading(AttemptStore store, Exams exams, QuestionBanks banks, Submissions submissions, Clock clock) {
		this.store = store;
		this.exams = exams;
		this.banks = banks;
		this.submissions = submissions;
		this.clock = clock;
	}

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
				.filter((attempt) -> attempt.state() != AttemptStatus.IN_PROGRESS && !attempt.results().isEmpty())
				.filter((attempt) -> attempt.question(questionId).isPresent())
				.concatMap((attempt) -> regradeOne(attempt, questionId, pair.getT2().content(),
						pair.getT1().definition(), staff))
				.collectList())
			.map((changes) -> new Regraded(changes.size(),
					(int) changes.stream().filter(Boolean::booleanValue).count()));
	}

	/**
	 * The question as shown with the current key, answer and explanation; empty when it
	 * cannot be regraded (its type or options changed, or it is an essay).
	 * @param shown the frozen version on the paper
	 * @param current the corrected version
	 * @return the question to mark with
	 */
	static Optional<QuestionContent> corrected(QuestionContent shown, QuestionContent current) {
		boolean sameOptions = shown.options()
			.stream()
			.map(Option::id)
			.toList()
			.equals(current.options().stream().map(Option::id).toList());
		if (shown.type() != current.type() || !sameOptions || shown.type() == QuestionType.ESSAY) {
			return Optional.empty();
		}
		return Optional
			.of(new QuestionContent(shown.type(), shown.stem(), shown.options(), current.answer(), current.blanks(),
					shown.referenceAnswer(), shown.rubric(), shown.score(), current.explanation(), shown.source()));
	}

	/**
	 * The total of a paper's marks with one mark replaced, rounded to hundredths.
	 * @param results the marks
	 * @param index the replaced mark's position
	 * @param awarded the new mark
	 * @return the total
	 */
	static double total(List<QuestionResult> results, int index, Double awarded) {
		double total = 0;
		for (int i = 0; i < results.size(); i++) {
			Double points = (i == index) ? awarded : results.get(i).awarded();
			total += (points != null) ? points : 0;
		}
		return Math.round(total * 100) / 100.0;
	}

	private Mono<Boolean> regradeOne(AttemptDocument attempt, String questionId, QuestionContent current,
			ExamDefinition exam, CurrentUser staff) {
		int index = 0;
		while (!attempt.paper().get(index).questionId().equals(questionId)) {
			index++;
		}
		PaperQuestion question = attempt.paper().get(index);
		QuestionContent shown = question.content();
		QuestionContent corrected = corrected(shown, current).orElse(null);
		if (corrected == null) {
			return Mono.just(false);
		}
		SavedAnswer answer = attempt.answers().get(questionId);
		Grading.Mark mark = Grading.mark(corrected, question.score(), (answer != null) ? answer.response() : null,
				exam.multipleChoiceScoring());
		QuestionResult before = attempt.results().get(index);
		QuestionResult after = new QuestionResult(questionId, mark.awarded(), mark.correct());
		if (Objects.equals(before.awarded(), after.awarded()) && corrected.equals(shown)) {
			return Mono.just(false);
		}
		Double score = null;
		Boolean passed = null;
		if (attempt.state() == AttemptStatus.GRADED) {
			score = total(attempt.results(), index, after.awarded());
			passed = score >= exam.passMark();
		}
		AttemptEvent event = new AttemptEvent("REGRADED", this.clock.instant(), null,
				staff.username() + " " + questionId + " " + before.awarded() + " -> " + after.awarded());
		return this.store.regrade(attempt.id(), index, corrected, before, after, score, passed, event)
			.flatMap(this.submissions::publishIfPassed)
			.map((regraded) -> !Objects.equals(before.awarded(), after.awarded()))
			.defaultIfEmpty(false);
	}

}
