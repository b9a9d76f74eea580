package academy.cqo.questionformats;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one GIFT file; see {@link GiftFormat} for what it accepts. A reader is used once.
 */
final class GiftReader {

	private static final Pattern WEIGHT = Pattern.compile("%(-?\\d+(?:[.,]\\d*)?)%");

	private static final Pattern TRUE_OR_FALSE = Pattern.compile("T|TRUE|F|FALSE", Pattern.CASE_INSENSITIVE);

	private static final Pattern COMMENT_TOKEN = Pattern.compile("\\[(id|tag):((?:\\\\.|[^\\]\\\\])*)]");

	private static final String CATEGORY = "$CATEGORY:";

	/** What replaces the answer block of a choice question written inside its text. */
	static final String GAP = "_____";

	private final ImportProblems problems = new ImportProblems();

	private final List<QuestionDraft> questions = new ArrayList<>();

	private String category;

	private int questionCount;

	private int titlesNotCodes;

	private int firstTitleLine;

	private String firstTitle;

	ParsedFile read(byte[] content) {
		try {
			for (List<Line> block : blocks(TextDecoding.decode(content))) {
				if (!readBlock(block)) {
					return ImportProblems.tooManyQuestions(block.get(0).number());
				}
			}
		}
		catch (RuntimeException ex) {
			return ImportProblems.refused(1, "import.file.unreadable");
		}
		if (this.titlesNotCodes > 0) {
			this.problems.warn(this.firstTitleLine, "code", "import.gift.titlesNotCodes", this.titlesNotCodes,
					this.firstTitle);
		}
		if (this.questionCount == 0) {
			this.problems.error(1, "file", "import.file.noQuestions");
		}
		return this.problems.toParsedFile(this.questions);
	}

	/**
	 * Questions are separated by blank lines.
	 * @param text the file
	 * @return the runs of non-blank lines
	 */
	private static List<List<Line>> blocks(String text) {
		List<List<Line>> blocks = new ArrayList<>();
		List<Line> block = new ArrayList<>();
		String[] lines = text.split("\r\n|\r|\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				if (!block.isEmpty()) {
					blocks.add(block);
					block = new ArrayList<>();
				}
			}
			else {
				block.add(new Line(i + 1, lines[i]));
			}
		}
		if (!block.isEmpty()) {
			blocks.add(block);
		}
		return blocks;
	}

	/**
	 * Read a run of lines: comments, a category switch, a question.
	 * @param block the lines
	 * @return {@code false} when the file holds too many questions
	 */
	private boolean readBlock(List<Line> block) {
		List<Line> comments = new ArrayList<>();
		List<Line> text = new ArrayList<>();
		for (Line line : block) {
			String stripped = line.text().strip();
			if (stripped.startsWith("//")) {
				comments.add(line);
			}
			else if (text.isEmpty() && stripped.startsWith(CATEGORY)) {
				switchCategory(stripped.substring(CATEGORY.length()), line.number());
				comments.clear();
			}
			else {
				text.add(line);
			}
		}
		if (text.isEmpty()) {
			return true;
		}
		if (++this.questionCount > ImportLimits.MAX_QUESTIONS) {
			return false;
		}
		int problemsBefore = this.problems.errorCount();
		int line = text.get(0).number();
		try {
			QuestionDraft question = readQuestion(comments, Source.of(text), line);
			if (question != null && this.problems.errorCount() == problemsBefore) {
				this.questions.add(question);
			}
		}
		catch (RuntimeException ex) {
			this.problems.error(line, "file", "import.file.unreadable");
		}
		return true;
	}

	private void switchCategory(String path, int line) {
		String tag = MoodleCategories.toTag(path);
		if (tag != null && !QuestionSyntax.isValidTag(tag)) {
			this.problems.error(line, "category", "import.file.categoryInvalid", tag);
			tag = null;
		}
		this.category = tag;
	}

	private QuestionDraft readQuestion(List<Line> comments, Source source, int line) {
		CqoMetadata metadata = new CqoMetadata();
		List<String> ids = new ArrayList<>();
		Set<String> tags = new LinkedHashSet<>();
		if (this.category != null) {
			tags.add(this.category);
		}
		for (Line comment : comments) {
			readComment(comment, metadata, ids, tags);
		}
		String raw = source.text();
		int start = skipSpace(raw, 0);
		String title = null;
		if (raw.startsWith("::", start)) {
			int end = GiftSyntax.indexOf(raw, "::", start + 2);
			if (end < 0) {
				this.problems.error(line, "stem", "import.gift.titleUnclosed");
				return null;
			}
			title = GiftSyntax.unescape(raw.substring(start + 2, end)).strip();
			start = skipSpace(raw, end + 2);
		}
		start += GiftSyntax.formatLength(raw, start);
		List<AnswerBlock> blocks = answerBlocks(source, start);
		if (blocks == null) {
			return null;
		}
		if (blocks.isEmpty()) {
			this.problems.warn(line, "type", "import.file.descriptionSkipped");
			return null;
		}
		QuestionBody body = body(raw, start, blocks, line);
		if (body == null) {
			return null;
		}
		String code = ids.isEmpty() ? titleAsCode(title, line) : ids.get(0);
		String explanation = blocks.stream()
			.map(AnswerBlock::feedback)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
		return metadata.draft(line, code, List.copyOf(tags), body, explanation, this.problems);
	}

	private void readComment(Line comment, CqoMetadata metadata, List<String> ids, Set<String> tags) {
		String text = comment.text().strip().substring(2).strip();
		if (CqoMetadata.isEntry(text)) {
			metadata.read(text, comment.number(), this.problems);
			return;
		}
		Matcher token = COMMENT_TOKEN.matcher(text);
		while (token.find()) {
			String value = token.group(2).replaceAll("\\\\(.)", "$1").strip();
			if (value.isEmpty()) {
				continue;
			}
			if (token.group(1).equals("id")) {
				ids.add(value);
			}
			else {
				tags.add(value);
			}
		}
	}

	/**
	 * A GIFT title is a question's name, which Moodle lets hold spaces and any length; it
	 * is the code only when it is a valid one.
	 */
	private String titleAsCode(String title, int line) {
		if (title == null || title.isEmpty()) {
			return null;
		}
		if (QuestionSyntax.isValidCode(title)) {
			return title;
		}
		if (this.titlesNotCodes++ == 0) {
			this.firstTitleLine = line;
			this.firstTitle = title;
		}
		return null;
	}

	/**
	 * Find the answer blocks after the title, reporting a brace out of place.
	 * @return the blocks in order, or {@code null} after a problem
	 */
	private List<AnswerBlock> answerBlocks(Source source, int start) {
		String raw = source.text();
		List<AnswerBlock> blocks = new ArrayList<>();
		int open = -1;
		for (int i = start; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (c == '{' && open >= 0) {
				this.problems.error(source.line(i), "stem", "import.gift.braceNested");
				return null;
			}
			else if (c == '{') {
				open = i;
			}
			else if (c == '}' && open < 0) {
				this.problems.error(source.line(i), "stem", "import.gift.braceStray");
				return null;
			}
			else if (c == '}') {
				blocks.add(AnswerBlock.of(raw, open, i, source.line(open)));
				open = -1;
			}
		}
		if (open >= 0) {
			this.problems.error(source.line(open), "stem", "import.gift.braceUnclosed");
			return null;
		}
		return blocks;
	}

	private QuestionBody body(String raw, int start, List<AnswerBlock> blocks, int line) {
		for (AnswerBlock block : blocks) {
			if (block.kind() == Kind.NUMERIC) {
				this.problems.error(block.line(), "type", "import.gift.numericUnsupported");
				return null;
			}
			if (block.kind() == Kind.MATCHING) {
				this.problems.error(block.line(), "type", "import.gift.matchingUnsupported");
				return null;
			}
		}
		if (blocks.stream().allMatch((block) -> block.kind() == Kind.SHORT_ANSWER)) {
			return fill(raw, start, blocks, line);
		}
		if (blocks.size() > 1) {
			AnswerBlock other = blocks.stream().filter((block) -> block.kind() != Kind.SHORT_ANSWER).findFirst().get();
			this.problems.error(other.line(), "answer", "import.gift.mixedBlocks");
			return null;
		}
		AnswerBlock block = blocks.get(0);
		String stem = stemAround(raw, start, block);
		return switch (block.kind()) {
			case ESSAY -> QuestionBody.essay(stem);
			case TRUE_FALSE ->
				QuestionBody.trueFalse(stem, block.content().strip().toUpperCase(Locale.ROOT).startsWith("T"));
			case CHOICE -> choice(stem, block, line);
			default -> throw new IllegalStateException(block.kind().name());
		};
	}

	/**
	 * The stem of a question with one answer block: the text before it when the block
	 * ends the question, otherwise the text with a gap where the block was (Moodle's
	 * "missing word" form).
	 */
	private static String stemAround(String raw, int start, AnswerBlock block) {
		String before = raw.substring(start, block.open());
		String after = raw.substring(block.close() + 1);
		if (after.isBlank()) {
			return GiftSyntax.unescape(before.strip());
		}
		return GiftSyntax.unescape(before.stripLeading()) + GAP + GiftSyntax.unescape(after.stripTrailing());
	}

	private QuestionBody choice(String stem, AnswerBlock block, int line) {
		List<Answer> answers = answers(block, "~=");
		if (answers == null) {
			return null;
		}
		List<MoodleAnswers.Weighted> weighted = new ArrayList<>();
		boolean right = false;
		for (Answer answer : answers) {
			right |= answer.marker() == '=';
			double unweighted = (answer.marker() == '=') ? 100 : 0;
			weighted.add(new MoodleAnswers.Weighted(answer.text(),
					(answer.weight() != null) ? answer.weight() : unweighted));
		}
		MoodleAnswers.Choice choice = right ? MoodleAnswers.single(weighted, line, this.problems)
				: MoodleAnswers.multiple(weighted, line, this.problems);
		return (choice != null) ? QuestionBody.choice(stem, choice) : null;
	}

	/**
	 * A fill-in question: each answer block becomes a blank {@code {{n}}} where it
	 * stands, in order.
	 */
	private QuestionBody fill(String raw, int start, List<AnswerBlock> blocks, int line) {
		StringBuilder stem = new StringBuilder();
		List<List<String>> blanks = new ArrayList<>();
		int from = start;
		for (AnswerBlock block : blocks) {
			String text = raw.substring(from, block.open());
			stem.append(GiftSyntax.unescape((from == start) ? text.stripLeading() : text));
			stem.append("{{").append(blanks.size() + 1).append("}}");
			List<String> accepted = acceptedAnswers(block, line);
			if (accepted == null) {
				return null;
			}
			blanks.add(accepted);
			from = block.close() + 1;
		}
		stem.append(GiftSyntax.unescape(raw.substring(from).stripTrailing()));
		return QuestionBody.fill(stem.toString(), blanks);
	}

	private List<String> acceptedAnswers(AnswerBlock block, int line) {
		List<Answer> answers = answers(block, "=");
		if (answers == null) {
			return null;
		}
		List<MoodleAnswers.Weighted> weighted = answers.stream()
			.map((answer) -> new MoodleAnswers.Weighted(answer.text(),
					(answer.weight() != null) ? answer.weight() : 100))
			.toList();
		return MoodleAnswers.accepted(weighted, line, this.problems);
	}

	/**
	 * Split an answer block into its answers, each starting with one of the markers.
	 * @return the answers, or {@code null} after a problem
	 */
	private List<Answer> answers(AnswerBlock block, String markers) {
		String content = block.content();
		int at = GiftSyntax.indexOfAny(content, markers, 0);
		String lead = (at < 0) ? content : content.substring(0, at);
		if (!lead.isBlank()) {
			this.problems.error(block.line(), "answer", "import.gift.answerWithoutMarker",
					GiftSyntax.unescape(lead.strip()));
			return null;
		}
		List<Answer> answers = new ArrayList<>();
		while (at >= 0) {
			int next = GiftSyntax.indexOfAny(content, markers, at + 1);
			Answer answer = Answer.parse(content.charAt(at),
					content.substring(at + 1, (next < 0) ? content.length() : next));
			if (answer.text().isBlank()) {
				this.problems.error(block.line(), "answer", "import.gift.answerEmpty");
				return null;
			}
			answers.add(answer);
			at = next;
		}
		return answers;
	}

	private static int skipSpace(String text, int from) {
		int at = from;
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
		return at;
	}

	/** A line of the file. */
	private record Line(int number, String text) {
	}

	/**
	 * A question's lines joined, with where each line starts, so that a position in the
	 * text gives its line in the file.
	 */
	private record Source(String text, int[] starts, int[] numbers) {

		static Source of(List<Line> lines) {
			StringBuilder text = new StringBuilder();
			int[] starts = new int[lines.size()];
			int[] numbers = new int[lines.size()];
			for (int i = 0; i < lines.size(); i++) {
				if (i > 0) {
					text.append('\n');
				}
				starts[i] = text.length();
				numbers[i] = lines.get(i).number();
				text.append(lines.get(i).text());
			}
			return new Source(text.toString(), starts, numbers);
		}

		int line(int offset) {
			int index = 0;
			while (index + 1 < this.starts.length && this.starts[index + 1] <= offset) {
				index++;
			}
			return this.numbers[index];
		}

	}

	/** What an answer block asks for, told by its content as Moodle does. */
	private enum Kind {

		ESSAY, NUMERIC, CHOICE, MATCHING, TRUE_FALSE, SHORT_ANSWER;

		static Kind of(String content) {
			String text = content.strip();
			if (text.isEmpty()) {
				return ESSAY;
			}
			if (text.startsWith("#")) {
				return NUMERIC;
			}
			if (GiftSyntax.indexOf(text, "~", 0) >= 0) {
				return CHOICE;
			}
			if (GiftSyntax.indexOf(text, "=", 0) >= 0 && text.contains("->")) {
				return MATCHING;
			}
			int feedback = GiftSyntax.indexOf(text, "#", 0);
			String answer = ((feedback < 0) ? text : text.substring(0, feedback)).strip();
			return TRUE_OR_FALSE.matcher(answer).matches() ? Kind.TRUE_FALSE : SHORT_ANSWER;
		}

	}

	/**
	 * One {@code {…}} block: its position, its content without the general feedback, the
	 * general feedback ({@code ####…}) and what it asks for.
	 */
	private record AnswerBlock(int open, int close, String content, String feedback, Kind kind, int line) {

		static AnswerBlock of(String raw, int open, int close, int line) {
			String content = raw.substring(open + 1, close);
			String feedback = null;
			int general = GiftSyntax.lastIndexOf(content, "####");
			if (general >= 0) {
				feedback = GiftSyntax.unescape(GiftSyntax.withoutFormat(content.substring(general + 4)));
				content = content.substring(0, general);
			}
			return new AnswerBlock(open, close, content, (feedback == null || feedback.isBlank()) ? null : feedback,
					Kind.of(content), line);
		}

	}

	/**
	 * One answer of a block: its marker ({@code =} or {@code ~}), its weight in percent
	 * if given ({@code %50%}) and its text; feedback ({@code #…}) is dropped.
	 */
	private record Answer(char marker, Double weight, String text) {

		static Answer parse(char marker, String raw) {
			String rest = raw.strip();
			Double weight = null;
			Matcher matcher = WEIGHT.matcher(rest);
			if (matcher.lookingAt()) {
				weight = Double.valueOf(matcher.group(1).replace(',', '.'));
				rest = rest.substring(matcher.end());
			}
			int feedback = GiftSyntax.indexOf(rest, "#", 0);
			String text = (feedback < 0) ? rest : rest.substring(0, feedback);
			return new Answer(marker, weight, GiftSyntax.unescape(GiftSyntax.withoutFormat(text)));
		}

	}

}
