package academy.cqo.exam;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feedback of a result: points per broad knowledge point (else per section), and the
 * key as the review policy shows it.
 */
class AttemptReadsTests {

	@Test
	void whenKnowledgePointsAreDeepThenTheyAreCutToTwoLevels() {
		assertThat(AttemptReads.broad("质量法律法规/认证认可/强制性认证")).isEqualTo("质量法律法规/认证认可");
		assertThat(AttemptReads.broad("质量法律法规/产品质量法")).isEqualTo("质量法律法规/产品质量法");
		assertThat(AttemptReads.broad("质量文化")).isEqualTo("质量文化");
	}

	@Test
	void whenAPaperIsGradedThenPointsAreSummedPerKnowledgePointOrSectionSortedByName() {
		var attempt = AttemptFixtures.gradedAttempt(
				List.of(AttemptFixtures.onPaper("q1", AttemptFixtures.single("谁负责？", "a")),
						AttemptFixtures.onPaper("q2", AttemptFixtures.single("谁监督？", "b")),
						AttemptFixtures.onPaper("q3", 1, AttemptFixtures.essay())),
				Map.of(), List.of(new QuestionResult("q1", 10.0, true), new QuestionResult("q2", 0.0, false),
						new QuestionResult("q3", 12.5, null)),
				22.5, false);
		Map<String, List<String>> points = Map.of("q1", List.of("质量法律法规/产品质量法/生产者责任"), "q2",
				List.of("质量法律法规/产品质量法", "质量文化"));

		List<AttemptView.TopicScore> topics = AttemptReads.topics(attempt,
				AttemptFixtures.exam(ReviewPolicy.EXPLANATIONS), points);

		assertThat(topics).containsExactly(new AttemptView.TopicScore("简答", 12.5, 20, 1),
				new AttemptView.TopicScore("质量法律法规/产品质量法", 10, 20, 2));
	}

	@Test
	void whenAKeyIsShownThenItIsTheOptionsTheBlanksOrTheReferenceAnswer() {
		assertThat(AttemptReads.keyOf(AttemptFixtures.multiple("a", "c"))).containsExactly("a", "c");
		assertThat(AttemptReads.keyOf(AttemptFixtures.fill())).containsExactly(List.of("执行", "实施"),
				List.of("处理", "改进"));
		assertThat(AttemptReads.keyOf(AttemptFixtures.essay())).containsExactly("成立攻关小组……");
	}

}
