package academy.cqo.questionformats;

import java.util.List;

/**
 * The type-specific part of a question a reader has made out of a file: its kind, stem,
 * options and key, or blanks.
 *
 * @param type the kind of question
 * @param stem the stem, blanks marked {@code {{1}}}, {@code {{2}}}, …
 * @param options the options of a choice question
 * @param answer the key of a choice or true/false question
 * @param blanks the accepted answers of each blank of a fill-in question
 */
record QuestionBody(QuestionType type, String stem, List<Option> options, List<String> answer,
		List<List<String>> blanks) {

	static QuestionBody choice(String stem, MoodleAnswers.Choice choice) {
		return new QuestionBody(choice.type(), stem, choice.options(), choice.key(), List.of());
	}

	static QuestionBody trueFalse(String stem, boolean statementTrue) {
		return new QuestionBody(QuestionType.TRUE_FALSE, stem, List.of(), List.of(String.valueOf(statementTrue)),
				List.of());
	}

	static QuestionBody fill(String stem, List<List<String>> blanks) {
		return new QuestionBody(QuestionType.FILL, stem, List.of(), List.of(), blanks);
	}

	static QuestionBody essay(String stem) {
		return new QuestionBody(QuestionType.ESSAY, stem, List.of(), List.of(), List.of());
	}

}
