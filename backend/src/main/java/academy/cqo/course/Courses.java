package academy.cqo.course;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import academy.cqo.course.persistence.CourseDocument;
import academy.cqo.course.persistence.CourseStore;
import academy.cqo.course.persistence.EnrolmentDocument;
import academy.cqo.course.persistence.ModuleDocument;
import academy.cqo.course.persistence.ProgressDocument;
import academy.cqo.identity.Accounts;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.IdentitySettings;
import academy.cqo.identity.Stewardship;
import academy.cqo.questionbank.Markdown;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * The public face of courses: trainers author courses and modules and publish them;
 * candidates enrol, open modules (in order when the course says so), see their progress
 * and practise with a module's self-check. Study time itself is counted by {@link Study}.
 */
@Service
public class Courses {

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 200_000;

	private final CourseStore store;

	private final Clock clock;

	private final String homeRegion;

	private final Accounts accounts;

	Courses(CourseStore store, Clock clock, IdentitySettings identity, Accounts accounts) {
		this.homeRegion = identity.adminRegionCode();
		this.accounts = accounts;
		this.store = store;
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

	// Authoring

	public Mono<CourseView> create(CourseDraft draft, CurrentUser user) {
		CurrentUser.requireStaff(user);
		check(draft);
		Instant now = now();
		return this.store
			.insert(new CourseDocument(CourseStore.newId(), draft.title().strip(), strip(draft.summary()),
					category(draft.subjectCategory()), Boolean.TRUE.equals(draft.sequential()), false, user.username(),
					now, now, Stewardship.of(user)))
			.flatMap(this::view);
	}

	public Mono<CourseView> update(String courseId, CourseDraft draft, CurrentUser user) {
		CurrentUser.requireStaff(user);
		check(draft);
		return changeable(courseId, user)
			.then(this.store.updateCourse(courseId, draft.title().strip(), strip(draft.summary()),
					category(draft.subjectCategory()), Boolean.TRUE.equals(draft.sequential()), now()))
			.switchIfEmpty(notFound())
			.flatMap(this::view);
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
		return changeable(courseId, user).then(course(courseId)).flatMap((course) -> {
			if (published && course.modules().isEmpty()) {
				return Mono.error(new Conflict(FieldViolation.of("modules", "course.publish.noModules")));
			}
			return this.store.setPublished(courseId, published, now()).flatMap(this::view);
		});
	}

	public Mono<ModuleView> addModule(String courseId, ModuleDraft draft, CurrentUser user) {
		CurrentUser.requireStaff(user);
		check(draft);
		return changeable(courseId, user).then(course(courseId)).flatMap((course) -> {
			int position = (draft.position() != null) ? draft.position()
					: course.modules().stream().mapToInt(ModuleView::position).max().orElse(0) + 1;
			return this.store.insert(document(CourseStore.newId(), courseId, position, draft));
		}).map(Courses::view);
	}

	public Mono<ModuleView> updateModule(String moduleId, ModuleDraft draft, CurrentUser user) {
		CurrentUser.requireStaff(user);
		check(draft);
		return changeableModule(moduleId, user).flatMap((module) -> this.store.save(document(module.id(),
				module.courseId(), (draft.position() != null) ? draft.position() : module.position(), draft)))
			.map(Courses::view);
	}

	private ModuleDocument document(String id, String courseId, int position, ModuleDraft draft) {
		String video = (draft.videoUrl() == null || draft.videoUrl().isBlank()) ? null : draft.videoUrl().strip();
		return new ModuleDocument(id, courseId, position, draft.title().strip(), draft.body(), video,
				(video != null) ? draft.videoSeconds() : null, draft.requiredMinutes() * 60, draft.creditHours(),
				category(draft.subjectCategory()), tags(draft.selfCheckTags()),
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
			.switchIfEmpty(notFound())
			.flatMap((course) -> stewardship(course).canChange(user) ? Mono.just(course)
					: Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN)));
	}

	/**
	 * A module of a course the user may change, or an error 403 (404 when there is none).
	 * @param moduleId the module
	 * @param user the user
	 * @return the stored module
	 */
	Mono<ModuleDocument> changeableModule(String moduleId, CurrentUser user) {
		return this.store.findModule(moduleId)
			.switchIfEmpty(notFound())
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
		return this.store.findCourse(courseId).switchIfEmpty(notFound()).flatMap((course) -> {
			Stewardship stewardship = stewardship(course);
			boolean owner = stewardship.heldBy(user) && !stewardship.sharedWith().contains(user.username());
			if (!owner && !stewardship.coveredBy(user)) {
				return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN));
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

	static void check(CourseDraft draft) {
		List<FieldViolation> violations = new ArrayList<>();
		title(draft.title(), violations);
		if (draft.summary() != null && draft.summary().length() > 5_000) {
			violations.add(FieldViolation.of("summary", "course.summary.tooLong", 5_000));
		}
		if (draft.summary() != null && !Markdown.unsafeParts(draft.summary()).isEmpty()) {
			violations.add(FieldViolation.of("summary", "course.text.unsafe",
					String.join(", ", Markdown.unsafeParts(draft.summary()))));
		}
		category(draft.subjectCategory(), violations);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
	}

	static void check(ModuleDraft draft) {
		List<FieldViolation> violations = new ArrayList<>();
		title(draft.title(), violations);
		if (draft.body() == null || draft.body().isBlank()) {
			violations.add(FieldViolation.of("body", "course.module.body.required"));
		}
		else if (draft.body().length() > MAX_BODY) {
			violations.add(FieldViolation.of("body", "course.module.body.tooLong", MAX_BODY));
		}
		else {
			List<String> unsafe = Markdown.unsafeParts(draft.body());
			if (!unsafe.isEmpty()) {
				violations.add(FieldViolation.of("body", "course.text.unsafe", String.join(", ", unsafe)));
			}
		}
		if (draft.requiredMinutes() == null || draft.requiredMinutes() < 1 || draft.requiredMinutes() > 600) {
			violations.add(FieldViolation.of("requiredMinutes", "course.module.requiredMinutes.range", 1, 600));
		}
		if (draft.creditHours() == null || draft.creditHours() < 0 || draft.creditHours() > 20
				|| Math.round(draft.creditHours() * 10) != draft.creditHours() * 10) {
			violations.add(FieldViolation.of("creditHours", "course.module.creditHours.range", 0, 20));
		}
		category(draft.subjectCategory(), violations);
		String video = draft.videoUrl();
		if (video != null && !video.isBlank()) {
			String lower = video.strip().toLowerCase(Locale.ROOT);
			boolean sameSite = lower.startsWith("/") && !lower.startsWith("//");
			if (!(lower.startsWith("https://") || sameSite) || lower.contains("\"") || lower.contains("<")) {
				violations.add(FieldViolation.of("videoUrl", "course.module.videoUrl.invalid"));
			}
			if (draft.videoSeconds() == null || draft.videoSeconds() < 1 || draft.videoSeconds() > 6 * 3600) {
				violations.add(FieldViolation.of("videoSeconds", "course.module.videoSeconds.range", 1, 6 * 3600));
			}
		}
		if (draft.selfCheckCount() != null && (draft.selfCheckCount() < 0 || draft.selfCheckCount() > 20)) {
			violations.add(FieldViolation.of("selfCheckCount", "course.module.selfCheckCount.range", 0, 20));
		}
		if (draft.position() != null && (draft.position() < 1 || draft.position() > 1000)) {
			violations.add(FieldViolation.of("position", "course.module.position.range", 1, 1000));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
	}

	private static void title(String title, List<FieldViolation> violations) {
		if (title == null || title.isBlank()) {
			violations.add(FieldViolation.of("title", "course.title.required"));
		}
		else if (title.strip().length() > MAX_TITLE) {
			violations.add(FieldViolation.of("title", "course.title.tooLong", MAX_TITLE));
		}
	}

	private static void category(String code, List<FieldViolation> violations) {
		if (code != null && !code.isBlank() && SubjectCategory.fromCode(code).isEmpty()) {
			violations.add(FieldViolation.of("subjectCategory", "course.subjectCategory.unknown", code));
		}
	}

	private static String category(String code) {
		return SubjectCategory.fromCode(code).orElse(SubjectCategory.PROFESSIONAL).name();
	}

	private static List<String> tags(List<String> tags) {
		Set<String> clean = new LinkedHashSet<>();
		for (String tag : tags) {
			if (tag != null && !tag.isBlank()) {
				clean.add(tag.strip());
			}
		}
		return List.copyOf(clean);
	}

	private static String strip(String text) {
		return (text != null) ? text.strip() : "";
	}

	// Reading

	/**
	 * Any course, published or not (for staff and internal use).
	 * @param courseId the course
	 * @return the course, 404 when there is none
	 */
	public Mono<CourseView> course(String courseId) {
		return this.store.findCourse(courseId).switchIfEmpty(notFound()).flatMap(this::view);
	}

	/**
	 * A course as a person may see it: published, or any for staff.
	 * @param courseId the course
	 * @param user who asks
	 * @return the course, 404 when not visible
	 */
	public Mono<CourseView> visibleCourse(String courseId, CurrentUser user) {
		return course(courseId).filter((course) -> course.published() || user.isStaff()).switchIfEmpty(notFound());
	}

	public Flux<CourseView> catalogue() {
		return this.store.findCourses(true).concatMap(this::view);
	}

	public Flux<CourseView> allCourses(CurrentUser user) {
		CurrentUser.requireStaff(user);
		return this.store.findCourses(false).concatMap(this::view);
	}

	public Mono<ModuleView> module(String moduleId) {
		return this.store.findModule(moduleId).switchIfEmpty(notFound()).map(Courses::view);
	}

	private Mono<CourseView> view(CourseDocument course) {
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

	private static <T> Mono<T> notFound() {
		return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	// Enrolment and progress

	/**
	 * Enrol in a published course (again: nothing changes).
	 * @param courseId the course
	 * @param user the candidate
	 * @return the candidate's progress
	 */
	public Mono<CourseProgress> enrol(String courseId, CurrentUser user) {
		return visibleCourse(courseId, user).filter(CourseView::published)
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
			.flatMap((enrolment) -> course(courseId).flatMap((course) -> progress(course, enrolment)));
	}

	/**
	 * The courses a candidate enrolled in, with progress.
	 * @param accountId the candidate
	 * @return the progress per course
	 */
	public Flux<CourseProgress> enrolments(String accountId) {
		return this.store.enrolmentsOf(accountId)
			.concatMap((enrolment) -> this.store.findCourse(enrolment.courseId())
				.flatMap(this::view)
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
		return course(courseId).flatMapMany((course) -> this.store.progressOfCourse(courseId)
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
			java.util.Collection<ProgressDocument> progress) {
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
		return module(moduleId).flatMap((module) -> course(module.courseId()).flatMap((course) -> {
			if (!course.published()) {
				return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND));
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
					String next = (index < course.modules().size() - 1) ? course.modules().get(index + 1).id() : null;
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
		return this.store.learnersBetween(from, until).collect(java.util.stream.Collectors.toSet());
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
