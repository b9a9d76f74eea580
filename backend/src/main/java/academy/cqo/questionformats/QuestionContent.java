package academy.cqo.questionformats;

import java.util.List;
import java.util.Objects;

/**
 * What one version of a question says: everything a candidate is shown or graded against.
 * A delivered version never changes; editing it makes a new version.
 *
 * @param type the kind of question
 * @param stem Markdown text of the question (sanitised when shown); fill-in questions
 * mark their blanks {@code {{1}}}, {@code {{2}}}, …
 * @param options the options of a choice question, in authoring order; empty otherwise
 * @param answer the key: the correct option ids of a choice question, or {@code true} /
 * {@code false} for a true/false question; empty otherwise
 * @param blanks per blank of a fill-in question, its accepted answers; empty otherwise
 * @param referenceAnswer an essay's model answer, or {@code null}
 * @param rubric an essay's marking rubric; empty otherwise
 * @param score the default score
 * @param explanation the explanation (解析), Markdown, or {@code null}
 * @param source where the fact comes from (a law article, a standard clause, a notice),
 * or {@code null}
 */
public record QuestionContent(QuestionType type, String stem, List<Option> options, List<String> answer,
		List<List<String>> blanks, String referenceAnswer, List<RubricItem> rubric, double score, String explanation,
		String source) {

	public QuestionContent {
		Objects.requireNonNull(type, "type");
		stem = (stem != null) ? stem : "";
		options = (options != null) ? List.copyOf(options) : List.of();
		answer = (answer != null) ? List.copyOf(answer) : List.of();
		blanks = (blanks != null) ? blanks.stream().map(List::copyOf).toList() : List.of();
		rubric = (rubric != null) ? List.copyOf(rubric) : List.of();
		referenceAnswer = blankToNull(referenceAnswer);
		explanation = blankToNull(explanation);
		source = blankToNull(source);
	}

	/**
	 * The key of a true/false question.
	 * @return whether the statement is true
	 */
	public boolean trueFalseAnswer() {
		return this.answer.contains("true");
	}

	/**
	 * Whether an answer fills a blank: compared with each accepted answer ignoring case,
	 * full-/half-width differences and surrounding or repeated white space.
	 * @param blank the blank's index, from 0
	 * @param given the candidate's answer
	 * @return whether it is accepted
	 */
	public boolean accepts(int blank, String given) {
		if (given == null || blank < 0 || blank >= this.blanks.size()) {
			return false;
		}
		String folded = TextFolding.answer(given);
		return !folded.isEmpty() && this.blanks.get(blank).stream().map(TextFolding::answer).anyMatch(folded::equals);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

}
