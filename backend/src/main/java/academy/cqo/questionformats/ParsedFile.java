package academy.cqo.questionformats;

import java.util.List;

import academy.cqo.shared.FieldViolation;

/**
 * What a reader made of a file: the questions, every problem that stops the import (each
 * with its line or row and field), and warnings that do not.
 *
 * @param questions the questions read, in file order
 * @param problems problems that refuse the whole file
 * @param warnings remarks shown with a successful import
 */
public record ParsedFile(List<QuestionDraft> questions, List<FieldViolation> problems, List<FieldViolation> warnings) {

	public ParsedFile {
		questions = List.copyOf(questions);
		problems = List.copyOf(problems);
		warnings = List.copyOf(warnings);
	}

	public static ParsedFile failed(FieldViolation problem) {
		return new ParsedFile(List.of(), List.of(problem), List.of());
	}

}
