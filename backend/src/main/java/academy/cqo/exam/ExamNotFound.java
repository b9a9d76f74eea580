package academy.cqo.exam;

import academy.cqo.shared.NotFound;

/**
 * No such exam.
 */
public class ExamNotFound extends NotFound {

	public ExamNotFound(String examId) {
		super("exam", examId);
	}

}
