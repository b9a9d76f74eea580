package academy.cqo.exam;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import academy.cqo.shared.FieldViolation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A saved response must fit its question, else the save is refused naming the field.
 */
class AnswerShapesTests {

	private static List<String> fields(List<FieldViolation> violations) {
		return violations.stream().map(FieldViolation::field).toList();
	}

	@Test
	void whenAResponseFitsItsQuestionThenNothingIsWrong() {
		assertThat(AnswerShapes.violations(AttemptFixtures.single("谁负责？", "a"), List.of("b"), 1)).isEmpty();
		assertThat(AnswerShapes.violations(AttemptFixtures.single("谁负责？", "a"), List.of(), 1)).isEmpty();
		assertThat(AnswerShapes.violations(AttemptFixtures.multiple("a", "b"), List.of("a", "c", "d"), 2)).isEmpty();
		assertThat(AnswerShapes.violations(AttemptFixtures.trueFalse(true), List.of("false"), 3)).isEmpty();
		assertThat(AnswerShapes.violations(AttemptFixtures.fill(), List.of("执行", "改进"), 4)).isEmpty();
		assertThat(AnswerShapes.violations(AttemptFixtures.essay(), List.of("质".repeat(AnswerShapes.MAX_ESSAY)), 5))
			.isEmpty();
	}

	@Test
	void whenAResponseDoesNotFitThenTheResponseIsNamed() {
		assertThat(fields(AnswerShapes.violations(AttemptFixtures.single("谁负责？", "a"), List.of("a", "b"), 1)))
			.containsExactly("response");
		assertThat(fields(AnswerShapes.violations(AttemptFixtures.single("谁负责？", "a"), List.of("z"), 1)))
			.containsExactly("response");
		assertThat(fields(AnswerShapes.violations(AttemptFixtures.multiple("a"), List.of("a", "a"), 1)))
			.containsExactly("response");
		assertThat(fields(AnswerShapes.violations(AttemptFixtures.trueFalse(true), List.of("yes"), 1)))
			.containsExactly("response");
		assertThat(fields(AnswerShapes.violations(AttemptFixtures.fill(), List.of("一", "二", "三"), 1)))
			.containsExactly("response");
		assertThat(fields(AnswerShapes.violations(AttemptFixtures.fill(), List.of("长".repeat(501)), 1)))
			.containsExactly("response");
		assertThat(fields(AnswerShapes.violations(AttemptFixtures.fill(), Collections.singletonList(null), 1)))
			.containsExactly("response");
		assertThat(fields(
				AnswerShapes.violations(AttemptFixtures.essay(), List.of("质".repeat(AnswerShapes.MAX_ESSAY + 1)), 1)))
			.containsExactly("response");
	}

	@Test
	void whenTheSequenceNumberIsNotPositiveOrTheResponseMissingThenBothAreNamed() {
		assertThat(fields(AnswerShapes.violations(AttemptFixtures.trueFalse(true), null, 0))).containsExactly("seq",
				"response");
		assertThat(AnswerShapes.violations(AttemptFixtures.trueFalse(true), List.of("true"), 0))
			.extracting(FieldViolation::messageKey)
			.containsExactly("exam.answer.seq");
	}

}
