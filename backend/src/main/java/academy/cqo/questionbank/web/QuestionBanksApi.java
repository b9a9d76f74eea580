package academy.cqo.questionbank.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.BankSummary;
import academy.cqo.questionbank.BulkAction;
import academy.cqo.questionbank.ExportFile;
import academy.cqo.questionbank.ImportResult;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionbank.QuestionFilter;
import academy.cqo.questionbank.QuestionImports;
import academy.cqo.questionbank.Questions;
import academy.cqo.questionformats.ImportLimits;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.questionformats.ReviewStatus;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.UploadedFiles;

/**
 * Question banks for trainers and administrators: create, list, import, export, list and
 * add questions, act on many at once.
 */
@RestController
@RequestMapping("/api/v1/question-banks")
@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
@Tag(name = "question-banks", description = "Question banks, imports and exports")
class QuestionBanksApi {

	private final QuestionBanks banks;

	private final Questions questions;

	private final QuestionImports imports;

	private final MessageSource messages;

	QuestionBanksApi(QuestionBanks banks, Questions questions, QuestionImports imports, MessageSource messages) {
		this.questions = questions;
		this.banks = banks;
		this.imports = imports;
		this.messages = messages;
	}

	record NewBank(String name, String description) {
	}

	record Created(String id) {
	}

	record BankListItem(String id, String name, long questionCount, String description, String ownerName,
			boolean official, boolean editable) {

		static BankListItem of(BankSummary bank) {
			return new BankListItem(bank.id(), bank.name(), bank.questionCount(), bank.description(), bank.ownerName(),
					bank.official(), bank.editable());
		}

	}

	record BankChange(String name, String description, List<String> sharedWith) {
	}

	record QuestionPage(List<QuestionJson> items, long total, int page, int size) {
	}

	record Warning(Integer line, String field, String code, String message) {
	}

	record Imported(String format, int imported, int updated, int unchanged, int skippedDuplicates,
			List<Warning> warnings) {
	}

	record Bulk(List<String> ids, String action, List<String> tags) {
	}

	record BulkResult(long changed) {
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a bank owned by the caller")
	Mono<ResponseEntity<Created>> create(@RequestBody NewBank bank, @AuthenticationPrincipal CurrentUser user) {
		return this.banks.create(bank.name(), bank.description(), user)
			.map((created) -> ResponseEntity.created(URI.create("/api/v1/question-banks/" + created.id()))
				.body(new Created(created.id())));
	}

	@GetMapping
	@Operation(summary = "The banks the caller may see, with their question counts (retired questions not counted)")
	Flux<BankListItem> list(@AuthenticationPrincipal CurrentUser user) {
		return this.banks.visibleTo(user).map(BankListItem::of);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One bank with its taxonomy and sharing")
	Mono<BankSummary> one(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.banks.bank(id, user);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Rename a bank, describe it, choose the trainers it is shared with")
	Mono<BankSummary> update(@PathVariable String id, @RequestBody BankChange change,
			@AuthenticationPrincipal CurrentUser user) {
		return this.banks.updateBank(id, change.name(), change.description(),
				(change.sharedWith() != null) ? change.sharedWith() : List.of(), user);
	}

	@GetMapping("/{id}/questions")
	@Operation(summary = "A page of the bank's questions with answer keys; filters by type, tag (and below), "
			+ "difficulty, status (draft|reviewed|retired|any; default: all but retired) and text (q)")
	Mono<QuestionPage> questions(@PathVariable String id, @RequestParam(defaultValue = "1") int page,
			@RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String type, @RequestParam(required = false) Integer difficulty,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@AuthenticationPrincipal CurrentUser user) {
		QuestionFilter filter = filter(type, tag, difficulty, status, q);
		return this.questions.questions(id, filter, page, size, user)
			.map((result) -> new QuestionPage(result.items().stream().map(QuestionJson::of).toList(), result.total(),
					result.page(), result.size()));
	}

	static QuestionFilter filter(String type, String tag, Integer difficulty, String status, String text) {
		QuestionType questionType = null;
		if (type != null && !type.isBlank()) {
			questionType = QuestionType.fromCode(type)
				.orElseThrow(() -> new InvalidInput(List.of(FieldViolation.of("type", "question.type.unknown", type))));
		}
		ReviewStatus reviewStatus = null;
		boolean anyStatus = "any".equals(status);
		if (status != null && !status.isBlank() && !anyStatus) {
			reviewStatus = ReviewStatus.fromCode(status)
				.orElseThrow(() -> new InvalidInput(
						List.of(FieldViolation.of("status", "question.status.unknown", status))));
		}
		return new QuestionFilter(questionType, blankToNull(tag), difficulty, reviewStatus, blankToNull(text),
				anyStatus);
	}

	@PostMapping("/{id}/questions")
	@Operation(summary = "Add a question")
	Mono<ResponseEntity<QuestionJson>> add(@PathVariable String id, @RequestBody QuestionJson question,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono.fromCallable(question::toDraft)
			.flatMap((draft) -> this.questions.create(id, draft, user))
			.map((created) -> ResponseEntity.created(URI.create("/api/v1/questions/" + created.id()))
				.body(QuestionJson.of(created)));
	}

	@PostMapping("/{id}/questions/bulk")
	@Operation(summary = "Tag, untag, review, send back to draft or retire many questions at once "
			+ "(action: tag|untag|review|draft|retire)")
	Mono<BulkResult> bulk(@PathVariable String id, @RequestBody Bulk bulk, @AuthenticationPrincipal CurrentUser user) {
		BulkAction action;
		try {
			action = BulkAction.valueOf(String.valueOf(bulk.action()).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(new InvalidInput(List
				.of(FieldViolation.of("action", "question.bulk.unknownAction", String.valueOf(bulk.action())))));
		}
		return this.questions.bulk(id, bulk.ids(), action, bulk.tags(), user).map(BulkResult::new);
	}

	@PostMapping(path = "/{id}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Import a file (Excel template, GIFT, Moodle XML or YAML; detected from content and name). "
			+ "All or nothing: 422 lists every problem with its line and field")
	Mono<Imported> importFile(@PathVariable String id, @RequestPart("file") FilePart file,
			@RequestParam(required = false) String format, @RequestParam(required = false) String status,
			@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		ReviewStatus defaultStatus = ReviewStatus.DRAFT;
		if (status != null && !status.isBlank()) {
			defaultStatus = ReviewStatus.fromCode(status)
				.orElseThrow(() -> new InvalidInput(
						List.of(FieldViolation.of("status", "question.status.unknown", status))));
		}
		ReviewStatus initial = defaultStatus;
		return readFile(file)
			.flatMap((bytes) -> this.imports.importFile(id, file.filename(), bytes, format, initial, user))
			.map((result) -> imported(result, locale));
	}

	static Mono<byte[]> readFile(FilePart file) {
		return UploadedFiles.read(file, ImportLimits.MAX_FILE_BYTES,
				FieldViolation.of("file", "import.file.tooLarge", ImportLimits.MAX_FILE_BYTES / 1024 / 1024));
	}

	private Imported imported(ImportResult result, Locale locale) {
		return new Imported(result.format(), result.imported(), result.updated(), result.unchanged(),
				result.skippedDuplicates(),
				result.warnings()
					.stream()
					.map((warning) -> new Warning(warning.line(), warning.field(), warning.messageKey(),
							this.messages.getMessage(warning.messageKey(), warning.arguments().toArray(),
									warning.messageKey(), (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE)))
					.toList());
	}

	@GetMapping("/{id}/export")
	@Operation(summary = "Export the bank as xlsx, gift, moodle-xml or yaml")
	Mono<ResponseEntity<byte[]>> export(@PathVariable String id, @RequestParam String format,
			@AuthenticationPrincipal CurrentUser user) {
		return this.imports.export(id, format, user).map(QuestionBanksApi::download);
	}

	@GetMapping("/template.xlsx")
	@Operation(summary = "The platform's Excel import template, with dropdowns and examples")
	Mono<ResponseEntity<byte[]>> template() {
		return Mono.fromCallable(() -> download(new ExportFile("题库导入模板.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", this.imports.excelTemplate())));
	}

	static ResponseEntity<byte[]> download(ExportFile file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.body(file.content());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
