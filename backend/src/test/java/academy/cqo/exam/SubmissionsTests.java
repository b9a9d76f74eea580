package academy.cqo.exam;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import academy.cqo.exam.persistence.AttemptDocument.PaperQuestion;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grading a paper by its frozen keys: a mark per question in paper order, a score only
 * when no essay awaits a person's mark.
 */
class SubmissionsTests {

	private final ExamDefinition exam = AttemptFixtures.exam(ReviewPolicy.ANSWERS);

	@Test
	void whenEveryQuestionIsMarkedByKeyThenTheScoreIsTheirSumAndDecidesThePass() {
		List<PaperQuestion> paper = List.of(AttemptFixtures.onPaper("q1", AttemptFixtures.single("谁负责？", "a")),
				AttemptFixtures.onPaper("q2", AttemptFixtures.trueFalse(true)),
				AttemptFixtures.onPaper("q3", AttemptFixtures.fill()));

		Submissions.Marks marks = Submissions.marks(paper,
				Map.of("q1", AttemptFixtures.answer("a"), "q3", AttemptFixtures.answer("实施", "错")), this.exam);

		assertThat(marks.results()).containsExactly(new QuestionResult("q1", 10.0, true),
				new QuestionResult("q2", 0.0, false), new QuestionResult("q3", 5.0, false));
		assertThat(marks.score()).isEqualTo(15.0);
		assertThat(marks.passes(15)).isTrue();
		assertThat(marks.passes(15.01)).isFalse();
	}

	@Test
	void whenAnEssayAwaitsMarkingThenNoScoreAndNoPassYet() {
		List<PaperQuestion> paper = List.of(AttemptFixtures.onPaper("q1", AttemptFixtures.single("谁负责？", "a")),
				AttemptFixtures.onPaper("q2", AttemptFixtures.essay()));

		Submissions.Marks marks = Submissions.marks(paper,
				Map.of("q1", AttemptFixtures.answer("a"), "q2", AttemptFixtures.answer("成立小组")), this.exam);

		assertThat(marks.results()).containsExactly(new QuestionResult("q1", 10.0, true),
				new QuestionResult("q2", null, null));
		assertThat(marks.score()).isNull();
		assertThat(marks.passes(0)).isFalse();
	}

	@Test
	void whenTenthsAddUpThenTheScoreIsRoundedToHundredths() {
		List<PaperQuestion> paper = List.of(
				new PaperQuestion("q1", 1, 0, AttemptFixtures.single("谁负责？", "a"), 0.1, List.of("a", "b", "c")),
				new PaperQuestion("q2", 1, 0, AttemptFixtures.single("谁监督？", "b"), 0.2, List.of("a", "b", "c")));

		Submissions.Marks marks = Submissions.marks(paper,
				Map.of("q1", AttemptFixtures.answer("a"), "q2", AttemptFixtures.answer("b")), this.exam);

		assertThat(0.1 + 0.2).isNotEqualTo(0.3);
		assertThat(marks.score()).isEqualTo(0.3);
	}

}
