package academy.cqo.exam;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptDocument.AttemptEvent;
import academy.cqo.exam.persistence.AttemptDocument.PaperQuestion;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;
import academy.cqo.exam.persistence.AttemptDocument.SavedAnswer;
import academy.cqo.exam.persistence.SessionDocument;
import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.questionformats.RubricItem;

/**
 * Attempts, questions and exams for tests that need no store.
 */
final class AttemptFixtures {

	static final Instant STARTED = Instant.parse("2026-12-05T01:00:00Z");

	private AttemptFixtures() {
	}

	/** A single choice of options a, b, c whose key is {@code key}. */
	static QuestionContent single(String stem, String key) {
		return new QuestionContent(QuestionType.SINGLE, stem,
				List.of(new Option("a", "生产者"), new Option("b", "消费者"), new Option("c", "行业协会")), List.of(key), null,
				null, null, 10, "解析", null);
	}

	/** A multiple choice of options a, b, c, d whose key is {@code keys}. */
	static QuestionContent multiple(String... keys) {
		return new QuestionContent(
				QuestionType.MULTIPLE, "哪些属于质量管理体系？", List.of(new Option("a", "ISO 9001"),
						new Option("b", "IATF 16949"), new Option("c", "ISO 14001"), new Option("d", "GB/T 19580")),
				List.of(keys), null, null, null, 10, null, null);
	}

	/** A true/false statement. */
	static QuestionContent trueFalse(boolean key) {
		return new QuestionContent(QuestionType.TRUE_FALSE, "首席质量官拥有质量安全一票否决权。", null, List.of(String.valueOf(key)),
				null, null, null, 10, null, null);
	}

	/** A fill-in with two blanks. */
	static QuestionContent fill() {
		return new QuestionContent(QuestionType.FILL, "PDCA 指计划、___、检查、___。", null, null,
				List.of(List.of("执行", "实施"), List.of("处理", "改进")), null, null, 10, null, null);
	}

	/** An essay with a reference answer and a rubric. */
	static QuestionContent essay() {
		return new QuestionContent(QuestionType.ESSAY, "结合本企业案例，论述质量攻关的组织方法。", null, null, null, "成立攻关小组……",
				List.of(new RubricItem(10, "方法完整"), new RubricItem(10, "结合实际")), 20, null, null);
	}

	/** An exam of one section per type, passing at 60. */
	static ExamDefinition exam(ReviewPolicy reviewPolicy) {
		return new ExamDefinition("首席质量官任职资格考试", null, true,
				List.of(new Section("单选", List.of("bank"), QuestionType.SINGLE, null, Set.of(), 2, 10),
						new Section("简答", List.of("bank"), QuestionType.ESSAY, null, Set.of(), 1, 20)),
				60, 3600, false, false, 2, 0, reviewPolicy, MultipleChoiceScoring.ALL_OR_NOTHING, 0);
	}

	/** A question on a paper, in section 0, scored by its own score. */
	static PaperQuestion onPaper(String questionId, QuestionContent content) {
		return onPaper(questionId, 0, content);
	}

	static PaperQuestion onPaper(String questionId, int section, QuestionContent content) {
		return new PaperQuestion(questionId, 1, section, content, content.score(),
				content.options().stream().map(Option::id).toList());
	}

	/** An answer saved at the start. */
	static SavedAnswer answer(String... response) {
		return new SavedAnswer(List.of(response), 1, STARTED);
	}

	/** An attempt still open with these answers. */
	static AttemptDocument openAttempt(List<PaperQuestion> paper, Map<String, SavedAnswer> answers) {
		return attempt(AttemptStatus.IN_PROGRESS.name(), paper, answers, List.of(), null, null);
	}

	/** A submitted attempt with its marks (an essay's mark {@code null} until marked). */
	static AttemptDocument submittedAttempt(List<PaperQuestion> paper, Map<String, SavedAnswer> answers,
			List<QuestionResult> results) {
		return attempt(AttemptStatus.SUBMITTED.name(), paper, answers, results, null, null);
	}

	/** A graded attempt with its marks and score. */
	static AttemptDocument gradedAttempt(List<PaperQuestion> paper, Map<String, SavedAnswer> answers,
			List<QuestionResult> results, double score, boolean passed) {
		return attempt(AttemptStatus.GRADED.name(), paper, answers, results, score, passed);
	}

	private static AttemptDocument attempt(String status, List<PaperQuestion> paper, Map<String, SavedAnswer> answers,
			List<QuestionResult> results, Double score, Boolean passed) {
		List<AttemptEvent> events = new ArrayList<>(List.of(new AttemptEvent("STARTED", STARTED, "10.0.0.1", null)));
		if (!AttemptStatus.IN_PROGRESS.name().equals(status)) {
			events.add(new AttemptEvent("SUBMITTED", STARTED.plusSeconds(600), null, "CANDIDATE"));
		}
		double max = paper.stream().mapToDouble(PaperQuestion::score).sum();
		return new AttemptDocument("s1:a1:1", "s1", "e1", "a1", "candidate", 1, status, STARTED,
				STARTED.plusSeconds(3600), 7, paper, new LinkedHashMap<>(answers), List.of(), events, null, "10.0.0.1",
				AttemptStatus.IN_PROGRESS.name().equals(status) ? null : STARTED.plusSeconds(600),
				AttemptStatus.IN_PROGRESS.name().equals(status) ? null : "CANDIDATE", results, score, max, passed,
				(score != null) ? STARTED.plusSeconds(601) : null, false);
	}

	/** A session open for a day from the start, with these adjustments. */
	static SessionDocument session(List<SessionDocument.Adjustment> adjustments) {
		return new SessionDocument("s1", "e1", "第一场", STARTED.minusSeconds(60), STARTED.plusSeconds(86_400), "36", null,
				null, null, adjustments, "trainer", STARTED.minusSeconds(3600), null);
	}

}
