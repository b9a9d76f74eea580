package academy.cqo.exam;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The marking queue shows only what awaits a person's mark, under an anonymous label.
 */
class MarkingTests {

	@Test
	void whenAPaperHasAnUnmarkedEssayThenOnlyItIsQueuedWithTheAnswerRubricAndLabel() {
		var attempt = AttemptFixtures.submittedAttempt(
				List.of(AttemptFixtures.onPaper("q1", AttemptFixtures.single("谁负责？", "a")),
						AttemptFixtures.onPaper("q2", 1, AttemptFixtures.essay()),
						AttemptFixtures.onPaper("q3", 1, AttemptFixtures.essay())),
				Map.of("q1", AttemptFixtures.answer("a"), "q2", AttemptFixtures.answer("成立攻关小组，分析原因")),
				List.of(new QuestionResult("q1", 10.0, true), new QuestionResult("q2", null, null),
						new QuestionResult("q3", 15.0, null)));

		List<Marking.MarkingItem> items = Marking.unmarked(attempt, 3);

		assertThat(items).hasSize(1);
		Marking.MarkingItem item = items.get(0);
		assertThat(item.questionId()).isEqualTo("q2");
		assertThat(item.label()).isEqualTo(3);
		assertThat(item.answer()).isEqualTo("成立攻关小组，分析原因");
		assertThat(item.referenceAnswer()).isEqualTo("成立攻关小组……");
		assertThat(item.rubric()).hasSize(2);
		assertThat(item.score()).isEqualTo(20.0);
		assertThat(item.stemHtml()).contains("质量攻关");
	}

	@Test
	void whenAnEssayWasLeftBlankThenItIsQueuedWithAnEmptyAnswer() {
		var attempt = AttemptFixtures.submittedAttempt(List.of(AttemptFixtures.onPaper("q1", AttemptFixtures.essay())),
				Map.of(), List.of(new QuestionResult("q1", null, null)));

		assertThat(Marking.unmarked(attempt, 1)).singleElement()
			.satisfies((item) -> assertThat(item.answer()).isEmpty());
	}

}
