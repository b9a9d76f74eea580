package academy.cqo.exam.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import academy.cqo.exam.domain.ItemAnalysis.Item;
import academy.cqo.exam.domain.ItemAnalysis.QuestionStatistics;
import academy.cqo.exam.domain.ItemAnalysis.Report;
import academy.cqo.exam.domain.ItemAnalysis.Sitting;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The item statistics against values worked out by hand.
 */
class ItemAnalysisTests {

	private static Sitting sitting(int first, int second, String choice) {
		return new Sitting(first + second, List.of(new Item("q1", 1, "第一题", "single", first, 1, List.of(choice)),
				new Item("q2", 1, "第二题", "true_false", second, 1, List.of(second == 1 ? "true" : "false"))));
	}

	@Test
	void whenFiveSittingsAreAnalysedThenFacilityDiscriminationPointBiserialAndAlphaMatchTheHandCalculation() {
		Report report = ItemAnalysis.of(List.of(sitting(1, 1, "a"), sitting(1, 1, "a"), sitting(1, 0, "a"),
				sitting(0, 0, "b"), sitting(0, 1, "c")));

		assertThat(report.sittings()).isEqualTo(5);
		assertThat(report.meanScore()).isEqualTo(1.2);
		assertThat(report.standardDeviation()).isEqualTo(0.748);
		assertThat(report.cronbachAlpha()).isEqualTo(0.286);
		QuestionStatistics first = report.questions()
			.stream()
			.filter((q) -> q.questionId().equals("q1"))
			.findFirst()
			.orElseThrow();
		assertThat(first.attempts()).isEqualTo(5);
		assertThat(first.facility()).isEqualTo(0.6);
		assertThat(first.discrimination()).isEqualTo(1.0);
		assertThat(first.pointBiserial()).isEqualTo(0.167);
		assertThat(first.optionRates()).containsEntry("a", 0.6).containsEntry("b", 0.2).containsEntry("c", 0.2);
		assertThat(first.flagged()).isFalse();
	}

	@Test
	void whenWeakCandidatesDoBetterOnAQuestionThenItIsFlaggedAndListedFirst() {
		Report report = ItemAnalysis.of(List
			.of(sitting(0, 1, "b"), sitting(0, 1, "b"), sitting(0, 1, "b"), sitting(1, 0, "a"), sitting(1, 0, "a"),
					sitting(1, 0, "a"))
			.stream()
			.map((s) -> new Sitting(s.items().get(0).awarded() * 3 + s.items().get(1).awarded(),
					List.of(s.items().get(0), s.items().get(1))))
			.toList());

		QuestionStatistics flagged = report.questions().get(0);
		assertThat(flagged.questionId()).isEqualTo("q2");
		assertThat(flagged.discrimination()).isEqualTo(-1.0);
		assertThat(flagged.pointBiserial()).isNegative();
		assertThat(flagged.flagged()).isTrue();
		assertThat(report.questions().get(1).flagged()).isFalse();
	}

	@Test
	void whenThereAreTooFewSittingsThenStatisticsThatNeedMoreAreLeftOut() {
		Report report = ItemAnalysis.of(List.of(sitting(1, 0, "a"), sitting(0, 1, "b")));
		assertThat(report.cronbachAlpha()).isNull();
		assertThat(report.questions()).allSatisfy((q) -> {
			assertThat(q.discrimination()).isNull();
			assertThat(q.pointBiserial()).isNull();
		});
	}

}
