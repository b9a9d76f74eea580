package academy.cqo.course;

import academy.cqo.shared.NotAllowed;

/**
 * The caller may not change this course: not its owner, not one it is shared with, not an
 * administrator who covers it.
 */
public class CourseNotChangeable extends NotAllowed {

	public CourseNotChangeable() {
		super("course not changeable by the caller");
	}

}
