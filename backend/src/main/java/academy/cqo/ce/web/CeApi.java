package academy.cqo.ce.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.ce.CeEntry;
import academy.cqo.ce.CeLedger;
import academy.cqo.ce.CeClaims;
import academy.cqo.ce.CeLedgers;
import academy.cqo.ce.CeSettings;
import academy.cqo.ce.ClaimView;
import academy.cqo.ce.YearEnd;
import academy.cqo.identity.CurrentUser;

/**
 * The CE ledger, claims and their review as clients use them.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "continuing education", description = "Yearly CE ledger, claims of external activities, review")
class CeApi {

	private final CeLedgers ledgers;

	private final CeClaims claims;

	private final YearEnd yearEnd;

	private final CeSettings settings;

	private final academy.cqo.ce.CeTranscripts transcripts;

	CeApi(CeLedgers ledgers, CeClaims claims, YearEnd yearEnd, CeSettings settings,
			academy.cqo.ce.CeTranscripts transcripts) {
		this.claims = claims;
		this.transcripts = transcripts;
		this.ledgers = ledgers;
		this.yearEnd = yearEnd;
		this.settings = settings;
	}

	/** A ledger as the API shows it. */
	record LedgerJson(int year, double requiredHours, double requiredProfessionalHours, double earnedHours,
			double professionalHours, double missingHours, double missingProfessionalHours, String status,
			boolean closed, List<EntryJson> entries) {

		static LedgerJson of(CeLedger ledger) {
			return new LedgerJson(ledger.year(), ledger.requiredHours(), ledger.requiredProfessionalHours(),
					ledger.earnedHours(), ledger.professionalHours(), ledger.missingHours(),
					ledger.missingProfessionalHours(), ledger.status(), ledger.closed(),
					ledger.entries().stream().map(EntryJson::of).toList());
		}

	}

	/** One entry. */
	record EntryJson(String source, String id, String title, double hours, double countedHours, LocalDate date,
			String state, boolean professional, String activityType, String organiser, String reason) {

		static EntryJson of(CeEntry entry) {
			return new EntryJson(entry.source(), entry.id(), entry.title(), entry.hours(), entry.countedHours(),
					entry.date(), entry.state(), entry.professional(), entry.activityType(), entry.organiser(),
					entry.reason());
		}

	}

	record Decision(Boolean approve, String reason) {
	}

	@GetMapping("/me/ce/{year}/transcript.pdf")
	@Operation(
			summary = "The caller's CE transcript for a year as a PDF, with a signed QR code that verifies at /v/{token}")
	Mono<org.springframework.http.ResponseEntity<byte[]>> transcript(@PathVariable int year,
			@AuthenticationPrincipal CurrentUser user) {
		return this.transcripts.transcript(user, year).map(CeApi::pdf);
	}

	static org.springframework.http.ResponseEntity<byte[]> pdf(academy.cqo.ce.CeTranscripts.TranscriptFile file) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.attachment()
						.filename(file.fileName())
						.build()
						.toString())
			.body(file.bytes());
	}

	@GetMapping("/me/ce/{year}")
	@Operation(summary = "The caller's CE ledger for a year: {requiredHours, earnedHours, professionalHours, status, "
			+ "entries: [{source, title, hours, date, state}]}")
	Mono<LedgerJson> ledger(@PathVariable int year, @AuthenticationPrincipal CurrentUser user) {
		return this.ledgers.ledger(user.accountId(), year).map(LedgerJson::of);
	}

	@PostMapping(path = "/me/ce/{year}/claims", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Claim hours for an external activity: multipart activityType, title, organiser, date, hours, "
			+ "professional and the evidence file (PDF, PNG or JPEG, checked by content, size-limited) → 201 pending")
	Mono<ResponseEntity<ClaimView>> claim(@PathVariable int year, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange) {
		return exchange.getMultipartData()
			.flatMap((parts) -> ClaimForms.read(parts, this.settings.maxEvidenceSize().toBytes()))
			.flatMap((posted) -> this.claims.claim(user, year, posted.draft(), posted.evidence()))
			.map((claim) -> ResponseEntity.created(URI.create("/api/v1/ce/claims/" + claim.id())).body(claim));
	}

	@GetMapping("/ce/claims/{id}")
	@Operation(summary = "One claim, for its holder or an administrator in scope")
	Mono<ClaimView> claim(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.claims.claim(id, user);
	}

	@GetMapping("/ce/claims/{id}/evidence")
	@Operation(summary = "A claim's evidence file, for its holder or an administrator in scope")
	Mono<ResponseEntity<byte[]>> evidence(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.claims.evidence(id, user).map(CeApi::file);
	}

	static ResponseEntity<byte[]> file(CeClaims.EvidenceFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline()
						.filename(file.filename(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.content());
	}

	@GetMapping("/admin/ce/claims")
	@Operation(summary = "Claims of holders in the administrator's jurisdiction (?state=PENDING|APPROVED|REJECTED)")
	Flux<ClaimView> claims(@RequestParam(required = false) String state, @AuthenticationPrincipal CurrentUser user) {
		return Flux.defer(() -> this.ledgers.claimsToReview(user, state));
	}

	@PostMapping("/admin/ce/claims/{id}/decision")
	@Operation(summary = "Approve or reject a pending claim {approve, reason} (a rejection needs a reason; audited; "
			+ "the holder is notified)")
	Mono<ClaimView> decide(@PathVariable String id, @RequestBody Decision decision,
			@AuthenticationPrincipal CurrentUser user) {
		return Mono
			.defer(() -> this.ledgers.decide(id, Boolean.TRUE.equals(decision.approve()), decision.reason(), user));
	}

	@PostMapping("/admin/ce/years/{year}/closing")
	@Operation(summary = "Close an ended CE year now for the caller's province (administrators of a province only; "
			+ "the scheduled job does it for everyone after year end; idempotent)")
	Mono<YearEnd.Closing> close(@PathVariable int year, @AuthenticationPrincipal CurrentUser user) {
		return this.yearEnd.close(year, user);
	}

}
