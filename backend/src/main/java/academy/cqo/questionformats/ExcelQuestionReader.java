package academy.cqo.questionformats;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one row of the 题目 sheet into a question. It reports what it cannot read (an
 * unknown type, an answer letter without an option, a score that is not a number, …) at
 * the row and under the column's field; rules that hold for every format, such as the
 * number of keys of a single-choice question, are left to {@code QuestionRules}.
 */
final class ExcelQuestionReader {

	private static final Pattern LIST_SEPARATOR = Pattern.compile("[;；\n]");

	private static final Pattern ALTERNATIVE_SEPARATOR = Pattern.compile("[|｜]");

	private static final Pattern ANSWER_SEPARATORS = Pattern.compile("[\\s,;、/|]");

	private static final Pattern LOOSE_BLANK = Pattern.compile("[{｛]\\s*[{｛]\\s*([0-9０-９]+)\\s*[}｝]\\s*[}｝]");

	private final Findings findings;

	ExcelQuestionReader(Findings findings) {
		this.findings = findings;
	}

	/**
	 * Read a row.
	 * @param line the row number as Excel shows it
	 * @param cells the cleaned texts of the row's non-blank cells
	 * @return the question, or nothing when the row has a problem
	 */
	Optional<QuestionDraft> read(int line, Map<ExcelColumn, String> cells) {
		int problemsBefore = this.findings.problemCount();
		String code = cells.get(ExcelColumn.CODE);
		this.findings.code(line, code);
		QuestionType type = type(line, cells.get(ExcelColumn.TYPE));
		Double score = score(line, cells.get(ExcelColumn.SCORE));
		int difficulty = difficulty(line, cells.get(ExcelColumn.DIFFICULTY));
		List<String> tags = list(cells.get(ExcelColumn.TAGS));
		ReviewStatus status = status(line, cells.get(ExcelColumn.STATUS));
		if (type == null) {
			return Optional.empty();
		}
		QuestionContent content = content(line, type, cells, (score != null) ? score : type.defaultScore());
		if (this.findings.problemCount() > problemsBefore) {
			return Optional.empty();
		}
		return Optional.of(new QuestionDraft(line, code, content, difficulty, tags, status));
	}

	private QuestionContent content(int line, QuestionType type, Map<ExcelColumn, String> cells, double score) {
		String stem = cells.get(ExcelColumn.STEM);
		List<Option> options = List.of();
		List<String> answer = List.of();
		List<List<String>> blanks = List.of();
		String referenceAnswer = null;
		List<RubricItem> rubric = List.of();
		String answerText = cells.get(ExcelColumn.ANSWER);
		if (type.hasOptions()) {
			options = options(cells);
			answer = choiceAnswer(line, answerText, options);
		}
		else {
			notForType(line, type, cells, ExcelColumn.OPTIONS.toArray(ExcelColumn[]::new));
		}
		if (type != QuestionType.ESSAY) {
			notForType(line, type, cells, ExcelColumn.REFERENCE_ANSWER, ExcelColumn.RUBRIC);
		}
		switch (type) {
			case TRUE_FALSE -> answer = trueFalseAnswer(line, answerText);
			case FILL -> {
				stem = (stem != null) ? tidyBlankMarkers(stem) : null;
				blanks = blanks(answerText);
			}
			case ESSAY -> {
				referenceAnswer = cells.get(ExcelColumn.REFERENCE_ANSWER);
				if (referenceAnswer == null) {
					referenceAnswer = answerText;
				}
				else {
					notForType(line, type, cells, ExcelColumn.ANSWER);
				}
				rubric = rubric(line, cells.get(ExcelColumn.RUBRIC));
			}
			default -> {
			}
		}
		return new QuestionContent(type, stem, options, answer, blanks, referenceAnswer, rubric, score,
				cells.get(ExcelColumn.EXPLANATION), cells.get(ExcelColumn.SOURCE));
	}

	private QuestionType type(int line, String text) {
		if (text == null) {
			this.findings.problem(line, "type", "import.xlsx.typeRequired");
			return null;
		}
		Optional<QuestionType> type = ExcelVocabulary.type(text);
		if (type.isEmpty()) {
			this.findings.problem(line, "type", "import.xlsx.type", text);
		}
		return type.orElse(null);
	}

	private Double score(int line, String text) {
		if (text == null) {
			return null;
		}
		BigDecimal score = number(text);
		if (score == null) {
			this.findings.problem(line, "score", "import.xlsx.score", text);
			return null;
		}
		return score.doubleValue();
	}

	private int difficulty(int line, String text) {
		if (text == null) {
			return QuestionDraft.DEFAULT_DIFFICULTY;
		}
		BigDecimal difficulty = number(text);
		if (difficulty == null || difficulty.stripTrailingZeros().scale() > 0
				|| difficulty.compareTo(BigDecimal.ONE) < 0 || difficulty.compareTo(BigDecimal.valueOf(5)) > 0) {
			this.findings.problem(line, "difficulty", "import.xlsx.difficulty", text);
			return QuestionDraft.DEFAULT_DIFFICULTY;
		}
		return difficulty.intValue();
	}

	private ReviewStatus status(int line, String text) {
		if (text == null) {
			return null;
		}
		Optional<ReviewStatus> status = ExcelVocabulary.status(text);
		if (status.isEmpty()) {
			this.findings.problem(line, "status", "import.xlsx.status", text);
		}
		return status.orElse(null);
	}

	private static List<Option> options(Map<ExcelColumn, String> cells) {
		List<Option> options = new ArrayList<>();
		for (ExcelColumn column : ExcelColumn.OPTIONS) {
			String text = cells.get(column);
			if (text != null) {
				options.add(new Option(column.optionId(), text));
			}
		}
		return options;
	}

	private List<String> choiceAnswer(int line, String text, List<Option> options) {
		List<String> answer = new ArrayList<>();
		if (text == null) {
			return answer;
		}
		String letters = ANSWER_SEPARATORS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC))
			.replaceAll("")
			.toUpperCase(Locale.ROOT);
		for (char letter : letters.toCharArray()) {
			if (letter < 'A' || letter > 'H') {
				this.findings.problem(line, "answer", "import.xlsx.answerLetter", text);
				return answer;
			}
			String id = String.valueOf(Character.toLowerCase(letter));
			if (options.stream().noneMatch((option) -> option.id().equals(id))) {
				this.findings.problem(line, "answer", "import.xlsx.answerNoOption", String.valueOf(letter));
			}
			answer.add(id);
		}
		return answer;
	}

	private List<String> trueFalseAnswer(int line, String text) {
		if (text == null) {
			return List.of();
		}
		Optional<Boolean> value = ExcelVocabulary.trueFalse(text);
		if (value.isEmpty()) {
			this.findings.problem(line, "answer", "import.xlsx.trueFalse", text);
			return List.of();
		}
		return List.of(value.get().toString());
	}

	private static List<List<String>> blanks(String text) {
		List<String> parts = new ArrayList<>(Arrays.asList(LIST_SEPARATOR.split((text != null) ? text : "", -1)));
		while (!parts.isEmpty() && parts.getLast().isBlank()) {
			parts.removeLast();
		}
		return parts.stream()
			.map((blank) -> Arrays.stream(ALTERNATIVE_SEPARATOR.split(blank, -1)).map(String::strip).toList())
			.toList();
	}

	private static String tidyBlankMarkers(String stem) {
		Matcher matcher = LOOSE_BLANK.matcher(stem);
		return matcher.replaceAll((match) -> "{{" + Normalizer.normalize(match.group(1), Normalizer.Form.NFKC) + "}}");
	}

	private List<RubricItem> rubric(int line, String text) {
		List<RubricItem> rubric = new ArrayList<>();
		if (text == null) {
			return rubric;
		}
		for (String item : text.split("\n")) {
			if (item.isBlank()) {
				continue;
			}
			Matcher separator = ALTERNATIVE_SEPARATOR.matcher(item);
			BigDecimal points = separator.find() ? number(item.substring(0, separator.start())) : null;
			if (points == null) {
				this.findings.problem(line, "rubric", "import.xlsx.rubricLine", item.strip());
				continue;
			}
			rubric.add(new RubricItem(points.doubleValue(), item.substring(separator.end()).strip()));
		}
		return rubric;
	}

	private void notForType(int line, QuestionType type, Map<ExcelColumn, String> cells, ExcelColumn... columns) {
		for (ExcelColumn column : columns) {
			if (cells.get(column) != null) {
				this.findings.problem(line, column.field(), "import.xlsx.notForType", column.header(),
						ExcelVocabulary.typeName(type));
				return;
			}
		}
	}

	/**
	 * Tags or blanks: items separated by {@code ;}, {@code ；} or a line break.
	 */
	static List<String> list(String text) {
		if (text == null) {
			return List.of();
		}
		return LIST_SEPARATOR.splitAsStream(text).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

	/** A number as people type it: full-width digits and a trailing 分 allowed. */
	static BigDecimal number(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
		if (folded.endsWith("分")) {
			folded = folded.substring(0, folded.length() - 1).strip();
		}
		try {
			return new BigDecimal(folded);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
