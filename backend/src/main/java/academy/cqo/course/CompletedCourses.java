package academy.cqo.course;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.exam.CourseRequirement;

/**
 * The course requirement of exam sessions: a session that requires a course admits those
 * who completed it.
 */
@Component
class CompletedCourses implements CourseRequirement {

	private final Courses courses;

	private final Enrolments enrolments;

	CompletedCourses(Courses courses, Enrolments enrolments) {
		this.courses = courses;
		this.enrolments = enrolments;
	}

	@Override
	public Mono<Boolean> completed(String accountId, String courseId) {
		return this.enrolments.completed(accountId, courseId);
	}

	@Override
	public Flux<CourseOption> courses() {
		return this.courses.catalogue().map((course) -> new CourseOption(course.id(), course.title()));
	}

}
