package academy.cqo.supervision.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.UploadedFiles;
import academy.cqo.supervision.CaseView;
import academy.cqo.supervision.SupervisionCases;

/**
 * Supervision cases (published API): opening, the bureau's steps, documents, the
 * enterprise's rectification report, lists and details.
 */
@RestController
@Tag(name = "supervision", description = "Supervision cases: interview, warning and exit (约谈、警示、退出)")
class SupervisionApi {

	/** The largest upload read at all (the setting may lower it). */
	static final long MAX_UPLOAD = 6L * 1024 * 1024;

	private final SupervisionCases cases;

	SupervisionApi(SupervisionCases cases) {
		this.cases = cases;
	}

	@PostMapping("/api/v1/supervision-cases")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a case (administrator in scope) {cqoIdNumber | filingId, kind: INTERVIEW | WARNING | "
			+ "EXIT, reason, dueDate, certificateAction?: SUSPEND | REVOKE, reasonCategory?} → 201 the case; an EXIT "
			+ "with certificateAction is carried out at once")
	Mono<ResponseEntity<CaseView>> open(@RequestBody SupervisionCases.OpenCase request,
			@AuthenticationPrincipal CurrentUser user) {
		return this.cases.open(request, user)
			.map((view) -> ResponseEntity.created(URI.create("/api/v1/supervision-cases/" + view.id())).body(view));
	}

	@PostMapping("/api/v1/supervision-cases/{id}/steps")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a step (administrator in scope) {kind: INTERVIEW (date, place, participants, "
			+ "minutes) | WARNING (reason, deadline) | EXIT (certificateAction: SUSPEND | REVOKE, reasonCategory) | "
			+ "CLOSE (reason), documentIds} → 201 the case; an EXIT ends the appointment and suspends or revokes the "
			+ "CQO's certificates exactly once (a second → 409)")
	Mono<ResponseEntity<CaseView>> step(@PathVariable String id, @RequestBody SupervisionCases.AddStep request,
			@AuthenticationPrincipal CurrentUser user) {
		return this.cases.addStep(id, request, user)
			.map((view) -> ResponseEntity.created(URI.create("/api/v1/supervision-cases/" + view.id())).body(view));
	}

	@PostMapping("/api/v1/supervision-cases/{id}/rectification")
	@Operation(summary = "The enterprise's rectification report {report, documentIds} → 201 the case (RECTIFIED)")
	Mono<ResponseEntity<CaseView>> rectify(@PathVariable String id, @RequestBody SupervisionCases.Rectification request,
			@AuthenticationPrincipal CurrentUser user) {
		return this.cases.rectify(id, request, user)
			.map((view) -> ResponseEntity.created(URI.create("/api/v1/supervision-cases/" + view.id())).body(view));
	}

	@PostMapping(path = "/api/v1/supervision-cases/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Attach a document (multipart file: PDF, PNG or JPEG recognised by content, ≤ 5 MB) → 201 "
			+ "{id, fileName, contentType, size}; name it in a step's or report's documentIds")
	Mono<ResponseEntity<CaseView.CaseFile>> attach(@PathVariable String id, ServerWebExchange exchange,
			@AuthenticationPrincipal CurrentUser user) {
		return exchange.getMultipartData().flatMap((parts) -> {
			if (!(parts.getFirst("file") instanceof FilePart file)) {
				return Mono.<CaseView.CaseFile>error(
						new InvalidInput(List.of(FieldViolation.of("file", "field.required")), true));
			}
			return UploadedFiles.read(file, MAX_UPLOAD, FieldViolation.of("file", "filing.attachment.tooLarge", 5))
				.flatMap((bytes) -> this.cases.attach(id, file.filename(), bytes, user));
		})
			.map((document) -> ResponseEntity
				.created(URI.create("/api/v1/supervision-cases/" + id + "/documents/" + document.id()))
				.body(document));
	}

	@GetMapping("/api/v1/supervision-cases/{id}/documents/{documentId}")
	@Operation(summary = "A document's bytes (the bureau in scope or the case's enterprise)")
	Mono<ResponseEntity<byte[]>> document(@PathVariable String id, @PathVariable String documentId,
			@AuthenticationPrincipal CurrentUser user) {
		return this.cases.document(id, documentId, user)
			.map((file) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.contentType()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline()
							.filename(file.fileName(), StandardCharsets.UTF_8)
							.build()
							.toString())
				.body(file.content().getData()));
	}

	@GetMapping("/api/v1/supervision-cases")
	@Operation(summary = "Cases in scope (an administrator's jurisdiction, an enterprise's own); filter by state and "
			+ "regionCode")
	Mono<List<CaseView.CaseSummary>> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) String regionCode, @AuthenticationPrincipal CurrentUser user) {
		return this.cases.list(user, state, regionCode).collectList();
	}

	@GetMapping("/api/v1/supervision-cases/{id}")
	@Operation(summary = "A case with its steps, exit and documents")
	Mono<CaseView> find(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.cases.find(id, user);
	}

}
