package academy.cqo.questionformats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Moodle weighs each answer with a fraction of the mark (GIFT {@code ~%50%}, XML
 * {@code fraction="50"}); a question here stores only its key. These rules turn weighed
 * answers into a key and say, as a warning, what the key cannot hold.
 */
final class MoodleAnswers {

	/** A weight at or above this (in percent) is full credit. */
	private static final double FULL = 99.9;

	private static final double SAME_WEIGHT = 0.01;

	private MoodleAnswers() {
	}

	/**
	 * The key of a single-choice question: the options worth full credit. An option worth
	 * part of the mark is read as a wrong one, with a warning.
	 * @param answers the answers in file order
	 * @param line the question's line
	 * @param problems where to report
	 * @return the question's options and key, or {@code null} when it has no right answer
	 */
	static Choice single(List<Weighted> answers, int line, ImportProblems problems) {
		List<Option> options = options(answers);
		List<String> key = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			double fraction = answers.get(i).fraction();
			if (fraction >= FULL) {
				key.add(optionId(i));
			}
			else if (fraction > 0) {
				problems.warn(line, "answer", "import.file.partialCredit", letter(i), Scores.format(fraction));
			}
		}
		if (key.isEmpty()) {
			problems.error(line, "answer", "import.file.noCorrectAnswer");
			return null;
		}
		return new Choice(QuestionType.SINGLE, options, key);
	}

	/**
	 * The key of a multiple-choice question: the options with a positive weight. Unequal
	 * weights are flattened (warning); a single positive option makes a single-choice
	 * question (warning).
	 * @param answers the answers in file order
	 * @param line the question's line
	 * @param problems where to report
	 * @return the question's options and key, or {@code null} when it has no right answer
	 */
	static Choice multiple(List<Weighted> answers, int line, ImportProblems problems) {
		List<Option> options = options(answers);
		List<String> key = new ArrayList<>();
		double lowest = Double.MAX_VALUE;
		double highest = 0;
		for (int i = 0; i < answers.size(); i++) {
			double fraction = answers.get(i).fraction();
			if (fraction > 0) {
				key.add(optionId(i));
				lowest = Math.min(lowest, fraction);
				highest = Math.max(highest, fraction);
			}
		}
		if (key.isEmpty()) {
			problems.error(line, "answer", "import.file.noCorrectAnswer");
			return null;
		}
		if (key.size() == 1) {
			problems.warn(line, "type", "import.file.singleCorrectMultiple");
			return new Choice(QuestionType.SINGLE, options, key);
		}
		if (highest - lowest > SAME_WEIGHT) {
			problems.warn(line, "answer", "import.file.unequalWeights", Scores.format(lowest), Scores.format(highest));
		}
		return new Choice(QuestionType.MULTIPLE, options, key);
	}

	/**
	 * The accepted answers of one blank: those worth full credit. Answers worth part of
	 * the mark are left out (warning); answers worth nothing only carry feedback.
	 * @param answers the answers in file order
	 * @param line the question's line
	 * @param problems where to report
	 * @return the accepted answers, or {@code null} when none is worth full credit
	 */
	static List<String> accepted(List<Weighted> answers, int line, ImportProblems problems) {
		List<String> accepted = new ArrayList<>();
		for (Weighted answer : answers) {
			if (answer.fraction() >= FULL) {
				accepted.add(answer.text());
			}
			else if (answer.fraction() > 0) {
				problems.warn(line, "blanks", "import.file.partialAnswerDropped", answer.text(),
						Scores.format(answer.fraction()));
			}
		}
		if (accepted.isEmpty()) {
			problems.error(line, "blanks", "import.file.noCorrectAnswer");
			return null;
		}
		return accepted;
	}

	/**
	 * The id of the option at a position: {@code a}, {@code b}, … (formats without ids).
	 * @param index the 0-based position
	 * @return the id
	 */
	static String optionId(int index) {
		return (index < 26) ? String.valueOf((char) ('a' + index)) : "option" + (index + 1);
	}

	private static String letter(int index) {
		return optionId(index).toUpperCase(Locale.ROOT);
	}

	private static List<Option> options(List<Weighted> answers) {
		List<Option> options = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			options.add(new Option(optionId(i), answers.get(i).text()));
		}
		return options;
	}

	/**
	 * One answer as a Moodle file gives it.
	 *
	 * @param text the answer's text
	 * @param fraction its weight in percent of the mark (negative for a penalty)
	 */
	record Weighted(String text, double fraction) {
	}

	/**
	 * A choice question's options and key.
	 *
	 * @param type single or multiple
	 * @param options the options, ids by position
	 * @param key the ids of the right options
	 */
	record Choice(QuestionType type, List<Option> options, List<String> key) {
	}

}
