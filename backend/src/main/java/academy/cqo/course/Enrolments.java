package academy.cqo.course;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.course.persistence.CourseStore;
import academy.cqo.course.persistence.EnrolmentDocument;
import academy.cqo.course.persistence.ProgressDocument;
import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.Markdown;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * Candidates enrol in published courses, open modules (in order when the course says so)
 * and see their progress; other modules read completions (the exam's course requirement,
 * the CE ledger). Study time itself is counted by {@link Study}.
 */
@Service
public class Enrolments {

	private final CourseStore store;

	private final Courses courses;

	private final Clock clock;

	Enrolments(CourseStore store, Courses courses, Clock clock) {
		this.store = store;
		this.courses = courses;
		this.clock = clock;
	}

	/**
	 * A module as the study page shows it.
	 *
	 * @param course the course
	 * @param module the module
	 * @param bodyHtml the lesson as safe HTML
	 * @param progress the candidate's progress in the course
	 * @param previousId the module before, or {@code null}
	 * @param nextId the module after, or {@code null}
	 */
	public record Lesson(CourseView course, ModuleView module, String bodyHtml, CourseProgress progress,
			String previousId, String nextId) {

		public ModuleProgress moduleProgress() {
			return this.progress.modules()
				.stream()
				.filter((p) -> p.moduleId().equals(this.module.id()))
				.findFirst()
				.orElseThrow();
		}

		/**
		 * Whether the next module is still locked (a sequential course, this one not yet
		 * completed).
		 * @return whether 下一章 must wait
		 */
		public boolean nextLocked() {
			return this.nextId != null
					&& this.progress.modules().stream().anyMatch((p) -> p.moduleId().equals(this.nextId) && p.locked());
		}

	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Enrol in a published course (again: nothing changes).
	 * @param courseId the course
	 * @param user the candidate
	 * @return the candidate's progress
	 */
	public Mono<CourseProgress> enrol(String courseId, CurrentUser user) {
		return this.courses.visibleCourse(courseId, user)
			.filter(CourseView::published)
			.switchIfEmpty(Mono.error(new Conflict(FieldViolation.of("course", "course.notPublished"))))
			.flatMap((course) -> this.store
				.enrol(new EnrolmentDocument(EnrolmentDocument.idOf(courseId, user.accountId()), courseId,
						user.accountId(), user.username(), user.fullName(), user.regionCode(), now(), null, null))
				.flatMap((enrolment) -> progress(course, enrolment)));
	}

	/**
	 * A candidate's progress in a course.
	 * @param courseId the course
	 * @param accountId the candidate
	 * @return the progress, empty when not enrolled
	 */
	public Mono<CourseProgress> progress(String courseId, String accountId) {
		return this.store.findEnrolment(courseId, accountId)
			.flatMap((enrolment) -> this.courses.course(courseId).flatMap((course) -> progress(course, enrolment)));
	}

	/**
	 * The courses a candidate enrolled in, with progress.
	 * @param accountId the candidate
	 * @return the progress per course
	 */
	public Flux<CourseProgress> enrolments(String accountId) {
		return this.store.enrolmentsOf(accountId)
			.concatMap((enrolment) -> this.store.findCourse(enrolment.courseId())
				.flatMap(this.courses::view)
				.flatMap((course) -> progress(course, enrolment)));
	}

	/**
	 * Everyone enrolled in a course, with progress (for trainers).
	 * @param courseId the course
	 * @param user who asks
	 * @return the progress per candidate, in order of enrolment
	 */
	public Flux<CourseProgress> enrolled(String courseId, CurrentUser user) {
		CurrentUser.requireStaff(user);
		return this.courses.course(courseId)
			.flatMapMany((course) -> this.store.progressOfCourse(courseId)
				.collectMultimap(ProgressDocument::accountId)
				.flatMapMany((byAccount) -> this.store.enrolmentsOfCourse(courseId)
					.map((enrolment) -> progress(course, enrolment,
							byAccount.getOrDefault(enrolment.accountId(), List.of())))));
	}

	private Mono<CourseProgress> progress(CourseView course, EnrolmentDocument enrolment) {
		return this.store.progressOf(enrolment.accountId(), course.id())
			.collectList()
			.map((progress) -> progress(course, enrolment, progress));
	}

	static CourseProgress progress(CourseView course, EnrolmentDocument enrolment,
			Collection<ProgressDocument> progress) {
		Map<String, ProgressDocument> byModule = new HashMap<>();
		progress.forEach((p) -> byModule.put(p.moduleId(), p));
		List<ModuleProgress> modules = new ArrayList<>();
		boolean earlierOpen = false;
		String firstOpen = null;
		for (ModuleView module : course.modules()) {
			ProgressDocument p = byModule.get(module.id());
			boolean completed = p != null && p.completed();
			boolean locked = course.sequential() && earlierOpen;
			modules.add(new ModuleProgress(module.id(), module.title(), (p != null) ? p.credited() : 0,
					module.requiredSeconds(),
					!module.hasVideo() || (p != null && Boolean.TRUE.equals(p.videoWatched())),
					(p != null) ? p.completedAt() : null, locked));
			if (!completed) {
				earlierOpen = true;
				if (firstOpen == null) {
					firstOpen = module.id();
				}
			}
		}
		String resume = (enrolment.lastModuleId() != null && byModule.containsKey(enrolment.lastModuleId())
				&& !byModule.get(enrolment.lastModuleId()).completed()) ? enrolment.lastModuleId() : firstOpen;
		return new CourseProgress(course.id(), course.title(), enrolment.accountId(), enrolment.username(),
				enrolment.fullName(), enrolment.regionCode(), enrolment.enrolledAt(), resume, enrolment.completedAt(),
				modules);
	}

	/**
	 * Open a module for study: the candidate must be enrolled in its published course,
	 * and in a sequential course every earlier module must be complete.
	 * @param moduleId the module
	 * @param user the candidate
	 * @return the lesson
	 */
	public Mono<Lesson> lesson(String moduleId, CurrentUser user) {
		return this.courses.module(moduleId)
			.flatMap((module) -> this.courses.course(module.courseId()).flatMap((course) -> {
				if (!course.published()) {
					return Mono.error(new CourseNotFound(course.id()));
				}
				return this.store.findEnrolment(course.id(), user.accountId())
					.switchIfEmpty(Mono.error(new Conflict(FieldViolation.of("course", "course.notEnrolled"))))
					.flatMap((enrolment) -> progress(course, enrolment))
					.flatMap((progress) -> {
						ModuleProgress own = progress.modules()
							.stream()
							.filter((p) -> p.moduleId().equals(moduleId))
							.findFirst()
							.orElseThrow();
						if (own.locked()) {
							return Mono.error(new Conflict(FieldViolation.of("module", "course.module.locked")));
						}
						int index = course.modules().indexOf(module);
						String previous = (index > 0) ? course.modules().get(index - 1).id() : null;
						String next = (index < course.modules().size() - 1) ? course.modules().get(index + 1).id()
								: null;
						return Mono
							.just(new Lesson(course, module, Markdown.toHtml(module.body()), progress, previous, next));
					});
			}));
	}

	/**
	 * Whether a candidate completed a course.
	 * @param accountId the candidate
	 * @param courseId the course
	 * @return whether completed
	 */
	public Mono<Boolean> completed(String accountId, String courseId) {
		return this.store.findEnrolment(courseId, accountId)
			.map((enrolment) -> enrolment.completedAt() != null)
			.defaultIfEmpty(false);
	}

	/**
	 * Everyone who completed a module in a period (continuing education: whose ledger can
	 * have course hours), in one read.
	 * @param from the start (inclusive)
	 * @param until the end (exclusive)
	 * @return their account ids (each once)
	 */
	public Mono<Set<String>> learnersBetween(Instant from, Instant until) {
		return this.store.learnersBetween(from, until).collect(Collectors.toSet());
	}

	/**
	 * The modules a candidate completed in a period (continuing education counts them).
	 * @param accountId the candidate
	 * @param from the start (inclusive)
	 * @param until the end (exclusive)
	 * @return the completed modules, oldest first
	 */
	public Flux<CompletedModule> completedModules(String accountId, Instant from, Instant until) {
		return this.store.completedBetween(accountId, from, until)
			.map((p) -> new CompletedModule(p.moduleId(), p.moduleTitle(), p.courseId(),
					(p.creditHours() != null) ? p.creditHours() : 0, p.subjectCategory(), p.completedAt()));
	}

}
