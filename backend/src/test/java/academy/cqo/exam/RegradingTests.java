package academy.cqo.exam;

import java.util.List;

import org.junit.jupiter.api.Test;

import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;
import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a corrected key changes on a paper: the key, accepted blanks and explanation,
 * never what the candidate saw; nothing when the options or type changed or for essays.
 */
class RegradingTests {

	@Test
	void whenOnlyTheKeyChangedThenTheShownQuestionGetsTheNewKeyAndExplanation() {
		QuestionContent shown = AttemptFixtures.single("谁负责？", "b");
		QuestionContent current = new QuestionContent(QuestionType.SINGLE, "谁应当负责？（改写）", shown.options(), List.of("a"),
				null, null, null, 10, "生产者对产品质量负责", null);

		QuestionContent corrected = Regrading.corrected(shown, current).orElseThrow();

		assertThat(corrected.answer()).containsExactly("a");
		assertThat(corrected.explanation()).isEqualTo("生产者对产品质量负责");
		assertThat(corrected.stem()).isEqualTo("谁负责？");
		assertThat(corrected.options()).isEqualTo(shown.options());
	}

	@Test
	void whenTheOptionsOrTypeChangedOrItIsAnEssayThenItIsNotRegraded() {
		QuestionContent shown = AttemptFixtures.single("谁负责？", "b");
		QuestionContent moreOptions = new QuestionContent(QuestionType.SINGLE, "谁负责？",
				List.of(new Option("a", "生产者"), new Option("b", "消费者"), new Option("c", "行业协会"), new Option("d", "政府")),
				List.of("a"), null, null, null, 10, null, null);
		QuestionContent nowMultiple = new QuestionContent(QuestionType.MULTIPLE, "谁负责？", shown.options(),
				List.of("a", "b"), null, null, null, 10, null, null);

		assertThat(Regrading.corrected(shown, moreOptions)).isEmpty();
		assertThat(Regrading.corrected(shown, nowMultiple)).isEmpty();
		assertThat(Regrading.corrected(AttemptFixtures.essay(), AttemptFixtures.essay())).isEmpty();
	}

	@Test
	void whenOneMarkIsReplacedThenTheTotalCountsTheNewMarkAndUnmarkedAsNothing() {
		List<QuestionResult> results = List.of(new QuestionResult("q1", 10.0, true),
				new QuestionResult("q2", 0.0, false), new QuestionResult("q3", null, null));

		assertThat(Regrading.total(results, 1, 10.0 / 3)).isEqualTo(13.33);
		assertThat(Regrading.total(results, 0, 0.0)).isEqualTo(0.0);
	}

}
