package academy.cqo.questionbank.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionDraft;
import academy.cqo.questionformats.QuestionSyntax;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.questionformats.RubricItem;
import academy.cqo.questionformats.Scores;
import academy.cqo.questionformats.TextFolding;
import academy.cqo.shared.FieldViolation;

/**
 * The rules every stored question obeys, whether it was typed in the editor or read from
 * a file. Each broken rule is reported with the question's line (for imports) and the
 * field, so that a trainer can find it.
 */
public final class QuestionRules {

	public static final int MAX_OPTIONS = 8;

	public static final int MAX_STEM_LENGTH = 200_000;

	public static final int MAX_TEXT_LENGTH = 20_000;

	public static final int MAX_TAGS = 20;

	public static final double MAX_SCORE = 100;

	private static final Pattern OPTION_ID = Pattern.compile("[a-z]");

	private static final Pattern BLANK = Pattern.compile("\\{\\{(\\d+)}}");

	private QuestionRules() {
	}

	/**
	 * Check a question.
	 * @param draft the question
	 * @return every broken rule; empty when the question may be stored
	 */
	public static List<FieldViolation> check(QuestionDraft draft) {
		List<FieldViolation> violations = new ArrayList<>();
		Integer line = (draft.line() > 0) ? draft.line() : null;
		Sink sink = (field, key, arguments) -> violations.add(new FieldViolation(field, key, List.of(arguments), line));
		QuestionContent content = draft.content();
		if (draft.code() != null && !QuestionSyntax.isValidCode(draft.code())) {
			sink.add("code", "question.code.invalid", QuestionSyntax.MAX_CODE_LENGTH);
		}
		if (draft.difficulty() < 1 || draft.difficulty() > 5) {
			sink.add("difficulty", "question.difficulty.range");
		}
		checkTags(draft.tags(), sink);
		if (!(content.score() > 0) || content.score() > MAX_SCORE) {
			sink.add("score", "question.score.range", (int) MAX_SCORE);
		}
		checkText("stem", content.stem(), true, MAX_STEM_LENGTH, sink);
		checkText("explanation", content.explanation(), false, MAX_TEXT_LENGTH, sink);
		checkText("source", content.source(), false, 1000, sink);
		switch (content.type()) {
			case SINGLE, MULTIPLE -> checkChoice(content, sink);
			case TRUE_FALSE -> checkTrueFalse(content, sink);
			case FILL -> checkFill(content, sink);
			case ESSAY -> checkEssay(content, sink);
		}
		return violations;
	}

	private static void checkTags(List<String> tags, Sink sink) {
		if (tags.size() > MAX_TAGS) {
			sink.add("tags", "question.tags.tooMany", MAX_TAGS);
		}
		for (String tag : tags) {
			if (!QuestionSyntax.isValidTag(tag)) {
				sink.add("tags", "question.tags.invalid", tag, QuestionSyntax.MAX_TAG_LENGTH);
			}
		}
	}

	private static void checkText(String field, String text, boolean required, int maxLength, Sink sink) {
		if (text == null || text.isBlank()) {
			if (required) {
				sink.add(field, "question.field.required");
			}
			return;
		}
		if (text.length() > maxLength) {
			sink.add(field, "question.field.tooLong", maxLength);
		}
		for (String part : Markup.unsafeParts(text)) {
			sink.add(field, "question.field.unsafe", part);
		}
	}

	private static void checkChoice(QuestionContent content, Sink sink) {
		List<Option> options = content.options();
		if (options.size() < 2 || options.size() > MAX_OPTIONS) {
			sink.add("options", "question.options.count", MAX_OPTIONS);
		}
		Set<String> ids = new HashSet<>();
		Set<String> texts = new HashSet<>();
		for (Option option : options) {
			if (option.id() == null || !OPTION_ID.matcher(option.id()).matches()) {
				sink.add("options", "question.options.id", String.valueOf(option.id()));
			}
			else if (!ids.add(option.id())) {
				sink.add("options", "question.options.idTwice", option.id());
			}
			if (option.text() == null || option.text().isBlank()) {
				sink.add("options", "question.options.empty", String.valueOf(option.id()));
				continue;
			}
			if (!texts.add(TextFolding.duplicate(option.text()))) {
				sink.add("options", "question.options.same", option.text().strip());
			}
			checkText("options", option.text(), true, MAX_TEXT_LENGTH, sink);
		}
		List<String> answer = content.answer();
		if (content.type() == QuestionType.SINGLE && answer.size() != 1) {
			sink.add("answer", "question.answer.single", answer.size());
		}
		if (content.type() == QuestionType.MULTIPLE && answer.size() < 2) {
			sink.add("answer", "question.answer.multiple", answer.size());
		}
		if (new HashSet<>(answer).size() != answer.size()) {
			sink.add("answer", "question.answer.twice");
		}
		for (String key : answer) {
			if (!ids.contains(key)) {
				sink.add("answer", "question.answer.notAnOption", key);
			}
		}
	}

	private static void checkTrueFalse(QuestionContent content, Sink sink) {
		if (!(content.answer().equals(List.of("true")) || content.answer().equals(List.of("false")))) {
			sink.add("answer", "question.answer.trueFalse");
		}
		if (!content.options().isEmpty()) {
			sink.add("options", "question.options.none");
		}
	}

	private static void checkFill(QuestionContent content, Sink sink) {
		Set<Integer> markers = new TreeSet<>();
		Matcher matcher = BLANK.matcher(content.stem());
		while (matcher.find()) {
			markers.add(Integer.parseInt(matcher.group(1)));
		}
		List<List<String>> blanks = content.blanks();
		if (blanks.isEmpty()) {
			sink.add("blanks", "question.blanks.missing");
			return;
		}
		Set<Integer> expected = new TreeSet<>();
		for (int i = 1; i <= blanks.size(); i++) {
			expected.add(i);
		}
		if (!markers.equals(expected)) {
			sink.add("stem", "question.blanks.markers", blanks.size(), markers.toString());
		}
		int number = 0;
		for (List<String> accepted : blanks) {
			number++;
			if (accepted.isEmpty() || accepted.stream().anyMatch((answer) -> answer == null || answer.isBlank())) {
				sink.add("blanks", "question.blanks.empty", number);
			}
		}
		if (!content.options().isEmpty()) {
			sink.add("options", "question.options.none");
		}
	}

	private static void checkEssay(QuestionContent content, Sink sink) {
		checkText("referenceAnswer", content.referenceAnswer(), false, MAX_STEM_LENGTH, sink);
		if (content.rubric().isEmpty()) {
			return;
		}
		double total = 0;
		for (RubricItem item : content.rubric()) {
			if (!(item.points() > 0) || item.criterion() == null || item.criterion().isBlank()) {
				sink.add("rubric", "question.rubric.item");
			}
			else {
				total += item.points();
			}
		}
		if (Math.abs(total - content.score()) > 1e-9) {
			sink.add("rubric", "question.rubric.total", Scores.format(total), Scores.format(content.score()));
		}
	}

	@FunctionalInterface
	private interface Sink {

		void add(String field, String messageKey, Object... arguments);

	}

}
