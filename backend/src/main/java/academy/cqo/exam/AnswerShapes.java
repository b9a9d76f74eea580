package academy.cqo.exam;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import academy.cqo.questionformats.QuestionContent;
import academy.cqo.shared.FieldViolation;

/**
 * Whether a saved response fits its question: option ids of the question, at most one for
 * a single choice and no repeats for a multiple choice, {@code true}/{@code false}, one
 * text per blank (500 characters each), one essay (20,000 characters).
 */
final class AnswerShapes {

	static final int MAX_ESSAY = 20_000;

	static final int MAX_BLANK = 500;

	private AnswerShapes() {
	}

	/**
	 * What is wrong with a save.
	 * @param content the question
	 * @param response the response
	 * @param seq the page's sequence number (from 1)
	 * @return the violations, none when the save fits
	 */
	static List<FieldViolation> violations(QuestionContent content, List<String> response, long seq) {
		List<FieldViolation> violations = new ArrayList<>();
		if (seq < 1) {
			violations.add(FieldViolation.of("seq", "exam.answer.seq"));
		}
		if (response == null) {
			violations.add(FieldViolation.of("response", "exam.answer.shape"));
			return violations;
		}
		if (!fits(content, response)) {
			violations.add(FieldViolation.of("response", "exam.answer.shape"));
		}
		return violations;
	}

	private static boolean fits(QuestionContent content, List<String> response) {
		Set<String> optionIds = new HashSet<>();
		content.options().forEach((option) -> optionIds.add(option.id()));
		return switch (content.type()) {
			case SINGLE -> response.size() <= 1 && optionIds.containsAll(response);
			case MULTIPLE -> optionIds.containsAll(response) && new HashSet<>(response).size() == response.size();
			case TRUE_FALSE -> response.size() <= 1 && List.of("true", "false").containsAll(response);
			case FILL -> response.size() <= content.blanks().size()
					&& response.stream().allMatch((text) -> text != null && text.length() <= MAX_BLANK);
			case ESSAY -> response.size() <= 1
					&& response.stream().allMatch((text) -> text != null && text.length() <= MAX_ESSAY);
		};
	}

}
