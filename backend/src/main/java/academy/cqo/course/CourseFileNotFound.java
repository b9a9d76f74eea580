package academy.cqo.course;

import academy.cqo.shared.NotFound;

/**
 * No such course file.
 */
public class CourseFileNotFound extends NotFound {

	public CourseFileNotFound(String fileId) {
		super("course file", fileId);
	}

}
