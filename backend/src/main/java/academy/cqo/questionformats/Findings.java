package academy.cqo.questionformats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import academy.cqo.shared.FieldViolation;

/**
 * What a reader has found so far: the problems that refuse the file, the warnings that do
 * not, and the question codes already seen (a code used twice in one file is a problem).
 * A question on which the reader itself found a problem yields no draft, so that the
 * generic {@code QuestionRules} the importer runs next do not report it a second time.
 */
final class Findings {

	private final List<FieldViolation> problems = new ArrayList<>();

	private final List<FieldViolation> warnings = new ArrayList<>();

	private final Map<String, Integer> codes = new HashMap<>();

	void problem(Integer line, String field, String messageKey, Object... arguments) {
		this.problems.add(new FieldViolation(field, messageKey, List.of(arguments), line));
	}

	void warning(Integer line, String field, String messageKey, Object... arguments) {
		this.warnings.add(new FieldViolation(field, messageKey, List.of(arguments), line));
	}

	int problemCount() {
		return this.problems.size();
	}

	/**
	 * Remember a question's code and report it when an earlier question of the file has
	 * it.
	 * @param line the question's line or row
	 * @param code the code, or {@code null}
	 */
	void code(int line, String code) {
		if (code == null) {
			return;
		}
		Integer first = this.codes.putIfAbsent(code, line);
		if (first != null) {
			problem(line, "code", "import.file.duplicateCode", code, first);
		}
	}

	ParsedFile result(List<QuestionDraft> questions) {
		return new ParsedFile(questions, this.problems, this.warnings);
	}

	/**
	 * The file-level outcome when a reader fails for an unexpected reason.
	 * @param ex what went wrong
	 * @return a failed parse naming the file
	 */
	static ParsedFile unreadable(Exception ex) {
		String detail = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
		return ParsedFile.failed(new FieldViolation("file", "import.file.unreadable", List.of(detail), null));
	}

	/**
	 * Text as stored: line breaks made {@code \n}, surrounding white space removed.
	 * @param text the text as read
	 * @return the text, or {@code null} when it is blank
	 */
	static String clean(String text) {
		if (text == null) {
			return null;
		}
		String cleaned = text.replace("\r\n", "\n").replace('\r', '\n').strip();
		return cleaned.isEmpty() ? null : cleaned;
	}

}
