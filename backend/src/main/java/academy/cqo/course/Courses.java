package academy.cqo.course;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.course.persistence.CourseDocument;
import academy.cqo.course.persistence.CourseStore;
import academy.cqo.course.persistence.ModuleDocument;
import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.Markdown;

/**
 * The public face of courses for reading: a course with its ordered modules, the
 * catalogue of published courses, a module. Authoring is {@link CourseAuthoring}'s,
 * enrolment and progress {@link Enrolments}', study time {@link Study}'s.
 */
@Service
public class Courses {

	private final CourseStore store;

	Courses(CourseStore store) {
		this.store = store;
	}

	/**
	 * Any course, published or not (for staff and internal use).
	 * @param courseId the course
	 * @return the course, 404 when there is none
	 */
	public Mono<CourseView> course(String courseId) {
		return this.store.findCourse(courseId)
			.switchIfEmpty(Mono.error(() -> new CourseNotFound(courseId)))
			.flatMap(this::view);
	}

	/**
	 * A course as a person may see it: published, or any for staff.
	 * @param courseId the course
	 * @param user who asks
	 * @return the course, 404 when not visible
	 */
	public Mono<CourseView> visibleCourse(String courseId, CurrentUser user) {
		return course(courseId).filter((course) -> course.published() || user.isStaff())
			.switchIfEmpty(Mono.error(() -> new CourseNotFound(courseId)));
	}

	public Flux<CourseView> catalogue() {
		return this.store.findCourses(true).concatMap(this::view);
	}

	public Flux<CourseView> allCourses(CurrentUser user) {
		CurrentUser.requireStaff(user);
		return this.store.findCourses(false).concatMap(this::view);
	}

	public Mono<ModuleView> module(String moduleId) {
		return this.store.findModule(moduleId)
			.switchIfEmpty(Mono.error(() -> new ModuleNotFound(moduleId)))
			.map(Courses::view);
	}

	Mono<CourseView> view(CourseDocument course) {
		return this.store.modulesOf(course.id())
			.map(Courses::view)
			.collectList()
			.map((modules) -> new CourseView(course.id(), course.title(), course.summary(),
					Markdown.toHtml(course.summary()), course.subjectCategory(), course.isSequential(),
					course.isPublished(), modules));
	}

	static ModuleView view(ModuleDocument module) {
		return new ModuleView(module.id(), module.courseId(), module.position(), module.title(), module.body(),
				module.videoUrl(), module.videoSeconds(), module.requiredSeconds(),
				(module.creditHours() != null) ? module.creditHours() : 0, module.subjectCategory(),
				module.selfCheckTags(), (module.selfCheckCount() != null) ? module.selfCheckCount() : 0);
	}

}
