package academy.cqo.course;

import academy.cqo.shared.NotFound;

/**
 * The caller is not enrolled in this course.
 */
public class EnrolmentNotFound extends NotFound {

	public EnrolmentNotFound(String courseId) {
		super("enrolment", courseId);
	}

}
