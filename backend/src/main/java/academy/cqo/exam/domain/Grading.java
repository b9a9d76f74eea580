package academy.cqo.exam.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import academy.cqo.exam.MultipleChoiceScoring;
import academy.cqo.questionformats.QuestionContent;

/**
 * Scores one answer to one question. Objective questions are scored by the platform;
 * essays are left to a person.
 */
public final class Grading {

	private Grading() {
	}

	/**
	 * A question's score.
	 *
	 * @param awarded the points ({@code null} for an essay, which a person marks)
	 * @param correct whether the answer is fully correct ({@code null} for an essay)
	 */
	public record Mark(Double awarded, Boolean correct) {
	}

	/**
	 * Score an answer.
	 * @param content the question as shown
	 * @param score what the question is worth in this exam
	 * @param response the answer ({@code null} or empty when unanswered)
	 * @param scoring how multiple-choice answers score
	 * @return the mark
	 */
	public static Mark mark(QuestionContent content, double score, List<String> response,
			MultipleChoiceScoring scoring) {
		List<String> answer = (response != null) ? response : List.of();
		return switch (content.type()) {
			case SINGLE, TRUE_FALSE ->
				allOrNothing(answer.size() == 1 && content.answer().contains(answer.get(0)), score);
			case MULTIPLE -> multiple(content, score, answer, scoring);
			case FILL -> fill(content, score, answer);
			case ESSAY -> new Mark(null, null);
		};
	}

	/**
	 * Points as people write them: {@code 5}, not {@code 5.0}.
	 * @param points the points
	 * @return the text
	 */
	public static String format(double points) {
		return java.math.BigDecimal.valueOf(points).stripTrailingZeros().toPlainString();
	}

	private static Mark allOrNothing(boolean correct, double score) {
		return new Mark(correct ? score : 0.0, correct);
	}

	private static Mark multiple(QuestionContent content, double score, List<String> answer,
			MultipleChoiceScoring scoring) {
		Set<String> chosen = new HashSet<>(answer);
		Set<String> key = new HashSet<>(content.answer());
		if (chosen.equals(key)) {
			return new Mark(score, true);
		}
		boolean correctSubset = !chosen.isEmpty() && key.containsAll(chosen);
		if (scoring == MultipleChoiceScoring.HALF_FOR_CORRECT_SUBSET && correctSubset) {
			return new Mark(score / 2, false);
		}
		return new Mark(0.0, false);
	}

	private static Mark fill(QuestionContent content, double score, List<String> answer) {
		List<List<String>> blanks = content.blanks();
		int right = 0;
		for (int i = 0; i < blanks.size(); i++) {
			if (i < answer.size() && content.accepts(i, answer.get(i))) {
				right++;
			}
		}
		double awarded = Math.round(score * right / blanks.size() * 100) / 100.0;
		return new Mark(awarded, right == blanks.size());
	}

}
