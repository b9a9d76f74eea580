package academy.cqo.questionformats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The fields Moodle files have no place for, carried as {@code cqo:name=value} entries:
 * GIFT comment lines ({@code // cqo:difficulty=3}) and Moodle XML tags
 * ({@code <tag><text>cqo:difficulty=3</text></tag>}). Moodle ignores the comments and
 * keeps the tags as ordinary tags; the readers here turn them back into fields.
 * <p>
 * Entries: {@code difficulty}, {@code status}, {@code score}, {@code source},
 * {@code reference} (an essay's reference answer) and {@code rubric}
 * ({@code points|criterion}, one entry per rubric line, in order). Values write a
 * backslash as {@code \\} and a line break as {@code \n}.
 */
final class CqoMetadata {

	static final String PREFIX = "cqo:";

	private final List<RubricItem> rubric = new ArrayList<>();

	private Integer difficulty;

	private Double score;

	private ReviewStatus status;

	private String source;

	private String referenceAnswer;

	static boolean isEntry(String text) {
		return text.startsWith(PREFIX);
	}

	/**
	 * The entries that carry a question's fields.
	 * @param question the question
	 * @param scoreAndReference whether to carry the score and reference answer too (GIFT
	 * has no place for them; Moodle XML has {@code defaultgrade} and {@code graderinfo})
	 * @return the entries, {@code cqo:} included
	 */
	static List<String> entries(QuestionDraft question, boolean scoreAndReference) {
		QuestionContent content = question.content();
		List<String> entries = new ArrayList<>();
		entries.add(PREFIX + "difficulty=" + question.difficulty());
		if (question.status() != null) {
			entries.add(PREFIX + "status=" + question.status().code());
		}
		if (scoreAndReference) {
			entries.add(PREFIX + "score=" + Scores.format(content.score()));
		}
		if (content.source() != null) {
			entries.add(PREFIX + "source=" + escape(content.source()));
		}
		if (scoreAndReference && content.referenceAnswer() != null) {
			entries.add(PREFIX + "reference=" + escape(content.referenceAnswer()));
		}
		for (RubricItem item : content.rubric()) {
			entries.add(PREFIX + "rubric=" + Scores.format(item.points()) + "|" + escape(item.criterion()));
		}
		return entries;
	}

	/**
	 * Read one entry.
	 * @param entry the entry, {@code cqo:} included
	 * @param line where it is
	 * @param problems where to report a value that cannot be read or a name not known
	 */
	void read(String entry, int line, ImportProblems problems) {
		int equals = entry.indexOf('=');
		String name = entry.substring(PREFIX.length(), (equals < 0) ? entry.length() : equals).strip();
		String value = (equals < 0) ? "" : unescape(entry.substring(equals + 1));
		boolean valid = switch (name) {
			case "difficulty" -> readDifficulty(value.strip());
			case "score" -> readScore(value.strip());
			case "status" -> readStatus(value.strip());
			case "source" -> readSource(value);
			case "reference" -> readReferenceAnswer(value);
			case "rubric" -> readRubricItem(value);
			default -> {
				problems.warn(line, "tags", "import.file.metadataUnknown", entry);
				yield true;
			}
		};
		if (!valid) {
			problems.error(line, field(name), "import.file.metadataInvalid", name, value);
		}
	}

	/**
	 * Set the score the file gives in its own way (Moodle XML {@code defaultgrade}).
	 * @param score the score
	 */
	void score(double score) {
		this.score = score;
	}

	/**
	 * Set the reference answer the file gives in its own way (Moodle XML
	 * {@code graderinfo}).
	 * @param referenceAnswer the reference answer
	 */
	void referenceAnswer(String referenceAnswer) {
		this.referenceAnswer = referenceAnswer;
	}

	/**
	 * The question, with these fields and their defaults.
	 * @param line the question's line
	 * @param code its code, or {@code null}
	 * @param tags its tags
	 * @param body what it asks
	 * @param explanation its explanation, or {@code null}
	 * @param problems where to warn that a reference answer or rubric of a question that
	 * is no essay is ignored
	 * @return the question
	 */
	QuestionDraft draft(int line, String code, List<String> tags, QuestionBody body, String explanation,
			ImportProblems problems) {
		boolean essay = body.type() == QuestionType.ESSAY;
		if (!essay && (this.referenceAnswer != null || !this.rubric.isEmpty())) {
			problems.warn(line, "rubric", "import.file.metadataIgnored");
		}
		double questionScore = (this.score != null) ? this.score : body.type().defaultScore();
		QuestionContent content = new QuestionContent(body.type(), body.stem(), body.options(), body.answer(),
				body.blanks(), essay ? this.referenceAnswer : null, essay ? this.rubric : List.of(), questionScore,
				explanation, this.source);
		int questionDifficulty = (this.difficulty != null) ? this.difficulty : QuestionDraft.DEFAULT_DIFFICULTY;
		return new QuestionDraft(line, code, content, questionDifficulty, tags, this.status);
	}

	private boolean readDifficulty(String value) {
		try {
			this.difficulty = Integer.parseInt(value);
			return true;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private boolean readScore(String value) {
		Optional<Double> number = number(value);
		if (number.isEmpty()) {
			return false;
		}
		this.score = number.get();
		return true;
	}

	private boolean readStatus(String value) {
		Optional<ReviewStatus> reviewStatus = ReviewStatus.fromCode(value);
		if (reviewStatus.isEmpty()) {
			return false;
		}
		this.status = reviewStatus.get();
		return true;
	}

	private boolean readSource(String value) {
		this.source = value;
		return true;
	}

	private boolean readReferenceAnswer(String value) {
		this.referenceAnswer = value;
		return true;
	}

	private boolean readRubricItem(String value) {
		int bar = value.indexOf('|');
		if (bar < 0) {
			return false;
		}
		Optional<Double> points = number(value.substring(0, bar));
		if (points.isEmpty()) {
			return false;
		}
		this.rubric.add(new RubricItem(points.get(), value.substring(bar + 1)));
		return true;
	}

	/**
	 * A number as Moodle files write it ({@code 2}, {@code 1.0000000}, {@code 0,5}).
	 * @param text the text
	 * @return the number, if the text is one
	 */
	static Optional<Double> number(String text) {
		try {
			double value = Double.parseDouble(text.strip().replace(',', '.'));
			return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static String field(String name) {
		return switch (name) {
			case "reference" -> "referenceAnswer";
			default -> name;
		};
	}

	static String escape(String value) {
		StringBuilder escaped = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			switch (c) {
				case '\\' -> escaped.append("\\\\");
				case '\n' -> escaped.append("\\n");
				case '\r' -> {
				}
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	static String unescape(String value) {
		StringBuilder plain = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length() && (value.charAt(i + 1) == '\\' || value.charAt(i + 1) == 'n')) {
				i++;
				plain.append((value.charAt(i) == 'n') ? '\n' : '\\');
			}
			else {
				plain.append(c);
			}
		}
		return plain.toString();
	}

}
