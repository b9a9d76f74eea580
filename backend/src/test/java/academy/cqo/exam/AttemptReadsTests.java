package academy.cqo.exam;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

import academy.cqo.exam.persistence.AttemptDocument.PaperQuestion;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;
import academy.cqo.questionbank.RenderedQuestion;
import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A paper's questions as shown (each version rendered once, its options in the paper's
 * order), the feedback of a result: points per broad knowledge point (else per section),
 * and the key as the review policy shows it.
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

	@Test
	void whenTwoPapersShowAVersionInDifferentOrdersThenEachGetsItsOrderAndTheVersionIsRenderedOnce() {
		QuestionContent content = new QuestionContent(QuestionType.SINGLE, "下列哪项**不是**首席质量官的职责？",
				List.of(new Option("a", "组织*质量*策划"), new Option("b", "签发 `不合格` 处置"), new Option("c", "财务审计"),
						new Option("d", "<script>x</script>质量培训")),
				List.of("c"), null, null, null, 5, null, null);
		AttemptReads reads = new AttemptReads(null, null, null, Clock.systemUTC());
		List<List<String>> orders = List.of(List.of("c", "a", "d", "b"), List.of("b", "d", "a", "c"),
				List.of("a", "b", "c", "d"));

		for (List<String> order : orders) {
			AttemptView.Question shown = reads.question(new PaperQuestion("q1", 3, 0, content, 5, order));
			RenderedQuestion expected = RenderedQuestion.of(content, order);
			assertThat(shown.options()).extracting(AttemptView.Option::id).containsExactlyElementsOf(order);
			assertThat(shown.options()).extracting(AttemptView.Option::letter).containsExactly("A", "B", "C", "D");
			assertThat(shown.options()).extracting(AttemptView.Option::html)
				.containsExactlyElementsOf(
						expected.options().stream().map(RenderedQuestion.RenderedOption::html).toList());
			assertThat(shown.options()).extracting(AttemptView.Option::text)
				.containsExactlyElementsOf(order.stream()
					.map((id) -> content.options()
						.stream()
						.filter((o) -> o.id().equals(id))
						.findFirst()
						.orElseThrow()
						.text())
					.toList());
			assertThat(shown.stemHtml()).isEqualTo(expected.stemHtml()).contains("<strong>不是</strong>");
			assertThat(shown.stem()).isEqualTo(content.stem());
			assertThat(shown)
				.extracting(AttemptView.Question::questionId, AttemptView.Question::version, AttemptView.Question::type,
						AttemptView.Question::score)
				.containsExactly("q1", 3, "single", 5.0);
		}
		assertThat(shown(reads, "q1", 3, content).options().get(3).html()).doesNotContain("<script>");
		assertThat(reads.renderedVersions()).isOne();

		reads.question(new PaperQuestion("q1", 4, 0, content, 5, orders.get(0)));
		assertThat(reads.renderedVersions()).as("another version is rendered on its own").isEqualTo(2);
	}

	@Test
	void whenAPaperNamesAnOptionTheVersionDoesNotHaveThenShowingItFails() {
		AttemptReads reads = new AttemptReads(null, null, null, Clock.systemUTC());
		QuestionContent content = AttemptFixtures.single("谁负责？", "a");

		assertThatExceptionOfType(NoSuchElementException.class)
			.isThrownBy(() -> reads.question(new PaperQuestion("q1", 1, 0, content, 10, List.of("a", "z", "b"))))
			.withMessageContaining("z");
	}

	@Test
	void whenAQuestionHasBlanksAndNoOptionsThenItIsShownAsTheRendererShowsIt() {
		AttemptReads reads = new AttemptReads(null, null, null, Clock.systemUTC());
		QuestionContent fill = new QuestionContent(QuestionType.FILL, "PDCA 指计划、___、检查、___。", null, null,
				List.of(List.of("执行"), List.of("处理")), null, null, 10, null, null);

		AttemptView.Question shown = reads.question(new PaperQuestion("f1", 1, 0, fill, 10, List.of()));

		assertThat(shown.options()).isEmpty();
		assertThat(shown.blanks()).isEqualTo(2);
		assertThat(shown.stemHtml()).isEqualTo(RenderedQuestion.of(fill).stemHtml()).contains("检查");
	}

	private static AttemptView.Question shown(AttemptReads reads, String questionId, int version,
			QuestionContent content) {
		return reads
			.question(new PaperQuestion(questionId, version, 0, content, content.score(), List.of("a", "b", "c", "d")));
	}

}
