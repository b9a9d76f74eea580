package academy.cqo.exam;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import academy.cqo.exam.domain.ItemAnalysis;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graded paper as the item analysis reads it.
 */
class ItemAnalysesTests {

	@Test
	void whenAPaperIsReadThenPointsChosenOptionsAndShortLabelsFollowThePaper() {
		QuestionContent longStem = new QuestionContent(QuestionType.SINGLE,
				"  依照《中华人民共和国产品质量法》的规定，\n  生产者应当对其生产的产品质量负责，下列哪一项说法是正确的，请选择最合适的一项答案  ",
				AttemptFixtures.single("x", "a").options(), List.of("a"), null, null, null, 10, null, null);
		var attempt = AttemptFixtures.gradedAttempt(
				List.of(AttemptFixtures.onPaper("q1", longStem), AttemptFixtures.onPaper("q2", AttemptFixtures.fill()),
						AttemptFixtures.onPaper("q3", AttemptFixtures.essay())),
				Map.of("q1", AttemptFixtures.answer("b"), "q2", AttemptFixtures.answer("执行", "处理"), "q3",
						AttemptFixtures.answer("成立攻关小组")),
				List.of(new QuestionResult("q1", 0.0, false), new QuestionResult("q2", 10.0, true),
						new QuestionResult("q3", 12.0, null)),
				22, false);

		ItemAnalysis.Sitting sitting = ItemAnalyses.sitting(attempt);

		assertThat(sitting.total()).isEqualTo(22);
		assertThat(sitting.items()).extracting(ItemAnalysis.Item::questionId).containsExactly("q1", "q2", "q3");
		ItemAnalysis.Item first = sitting.items().get(0);
		assertThat(first.label()).hasSize(41).startsWith("依照《中华人民共和国产品质量法》的规定， 生产者").endsWith("…");
		assertThat(first.chosen()).containsExactly("b");
		assertThat(first.type()).isEqualTo("single");
		assertThat(sitting.items().get(1).chosen()).isEmpty();
		assertThat(sitting.items().get(1).awarded()).isEqualTo(10.0);
		assertThat(sitting.items().get(2).chosen()).isEmpty();
		assertThat(sitting.items().get(2).max()).isEqualTo(20.0);
	}

}
