package academy.cqo.course;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.course.persistence.CourseDocument;
import academy.cqo.course.persistence.CourseStore;
import academy.cqo.course.persistence.ModuleDocument;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.IdentitySettings;
import academy.cqo.identity.Stewardship;
import academy.cqo.questionbank.Markdown;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * Trainers author courses and modules (checked by {@link CourseDrafts}), publish them and
 * share them with other staff; who may change a course is its stewardship.
 */
@Service
public class CourseAuthoring {

	private final CourseStore store;

	private final Courses courses;

	private final Clock clock;

	private final String homeRegion;

	private final Accounts accounts;

	CourseAuthoring(CourseStore store, Courses courses, Clock clock, IdentitySettings identity, Accounts accounts) {
		this.store = store;
		this.courses = courses;
		this.clock = clock;
		this.homeRegion = identity.adminRegionCode();
		this.accounts = accounts;
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	public Mono<CourseView> create(CourseDraft draft, CurrentUser user) {
		CurrentUser.requireStaff(user);
		CourseDrafts.check(draft);
		Instant now = now();
		return this.store
			.insert(new CourseDocument(CourseStore.newId(), draft.title().strip(), CourseDrafts.strip(draft.summary()),
					CourseDrafts.category(draft.subjectCategory()), Boolean.TRUE.equals(draft.sequential()), false,
					user.username(), now, now, Stewardship.of(user)))
			.flatMap(this.courses::view);
	}

	public Mono<CourseView> update(String courseId, CourseDraft draft, CurrentUser user) {
		CurrentUser.requireStaff(user);
		CourseDrafts.check(draft);
		return changeable(courseId, user)
			.then(this.store.updateCourse(courseId, draft.title().strip(), CourseDrafts.strip(draft.summary()),
					CourseDrafts.category(draft.subjectCategory()), Boolean.TRUE.equals(draft.sequential()), now()))
			.switchIfEmpty(Mono.error(() -> new CourseNotFound(courseId)))
			.flatMap(this.courses::view);
	}

	/**
	 * Publish or withdraw a course. A course without modules cannot be published.
	 * @param courseId the course
	 * @param published whether candidates should see it
	 * @param user who does it
	 * @return the course
	 */
	public Mono<CourseView> publish(String courseId, boolean published, CurrentUser user) {
		CurrentUser.requireStaff(user);
		return changeable(courseId, user).then(this.courses.course(courseId)).flatMap((course) -> {
			if (published && course.modules().isEmpty()) {
				return Mono.error(new Conflict(FieldViolation.of("modules", "course.publish.noModules")));
			}
			return this.store.setPublished(courseId, published, now()).flatMap(this.courses::view);
		});
	}

	public Mono<ModuleView> addModule(String courseId, ModuleDraft draft, CurrentUser user) {
		CurrentUser.requireStaff(user);
		CourseDrafts.check(draft);
		return changeable(courseId, user).then(this.courses.course(courseId)).flatMap((course) -> {
			int position = (draft.position() != null) ? draft.position()
					: course.modules().stream().mapToInt(ModuleView::position).max().orElse(0) + 1;
			return this.store.insert(document(CourseStore.newId(), courseId, position, draft));
		}).map(Courses::view);
	}

	public Mono<ModuleView> updateModule(String moduleId, ModuleDraft draft, CurrentUser user) {
		CurrentUser.requireStaff(user);
		CourseDrafts.check(draft);
		return changeableModule(moduleId, user).flatMap((module) -> this.store.save(document(module.id(),
				module.courseId(), (draft.position() != null) ? draft.position() : module.position(), draft)))
			.map(Courses::view);
	}

	private ModuleDocument document(String id, String courseId, int position, ModuleDraft draft) {
		String video = (draft.videoUrl() == null || draft.videoUrl().isBlank()) ? null : draft.videoUrl().strip();
		return new ModuleDocument(id, courseId, position, draft.title().strip(), draft.body(), video,
				(video != null) ? draft.videoSeconds() : null, draft.requiredMinutes() * 60, draft.creditHours(),
				CourseDrafts.category(draft.subjectCategory()), CourseDrafts.tags(draft.selfCheckTags()),
				(draft.selfCheckCount() != null) ? draft.selfCheckCount() : 0, now());
	}

	/**
	 * Who answers for a course: its owner, sharing and jurisdiction.
	 * @param course the course
	 * @return its stewardship
	 */
	Stewardship stewardship(CourseDocument course) {
		return (course.stewardship() != null) ? course.stewardship()
				: Stewardship.legacy(course.createdBy(), this.homeRegion);
	}

	/**
	 * A course the user may change (its owner, the staff it is shared with, an
	 * administrator who covers it), or an error 403 (404 when there is none).
	 * @param courseId the course
	 * @param user the user
	 * @return the stored course
	 */
	Mono<CourseDocument> changeable(String courseId, CurrentUser user) {
		return this.store.findCourse(courseId)
			.switchIfEmpty(Mono.error(() -> new CourseNotFound(courseId)))
			.flatMap((course) -> stewardship(course).canChange(user) ? Mono.just(course)
					: Mono.error(new CourseNotChangeable()));
	}

	/**
	 * A module of a course the user may change, or an error 403 (404 when there is none).
	 * @param moduleId the module
	 * @param user the user
	 * @return the stored module
	 */
	Mono<ModuleDocument> changeableModule(String moduleId, CurrentUser user) {
		return this.store.findModule(moduleId)
			.switchIfEmpty(Mono.error(() -> new ModuleNotFound(moduleId)))
			.flatMap((module) -> changeable(module.courseId(), user).thenReturn(module));
	}

	/**
	 * Choose the staff a course is shared with (they may change it as its owner does).
	 * Only the owner or an administrator who covers the course may; every name must be a
	 * staff account.
	 * @param courseId the course
	 * @param sharedWith usernames
	 * @param user who does it
	 * @return the usernames it is now shared with
	 */
	public Mono<List<String>> share(String courseId, List<String> sharedWith, CurrentUser user) {
		CurrentUser.requireStaff(user);
		return this.store.findCourse(courseId)
			.switchIfEmpty(Mono.error(() -> new CourseNotFound(courseId)))
			.flatMap((course) -> {
				Stewardship stewardship = stewardship(course);
				boolean owner = stewardship.heldBy(user) && !stewardship.sharedWith().contains(user.username());
				if (!owner && !stewardship.coveredBy(user)) {
					return Mono.error(new CourseNotChangeable());
				}
				return this.accounts.staffUsernames("sharedWith", sharedWith)
					.flatMap((names) -> this.store.updateStewardship(courseId, stewardship.sharedWith(names)))
					.map((changed) -> changed.stewardship().sharedWith());
			});
	}

	/**
	 * Whether a user may change a course (editors show their buttons by it).
	 * @param courseId the course
	 * @param user the user
	 * @return whether they may
	 */
	public Mono<Boolean> changeableBy(String courseId, CurrentUser user) {
		return this.store.findCourse(courseId)
			.map((course) -> stewardship(course).canChange(user))
			.defaultIfEmpty(false);
	}

	/**
	 * The lesson as the study page renders it, for the editor's live preview.
	 * @param markdown the lesson
	 * @return safe HTML
	 */
	public String preview(String markdown) {
		return Markdown.toHtml(markdown);
	}

}
