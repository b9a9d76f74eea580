package academy.cqo.questionformats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import academy.cqo.shared.FieldViolation;

/**
 * What a reader found wrong with a file while reading it: problems that refuse the file
 * and warnings that do not, each with its line and field.
 */
final class ImportProblems {

	private final List<FieldViolation> problems = new ArrayList<>();

	private final List<FieldViolation> warnings = new ArrayList<>();

	void error(int line, String field, String messageKey, Object... arguments) {
		this.problems.add(violation(line, field, messageKey, arguments));
	}

	void warn(int line, String field, String messageKey, Object... arguments) {
		this.warnings.add(violation(line, field, messageKey, arguments));
	}

	/**
	 * How many problems have been found so far; a reader compares the count before and
	 * after a question to know whether that question was good.
	 * @return the number of problems
	 */
	int errorCount() {
		return this.problems.size();
	}

	ParsedFile toParsedFile(List<QuestionDraft> questions) {
		return new ParsedFile(questions, this.problems, this.warnings);
	}

	/**
	 * A file refused as a whole, whatever was read of it.
	 * @param line where the reader stopped
	 * @param messageKey why
	 * @param arguments the message's arguments
	 * @return the outcome
	 */
	static ParsedFile refused(int line, String messageKey, Object... arguments) {
		return ParsedFile.failed(violation(line, "file", messageKey, arguments));
	}

	static ParsedFile tooManyQuestions(int line) {
		return refused(line, "import.file.tooManyQuestions", ImportLimits.MAX_QUESTIONS);
	}

	private static FieldViolation violation(int line, String field, String messageKey, Object... arguments) {
		List<Object> values = Arrays.stream(arguments).map((value) -> (value != null) ? value : "").toList();
		return new FieldViolation(field, messageKey, values, Math.max(line, 1));
	}

}
