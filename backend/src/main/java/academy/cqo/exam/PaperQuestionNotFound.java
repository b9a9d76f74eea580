package academy.cqo.exam;

import academy.cqo.shared.NotFound;

/**
 * The attempt's paper has no question with this id.
 */
public class PaperQuestionNotFound extends NotFound {

	public PaperQuestionNotFound(String attemptId, String questionId) {
		super("question on the paper of attempt", attemptId + " " + questionId);
	}

}
