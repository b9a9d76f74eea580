package academy.cqo.course.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.course.CourseDraft;
import academy.cqo.course.CourseProgress;
import academy.cqo.course.CourseView;
import academy.cqo.course.Courses;
import academy.cqo.course.CourseAuthoring;
import academy.cqo.course.Enrolments;
import academy.cqo.course.Heartbeat;
import academy.cqo.course.HeartbeatResult;
import academy.cqo.course.ModuleDraft;
import academy.cqo.course.ModuleProgress;
import academy.cqo.course.ModuleView;
import academy.cqo.course.Study;
import academy.cqo.course.StudySession;
import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.Markdown;
import academy.cqo.course.EnrolmentNotFound;

/**
 * Courses as clients use them: the catalogue, enrolment, study sessions and heartbeats;
 * trainers author courses and modules.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "courses", description = "Courses, enrolment and verified study time")
class CoursesApi {

	private final Courses courses;

	private final Enrolments enrolments;

	private final CourseAuthoring authoring;

	private final Study study;

	CoursesApi(Courses courses, Enrolments enrolments, CourseAuthoring authoring, Study study) {
		this.courses = courses;
		this.enrolments = enrolments;
		this.authoring = authoring;
		this.study = study;
	}

	/** A course in the catalogue. */
	record CourseJson(String id, String title, String summary, String subjectCategory, boolean sequential,
			boolean published, List<ModuleJson> modules, double creditHours) {

		static CourseJson of(CourseView course) {
			return new CourseJson(course.id(), course.title(), course.summary(), course.subjectCategory(),
					course.sequential(), course.published(), course.modules().stream().map(ModuleJson::of).toList(),
					course.creditHours());
		}

	}

	/** A module in the catalogue. */
	record ModuleJson(String id, int position, String title, int requiredMinutes, double creditHours,
			String subjectCategory, boolean video, List<String> selfCheckTags) {

		static ModuleJson of(ModuleView module) {
			return new ModuleJson(module.id(), module.position(), module.title(), module.requiredMinutes(),
					module.creditHours(), module.subjectCategory(), module.hasVideo(), module.selfCheckTags());
		}

	}

	/** A candidate's progress in a course. */
	record ProgressJson(String courseId, String courseTitle, String username, String fullName,
			java.time.Instant enrolledAt, java.time.Instant completedAt, String resumeModuleId, int percent,
			List<ModuleProgress> modules) {

		static ProgressJson of(CourseProgress progress) {
			return new ProgressJson(progress.courseId(), progress.courseTitle(), progress.username(),
					progress.fullName(), progress.enrolledAt(), progress.completedAt(), progress.resumeModuleId(),
					progress.percent(), progress.modules());
		}

	}

	record Publication(Boolean published) {
	}

	record PreviewRequest(String body) {
	}

	record Preview(String html, List<String> unsafe) {
	}

	@GetMapping("/courses")
	@Operation(summary = "Published courses: [{id, title, modules, creditHours}]")
	Flux<CourseJson> catalogue() {
		return this.courses.catalogue().map(CourseJson::of);
	}

	@GetMapping("/courses/{id}")
	Mono<CourseJson> course(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.courses.visibleCourse(id, user).map(CourseJson::of);
	}

	@PostMapping("/courses/{id}/enrolments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Enrol in a published course: 201 the first time, 200 when already enrolled")
	@ApiResponse(responseCode = "200", description = "Already enrolled: the progress so far",
			content = @Content(schema = @Schema(implementation = ProgressJson.class)))
	Mono<ResponseEntity<ProgressJson>> enrol(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.enrolments.progress(id, user.accountId())
			.map((existing) -> ResponseEntity.ok(ProgressJson.of(existing)))
			.switchIfEmpty(Mono.defer(() -> this.enrolments.enrol(id, user)
				.map((progress) -> ResponseEntity.created(URI.create("/api/v1/courses/" + id + "/progress"))
					.body(ProgressJson.of(progress)))));
	}

	@GetMapping("/courses/{id}/progress")
	@Operation(summary = "The caller's progress in a course (404 when not enrolled)")
	Mono<ProgressJson> myProgress(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.enrolments.progress(id, user.accountId())
			.switchIfEmpty(Mono.error(() -> new EnrolmentNotFound(id)))
			.map(ProgressJson::of);
	}

	@GetMapping("/me/courses")
	@Operation(summary = "The caller's enrolments with progress")
	Flux<ProgressJson> myCourses(@AuthenticationPrincipal CurrentUser user) {
		return this.enrolments.enrolments(user.accountId()).map(ProgressJson::of);
	}

	@PostMapping("/modules/{id}/study-sessions")
	@Operation(summary = "Open a module for study: a token for this tab's heartbeats; any other tab stops earning time")
	Mono<ResponseEntity<StudySession>> open(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.study.open(id, user).map((session) -> ResponseEntity.status(HttpStatus.CREATED).body(session));
	}

	@PostMapping("/modules/{id}/heartbeats")
	@Operation(summary = "The study page's heartbeat {token, visible, videoPosition}: the server measures the time; "
			+ "a client-supplied seconds value is refused")
	Mono<HeartbeatResult> heartbeat(@PathVariable String id, @RequestBody Heartbeat beat,
			@AuthenticationPrincipal CurrentUser user) {
		return this.study.heartbeat(id, beat, user);
	}

	// Authoring

	@PostMapping("/courses")
	@Operation(summary = "Create a course (trainer, admin)")
	Mono<ResponseEntity<CourseJson>> create(@RequestBody CourseDraft draft, @AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.authoring.create(draft, user))
			.map((course) -> ResponseEntity.created(URI.create("/api/v1/courses/" + course.id()))
				.body(CourseJson.of(course)));
	}

	@PutMapping("/courses/{id}")
	Mono<CourseJson> update(@PathVariable String id, @RequestBody CourseDraft draft,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.authoring.update(id, draft, user)).map(CourseJson::of);
	}

	@PutMapping("/courses/{id}/publication")
	@Operation(summary = "Publish or withdraw a course {published}")
	Mono<CourseJson> publish(@PathVariable String id, @RequestBody Publication publication,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.authoring.publish(id, Boolean.TRUE.equals(publication.published()), user))
			.map(CourseJson::of);
	}

	record Sharing(List<String> sharedWith) {
	}

	@PutMapping("/courses/{id}/sharing")
	@Operation(summary = "Choose the staff a course is shared with {sharedWith} (its owner or an administrator "
			+ "who covers it)")
	Mono<Sharing> share(@PathVariable String id, @RequestBody Sharing sharing,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.authoring.share(id, sharing.sharedWith(), user)).map(Sharing::new);
	}

	@PostMapping("/courses/{id}/modules")
	@Operation(summary = "Add a module {title, body, videoUrl, videoSeconds, requiredMinutes, creditHours, "
			+ "subjectCategory, selfCheckTags, selfCheckCount, position}")
	Mono<ResponseEntity<ModuleView>> addModule(@PathVariable String id, @RequestBody ModuleDraft draft,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.authoring.addModule(id, draft, user))
			.map((module) -> ResponseEntity.created(URI.create("/api/v1/modules/" + module.id())).body(module));
	}

	@PutMapping("/modules/{id}")
	Mono<ModuleView> updateModule(@PathVariable String id, @RequestBody ModuleDraft draft,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.defer(() -> this.authoring.updateModule(id, draft, user));
	}

	@GetMapping("/courses/{id}/enrolments")
	@Operation(summary = "Everyone enrolled in a course with their progress (trainer, admin)")
	Flux<ProgressJson> enrolled(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return Flux.defer(() -> this.enrolments.enrolled(id, user)).map(ProgressJson::of);
	}

	@PostMapping("/modules/preview")
	@Operation(summary = "A lesson rendered exactly as the study page renders it, and what would be refused as unsafe")
	Mono<Preview> preview(@RequestBody PreviewRequest request, @AuthenticationPrincipal CurrentUser user) {
		CurrentUser.requireStaff(user);
		String body = (request.body() != null) ? request.body() : "";
		return Mono.just(new Preview(this.authoring.preview(body), Markdown.unsafeParts(body)));
	}

}
