package academy.cqo.questionbank;

import academy.cqo.shared.NotFound;

/**
 * No such question (or no such version of it) for the caller: it does not exist, or its
 * bank is one the caller may not read.
 */
public class QuestionNotFound extends NotFound {

	public QuestionNotFound(String questionId) {
		super("question", questionId);
	}

	public QuestionNotFound(String questionId, int version) {
		super("question version", questionId + " v" + version);
	}

}
