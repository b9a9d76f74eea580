package academy.cqo.questionbank;

import academy.cqo.shared.NotFound;

/**
 * No such question image.
 */
public class QuestionImageNotFound extends NotFound {

	public QuestionImageNotFound(String imageId) {
		super("question image", imageId);
	}

}
