package academy.cqo.reporting.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.CurrentUser;
import academy.cqo.reporting.RosterImports;
import academy.cqo.reporting.Rosters;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.UploadedFiles;

/**
 * Enterprise rosters (published API): import with a preview of the difference, then
 * confirmation; the roster with each enterprise's standing, and its Excel export.
 */
@RestController
@Tag(name = "rosters", description = "Enterprise rosters (企业名录) and their standing")
class RostersApi {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final RosterImports imports;

	private final Rosters rosters;

	RostersApi(RosterImports imports, Rosters rosters) {
		this.imports = imports;
		this.rosters = rosters;
	}

	static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
	}

	@PostMapping(path = "/api/v1/rosters/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Check a roster file (administrator; multipart file: .xlsx, or .csv in UTF-8 or GBK; header "
			+ "统一社会信用代码,企业名称,所属地区代码,所属行业,是否规上,企业规模,政府质量奖,重点培育) → 201 {id, added, changed, "
			+ "removed, problems} with nothing applied; a bad file → 422 with every problem {row, column, message}. "
			+ "The file replaces the roster of each county it lists once confirmed.")
	@ApiResponse(responseCode = "201", description = "Checked; nothing applied yet",
			content = @Content(schema = @Schema(implementation = RosterImports.Preview.class)))
	Mono<ResponseEntity<Object>> check(ServerWebExchange exchange, @AuthenticationPrincipal CurrentUser user) {
		Locale language = locale(exchange);
		return exchange.getMultipartData().flatMap((parts) -> {
			if (!(parts.getFirst("file") instanceof FilePart file)) {
				return Mono.error(new InvalidInput(List.of(FieldViolation.of("file", "field.required")), true));
			}
			return UploadedFiles
				.read(file, RosterImports.MAX_BYTES,
						FieldViolation.of("file", "roster.import.tooLarge", RosterImports.MAX_BYTES / 1024 / 1024))
				.flatMap((bytes) -> this.imports.check(bytes, user, language))
				.map((preview) -> ResponseEntity.status(HttpStatus.CREATED).<Object>body(preview));
		}).onErrorResume(RosterImports.Refused.class, (ex) -> {
			ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_ENTITY);
			problem.setTitle("Unprocessable Content");
			problem.setDetail(ex.problems().size() + " problems");
			problem.setProperty("problems", ex.problems());
			return Mono.just(ResponseEntity.unprocessableContent().<Object>body(problem));
		});
	}

	@GetMapping("/api/v1/rosters/imports/{id}")
	@Operation(summary = "A checked roster import and its difference {id, state, added, changed, removed}")
	Mono<RosterImports.Preview> preview(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.imports.find(id, user);
	}

	@PostMapping("/api/v1/rosters/imports/{id}/confirmation")
	@Operation(summary = "Apply a checked roster import → 200 {id, state: APPLIED, added, changed, removed}; "
			+ "409 when applied already")
	Mono<RosterImports.Preview> confirm(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.imports.confirm(id, user);
	}

	@GetMapping("/api/v1/rosters")
	@Operation(summary = "The roster in the administrator's jurisdiction (404 for a region outside it) with each "
			+ "enterprise's standing {creditCode, name, regionCode, aboveScale, cqoFiled, cqoName, trained, certified, "
			+ "ceMet, ...}; filters regionCode, aboveScale, filed, trained, certified, awardWinner, q")
	Mono<List<Rosters.Row>> list(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Boolean aboveScale, @RequestParam(required = false) Boolean filed,
			@RequestParam(required = false) Boolean trained, @RequestParam(required = false) Boolean certified,
			@RequestParam(required = false) Boolean awardWinner, @RequestParam(required = false) String q,
			@AuthenticationPrincipal CurrentUser user) {
		return this.rosters.list(user,
				new Rosters.Filter(regionCode, aboveScale, filed, trained, certified, awardWinner, q));
	}

	@GetMapping("/api/v1/rosters/export.xlsx")
	@Operation(summary = "The filtered roster as Excel (same filters as GET /api/v1/rosters)")
	Mono<ResponseEntity<byte[]>> export(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) Boolean aboveScale, @RequestParam(required = false) Boolean filed,
			@RequestParam(required = false) Boolean trained, @RequestParam(required = false) Boolean certified,
			@RequestParam(required = false) Boolean awardWinner, @RequestParam(required = false) String q,
			@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
		return this.rosters
			.export(user, new Rosters.Filter(regionCode, aboveScale, filed, trained, certified, awardWinner, q),
					locale(exchange))
			.map((bytes) -> download(bytes, "企业名录.xlsx"));
	}

	static ResponseEntity<byte[]> download(byte[] bytes, String fileName) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(bytes);
	}

}
