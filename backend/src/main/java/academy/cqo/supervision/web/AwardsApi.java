package academy.cqo.supervision.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.TooLarge;
import academy.cqo.supervision.AwardRounds;

/**
 * Excellent-CQO award rounds (published API): rounds, nominations, the county → city →
 * province review and the public list of the awarded.
 */
@RestController
@Tag(name = "awards", description = "Excellent-CQO award rounds (优秀首席质量官评选)")
class AwardsApi {

	private final AwardRounds rounds;

	/** The largest evidence file read at all (the setting may lower it). */
	static final long MAX_UPLOAD = 6L * 1024 * 1024;

	AwardsApi(AwardRounds rounds) {
		this.rounds = rounds;
	}

	@PostMapping("/api/v1/award-rounds")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a round (a province's administrator) {year, criteria, quotas: {regionCode: n}, "
			+ "publicListing} → 201 {id, ...}")
	Mono<ResponseEntity<AwardRounds.RoundView>> create(@RequestBody AwardRounds.NewAwardRound request,
			@AuthenticationPrincipal CurrentUser user) {
		return this.rounds.create(request, user)
			.map((round) -> ResponseEntity.created(URI.create("/api/v1/award-rounds/" + round.id())).body(round));
	}

	@GetMapping("/api/v1/award-rounds")
	@Operation(summary = "The rounds of the caller's province")
	Mono<List<AwardRounds.RoundView>> list(@AuthenticationPrincipal CurrentUser user) {
		return this.rounds.rounds(user).collectList();
	}

	@GetMapping("/api/v1/award-rounds/{id}")
	@Operation(summary = "A round")
	Mono<AwardRounds.RoundView> round(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.rounds.round(id, user);
	}

	@PutMapping("/api/v1/award-rounds/{id}/publication")
	@Operation(summary = "List the awarded publicly or not (the province) {publicListing}")
	Mono<AwardRounds.RoundView> publish(@PathVariable String id, @RequestBody Map<String, Boolean> request,
			@AuthenticationPrincipal CurrentUser user) {
		return this.rounds.publish(id, Boolean.TRUE.equals((request != null) ? request.get("publicListing") : null),
				user);
	}

	@PostMapping("/api/v1/award-rounds/{id}/nominations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Nominate (an enterprise its current CQO; a bureau {filingId | cqoIdNumber} in scope) "
			+ "{statement, evidence} → 201 {id, stage}; one nomination per person and round (409)")
	Mono<ResponseEntity<AwardRounds.NominationView>> nominate(@PathVariable String id,
			@RequestBody AwardRounds.Nominate request, @AuthenticationPrincipal CurrentUser user) {
		return this.rounds.nominate(id, request, user)
			.map((nomination) -> ResponseEntity
				.created(URI.create("/api/v1/award-rounds/" + id + "/nominations/" + nomination.id()))
				.body(nomination));
	}

	@PostMapping(path = "/api/v1/award-rounds/{id}/nominations", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Nominate with evidence files: multipart filingId, cqoIdNumber, statement, evidence and up to "
			+ "5 parts files (PDF, PNG or JPEG recognised by content, each ≤ 5 MB) → 201 {id, stage, evidenceFiles}; "
			+ "a bad file is 400 naming files[i], a larger one 413; nothing is stored unless all are accepted")
	Mono<ResponseEntity<AwardRounds.NominationView>> nominateWithEvidence(@PathVariable String id,
			ServerWebExchange exchange, @AuthenticationPrincipal CurrentUser user) {
		return exchange.getMultipartData()
			.flatMap((parts) -> Flux.fromIterable(parts.getOrDefault("files", List.of()))
				.index()
				.concatMap((indexed) -> upload(indexed.getT1().intValue(), indexed.getT2()))
				.collectList()
				.flatMap((files) -> this.rounds.nominate(id,
						new AwardRounds.Nominate(text(parts, "filingId"), text(parts, "cqoIdNumber"),
								text(parts, "statement"), text(parts, "evidence")),
						files, user)))
			.map((nomination) -> ResponseEntity
				.created(URI.create("/api/v1/award-rounds/" + id + "/nominations/" + nomination.id()))
				.body(nomination));
	}

	@GetMapping("/api/v1/award-rounds/{id}/nominations/{nid}/evidence/{fileId}")
	@Operation(summary = "An evidence file's bytes (the reviewers in scope and the nominator)")
	Mono<ResponseEntity<byte[]>> evidence(@PathVariable String id, @PathVariable String nid,
			@PathVariable String fileId, @AuthenticationPrincipal CurrentUser user) {
		return this.rounds.evidenceFile(id, nid, fileId, user)
			.map((file) -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.contentType()))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline()
							.filename(file.fileName(), StandardCharsets.UTF_8)
							.build()
							.toString())
				.body(file.content().getData()));
	}

	/**
	 * A part named files that is not a file, or a file larger than any accepted, is
	 * refused naming it.
	 */
	private Mono<AwardRounds.EvidenceUpload> upload(int index, Part part) {
		String field = "files[" + index + "]";
		if (!(part instanceof FilePart file)) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of(field, "field.required"))));
		}
		return DataBufferUtils.join(file.content(), (int) MAX_UPLOAD).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.defaultIfEmpty(new byte[0])
			.onErrorMap(DataBufferLimitException.class,
					(ex) -> new TooLarge(FieldViolation.of(field, "award.evidence.tooLarge", MAX_UPLOAD / 1024 / 1024)))
			.map((bytes) -> new AwardRounds.EvidenceUpload(file.filename(), bytes));
	}

	private static String text(MultiValueMap<String, Part> parts, String name) {
		return (parts.getFirst(name) instanceof FormFieldPart field && !field.value().isBlank()) ? field.value() : null;
	}

	@GetMapping("/api/v1/award-rounds/{id}/nominations")
	@Operation(summary = "Nominations in scope (an administrator's jurisdiction, an enterprise's own); filter by stage")
	Mono<List<AwardRounds.NominationView>> nominations(@PathVariable String id,
			@RequestParam(required = false) String stage, @AuthenticationPrincipal CurrentUser user) {
		return this.rounds.nominations(id, stage, user).collectList();
	}

	@PostMapping("/api/v1/award-rounds/{id}/nominations/{nid}/decision")
	@Operation(summary = "The review decision of the level the nomination waits for (county → city → province) "
			+ "{decision: APPROVE | REJECT, comment} → {stage}; the province's approval awards within the region's "
			+ "quota (409 when full)")
	Mono<AwardRounds.NominationView> decide(@PathVariable String id, @PathVariable String nid,
			@RequestBody AwardRounds.Decide request, @AuthenticationPrincipal CurrentUser user) {
		return this.rounds.decide(id, nid, request, user);
	}

	@GetMapping("/api/v1/award-rounds/{id}/awarded")
	@Operation(summary = "The awarded (public when the province lists them) → [{year, cqoName, enterpriseName, "
			+ "regionName, title}]")
	Mono<List<AwardRounds.Awarded>> awarded(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.rounds.awarded(id, user).collectList();
	}

}
