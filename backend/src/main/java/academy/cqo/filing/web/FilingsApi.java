package academy.cqo.filing.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.filing.EnterpriseInvitations;
import academy.cqo.filing.FilingDocuments;
import academy.cqo.filing.FilingForm;
import academy.cqo.filing.FilingImports;
import academy.cqo.filing.FilingNotFound;
import academy.cqo.filing.FilingView;
import academy.cqo.filing.Filings;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.UploadedFiles;

/**
 * Filings (published API): drafting, attachments, submission, the county's decision,
 * lists and details, dismissal.
 */
@RestController
@Tag(name = "filings", description = "CQO appointment filings (任职备案) and their review")
class FilingsApi {

	/** The largest attachment read at all; each kind has its own lower limit. */
	static final long MAX_UPLOAD = 6L * 1024 * 1024;

	private final Filings filings;

	private final FilingDocuments documents;

	private final FilingImports imports;

	private final EnterpriseInvitations invitations;

	FilingsApi(Filings filings, FilingDocuments documents, FilingImports imports, EnterpriseInvitations invitations) {
		this.invitations = invitations;
		this.filings = filings;
		this.documents = documents;
		this.imports = imports;
	}

	static Function<Context, Context> locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (context) -> context.put(Locale.class, (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * The county's decision (published body).
	 *
	 * @param decision {@code APPROVE}, {@code RETURN} or {@code REJECT}
	 * @param comments per-field comments
	 * @param reason the reason
	 */
	record DecisionRequest(String decision, List<FilingDocument.Comment> comments, String reason) {
	}

	/**
	 * A decision's outcome (published response).
	 *
	 * @param id the filing
	 * @param state {@code APPROVED}, {@code RETURNED} or {@code REJECTED}
	 * @param filingNumber the number on approval
	 */
	record DecisionOutcome(String id, String state, String filingNumber) {
	}

	/**
	 * A dismissal (published body).
	 *
	 * @param endMonth the month the appointment ends ({@code YYYY-MM})
	 * @param reason why
	 */
	record DismissalRequest(String endMonth, String reason) {
	}

	@PostMapping("/api/v1/filings")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Draft a filing (enterprise): the 附件1 form → 201 {id, state: DRAFT, ...}")
	Mono<ResponseEntity<FilingView>> create(@RequestBody FilingForm form, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange) {
		return this.filings.create(form, user)
			.map((view) -> ResponseEntity.created(URI.create("/api/v1/filings/" + view.id())).body(view))
			.contextWrite(locale(exchange));
	}

	/**
	 * An ID number whose recorded training is asked for.
	 *
	 * @param idNumber the CQO's ID number
	 */
	record TrainingQuery(String idNumber) {
	}

	@PostMapping("/api/v1/filings/{id}/cqo-invitation")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite the filed CQO whose ID number has no account: the account is created in the "
			+ "enterprise's region with the filed particulars → 201 {username, link, expiresAt}, the one-time link "
			+ "that sets the password (a new link while unused); 409 when the person has an account already")
	Mono<ResponseEntity<EnterpriseInvitations.Invitation>> inviteCqo(@PathVariable String id,
			@AuthenticationPrincipal CurrentUser user) {
		return this.invitations.inviteCqo(id, user)
			.map((invitation) -> ResponseEntity.status(HttpStatus.CREATED).body(invitation));
	}

	@PostMapping("/api/v1/filings/prior-training")
	@Operation(summary = "Prior CQO training of an ID number as the platform's own records show it (a certificate "
			+ "or a completed course here): {attended, date, organiser}; the form pre-fills it (enterprise)")
	Mono<FilingForm.PriorTraining> priorTraining(@RequestBody TrainingQuery query,
			@AuthenticationPrincipal CurrentUser user) {
		return this.filings.recordedTraining((query != null) ? query.idNumber() : null, user);
	}

	@PostMapping("/api/v1/filings/eligibility")
	@Operation(summary = "The eligibility a form would have (the form page shows it live; nothing is stored)")
	Mono<academy.cqo.filing.Eligibility> eligibility(@RequestBody FilingForm form,
			@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
		return this.filings.preview(form, user).contextWrite(locale(exchange));
	}

	@PutMapping("/api/v1/filings/{id}")
	@Operation(summary = "Change a filing while DRAFT or RETURNED (same body as creating it)")
	Mono<FilingView> update(@PathVariable String id, @RequestBody FilingForm form,
			@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
		return this.filings.update(id, form, user).contextWrite(locale(exchange));
	}

	@PostMapping(path = "/api/v1/filings/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Attach a file: multipart kind (APPOINTMENT_LETTER, SEALED_FORM, PHOTO) and file; PDF or "
			+ "picture (the photo PNG or JPEG), recognised by content, size-limited → 201")
	Mono<ResponseEntity<FilingView>> attach(@PathVariable String id, ServerWebExchange exchange,
			@AuthenticationPrincipal CurrentUser user) {
		return exchange.getMultipartData().flatMap((parts) -> {
			String kind = field(parts, "kind");
			if (!(parts.getFirst("file") instanceof FilePart file)) {
				return Mono
					.<FilingView>error(new InvalidInput(List.of(FieldViolation.of("file", "field.required")), true));
			}
			return UploadedFiles.read(file, MAX_UPLOAD, FieldViolation.of("file", "filing.attachment.tooLarge", 5))
				.flatMap((bytes) -> this.filings.attach(id, kind, file.filename(), bytes, user));
		})
			.map((view) -> ResponseEntity.created(URI.create("/api/v1/filings/" + id)).body(view))
			.contextWrite(locale(exchange));
	}

	@GetMapping("/api/v1/filings/{id}/attachments/{kind}")
	@Operation(summary = "An attachment's bytes (the enterprise or an administrator in scope)")
	Mono<ResponseEntity<byte[]>> attachment(@PathVariable String id, @PathVariable String kind,
			@AuthenticationPrincipal CurrentUser user) {
		return this.filings.attachment(id, kind, user)
			.map((attachment) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(attachment.contentType()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline()
							.filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8)
							.build()
							.toString())
				.body(attachment.content().getData()));
	}

	@PostMapping("/api/v1/filings/{id}/submission")
	@Operation(summary = "Submit to the county → {state: SUBMITTED}; missing parts → 400 naming each")
	Mono<FilingView> submit(@PathVariable String id, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange) {
		return this.filings.submit(id, user).contextWrite(locale(exchange));
	}

	@PostMapping("/api/v1/filings/{id}/decision")
	@Operation(summary = "The county's decision {decision: APPROVE | RETURN | REJECT, comments: [{field, message}], "
			+ "reason} → {state, filingNumber}")
	Mono<DecisionOutcome> decide(@PathVariable String id, @RequestBody DecisionRequest request,
			@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
		DecisionRequest body = (request != null) ? request : new DecisionRequest(null, null, null);
		return this.filings.decide(id, body.decision(), body.comments(), body.reason(), user)
			.map((view) -> new DecisionOutcome(view.id(), view.state(), view.filingNumber()))
			.contextWrite(locale(exchange));
	}

	@GetMapping("/api/v1/filings")
	@Operation(summary = "Filings in scope (an enterprise its own, an administrator its jurisdiction); filter by "
			+ "state, regionCode and q")
	Mono<List<FilingView.Summary>> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String q,
			@AuthenticationPrincipal CurrentUser user) {
		return this.filings.list(user, state, regionCode, q).collectList();
	}

	@GetMapping("/api/v1/filings/{id}")
	@Operation(summary = "A filing with state, filingNumber, eligibility {met, rule, explanation} and history "
			+ "[{at, by, action, comments}]")
	Mono<FilingView> filing(@PathVariable String id, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange) {
		return this.filings.filing(id, user).contextWrite(locale(exchange));
	}

	@GetMapping("/api/v1/filings/{id}/id-number")
	@Operation(summary = "The CQO's full ID number (the enterprise or an administrator in scope; audited)")
	Mono<Map<String, String>> idNumber(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.filings.revealIdNumber(id, user).map((number) -> Map.of("idNumber", number));
	}

	@PostMapping("/api/v1/filings/{id}/dismissal")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "File the end of an appointment (enterprise) {endMonth, reason}; reviewed like a filing")
	Mono<ResponseEntity<FilingView>> dismiss(@PathVariable String id, @RequestBody DismissalRequest request,
			@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
		DismissalRequest body = (request != null) ? request : new DismissalRequest(null, null);
		return this.filings.dismiss(id, body.endMonth(), body.reason(), user)
			.map((view) -> ResponseEntity.created(URI.create("/api/v1/filings/" + view.id())).body(view))
			.contextWrite(locale(exchange));
	}

	@GetMapping("/api/v1/filings/{id}/pdf")
	@Operation(summary = "The filing printed as the A4 附件1 form with photo box, seal area and a check QR code")
	Mono<ResponseEntity<byte[]>> pdf(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.documents.pdf(id, user)
			.map((pdf) -> ResponseEntity.ok()
				.contentType(MediaType.APPLICATION_PDF)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(pdf.fileName(), java.nio.charset.StandardCharsets.UTF_8)
							.build()
							.toString())
				.body(pdf.bytes()));
	}

	@GetMapping("/api/v1/filings.xlsx")
	@Operation(summary = "The filings in scope as Excel, one row per filing with the 附件1 columns (ID numbers masked)")
	Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) String state,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String q,
			@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return this.documents.export(user, state, regionCode, q, (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE)
			.map((bytes) -> ResponseEntity.ok()
				.contentType(
						MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("filings.xlsx").build().toString())
				.body(bytes));
	}

	@GetMapping("/api/v1/filing-checks/{number}")
	@Operation(summary = "Public: check a filing number (what the printed form's QR code opens) → {filingNumber, "
			+ "state: CURRENT | ENDED | SUPERSEDED | PENDING, enterpriseName, cqoNameMasked, since, endMonth}")
	Mono<FilingDocuments.Check> check(@PathVariable String number) {
		return this.documents.check(number).switchIfEmpty(Mono.error(() -> new FilingNotFound(number)));
	}

	@PostMapping(path = "/api/v1/filings/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import existing filings from .xlsx (administrator; multipart file; one row per filing with "
			+ "the 附件1 columns) → 201 {id, imported, enterprisesCreated}; a bad file → 422 with every problem "
			+ "{row, column, message} and nothing written")
	Mono<ResponseEntity<Object>> importFilings(ServerWebExchange exchange, @AuthenticationPrincipal CurrentUser user) {
		Locale locale = exchange.getLocaleContext().getLocale();
		Locale language = (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
		return exchange.getMultipartData().flatMap((parts) -> {
			if (!(parts.getFirst("file") instanceof FilePart file)) {
				return Mono.error(new InvalidInput(List.of(FieldViolation.of("file", "field.required")), true));
			}
			return UploadedFiles
				.read(file, FilingImports.MAX_BYTES, FieldViolation.of("file", "filing.import.tooLarge", 5))
				.flatMap((bytes) -> this.imports.importFile(bytes, user, language))
				.map((imported) -> ResponseEntity.status(HttpStatus.CREATED).<Object>body(imported));
		}).onErrorResume(FilingImports.Refused.class, (ex) -> {
			ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
			problem.setTitle("Unprocessable Content");
			problem.setDetail(ex.problems().size() + " problems");
			problem.setProperty("problems", ex.problems());
			return Mono.just(ResponseEntity.unprocessableContent().<Object>body(problem));
		});
	}

	static String field(MultiValueMap<String, Part> parts, String name) {
		return (parts.getFirst(name) instanceof FormFieldPart part) ? part.value() : null;
	}

}
