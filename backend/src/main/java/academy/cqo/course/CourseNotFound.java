package academy.cqo.course;

import academy.cqo.shared.NotFound;

/**
 * No such course for the caller: it does not exist, or it is not published and the caller
 * is not staff.
 */
public class CourseNotFound extends NotFound {

	public CourseNotFound(String courseId) {
		super("course", courseId);
	}

}
