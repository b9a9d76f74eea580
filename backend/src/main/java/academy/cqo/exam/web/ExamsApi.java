package academy.cqo.exam.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.exam.Regrading;
import academy.cqo.exam.Exams;
import academy.cqo.exam.SessionDefinition;
import academy.cqo.exam.SessionSummary;
import academy.cqo.exam.persistence.SessionDocument;
import academy.cqo.identity.CurrentUser;

/**
 * Trainers and administrators define exams and open sessions.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
@Tag(name = "exams", description = "Exams, blueprints and sessions")
class ExamsApi {

	private final Exams exams;

	private final Regrading regrading;

	ExamsApi(Exams exams, Regrading regrading) {
		this.exams = exams;
		this.regrading = regrading;
	}

	record Created(String id) {
	}

	@PostMapping("/exams")
	@Operation(summary = "Define an exam; refused when a section cannot be filled from the banks' reviewed questions")
	Mono<ResponseEntity<ExamJson>> create(@RequestBody ExamJson exam, @AuthenticationPrincipal CurrentUser user) {
		return Mono.fromCallable(exam::toDefinition)
			.flatMap((definition) -> this.exams.create(definition, user))
			.map((created) -> ResponseEntity.created(URI.create("/api/v1/exams/" + created.id()))
				.body(ExamJson.of(created)));
	}

	@GetMapping("/exams")
	@Operation(summary = "Every exam, newest first")
	Flux<ExamJson> list(@AuthenticationPrincipal CurrentUser user) {
		return this.exams.exams(user).map(ExamJson::of);
	}

	@GetMapping("/exams/{id}")
	Mono<ExamJson> one(@PathVariable String id) {
		return this.exams.exam(id).map(ExamJson::of);
	}

	@PutMapping("/exams/{id}")
	@Operation(summary = "Change an exam; attempts already started keep their papers")
	Mono<ExamJson> update(@PathVariable String id, @RequestBody ExamJson exam,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.fromCallable(exam::toDefinition)
			.flatMap((definition) -> this.exams.update(id, definition, user))
			.map(ExamJson::of);
	}

	record Sharing(List<String> sharedWith) {
	}

	@PutMapping("/exams/{id}/sharing")
	@Operation(summary = "Choose the staff an exam is shared with (owner or a covering administrator; "
			+ "for a qualifying exam an administrator of its province)")
	Mono<ExamJson> share(@PathVariable String id, @RequestBody Sharing sharing,
			@AuthenticationPrincipal CurrentUser user) {
		return this.exams.share(id, sharing.sharedWith(), user).map(ExamJson::of);
	}

	@PostMapping("/exams/section-counts")
	@Operation(summary = "How many reviewed questions each section of a blueprint can draw from (for the editor)")
	Mono<List<Exams.SectionCount>> counts(@RequestBody ExamJson exam) {
		return Mono.fromCallable(exam::toSections).flatMap(this.exams::counts);
	}

	record RegradeRequest(String questionId) {
	}

	@PostMapping("/exams/{id}/regrade")
	@Operation(summary = "Regrade one question in every submitted attempt with its current (corrected) key; "
			+ "each change is logged in the attempt")
	Mono<Regrading.Regraded> regrade(@PathVariable String id, @RequestBody RegradeRequest request,
			@AuthenticationPrincipal CurrentUser user) {
		return this.regrading.regrade(id, request.questionId(), user);
	}

	@PostMapping("/exam-sessions")
	@Operation(summary = "Open a session of an exam")
	Mono<ResponseEntity<SessionSummary>> createSession(@RequestBody SessionDefinition session,
			@AuthenticationPrincipal CurrentUser user) {
		return this.exams.createSession(session, user)
			.map((created) -> ResponseEntity.created(URI.create("/api/v1/exam-sessions/" + created.id()))
				.body(created));
	}

	@PutMapping("/exam-sessions/{id}")
	@Operation(summary = "Change a session (title, window, regionScope, capacity, requiredCourseId, resultsAt); "
			+ "attempts already started keep their deadlines")
	Mono<SessionSummary> updateSession(@PathVariable String id, @RequestBody SessionDefinition session,
			@AuthenticationPrincipal CurrentUser user) {
		return this.exams.updateSession(id, session, user);
	}

	@PutMapping("/exam-sessions/{id}/adjustments")
	@Operation(summary = "Give one candidate extra time (seconds) or extra attempts in a session")
	Mono<List<SessionDocument.Adjustment>> adjust(@PathVariable String id,
			@RequestBody SessionDocument.Adjustment adjustment, @AuthenticationPrincipal CurrentUser user) {
		return this.exams.adjust(id, adjustment, user);
	}

}
