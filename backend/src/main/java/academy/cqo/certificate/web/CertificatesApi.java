package academy.cqo.certificate.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.certificate.CertificateView;
import academy.cqo.certificate.CertificateStates;
import academy.cqo.certificate.Certificates;
import academy.cqo.certificate.SessionIssues;
import academy.cqo.certificate.TalentPool;
import academy.cqo.certificate.persistence.IssueJobStore;
import academy.cqo.certificate.signing.SigningKeys;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.shared.Jurisdiction;
import academy.cqo.shared.RegionLevel;
import academy.cqo.certificate.IssueJobNotFound;

/**
 * Certificates for their holders and for administrators: the holder's list and PDFs;
 * listing, suspending, reinstating, revoking and reissuing in an administrator's
 * jurisdiction; bulk issue per session with a zip of the PDFs; the talent pool; rotating
 * the signing key.
 */
@RestController
@Tag(name = "certificates", description = "Certificates, bulk issue and the talent pool")
class CertificatesApi {

	static final int PAGE_SIZE = 50;

	private final Certificates certificates;

	private final CertificateStates states;

	private final SessionIssues sessions;

	private final TalentPool pool;

	private final SigningKeys keys;

	private final AuditLog audit;

	CertificatesApi(Certificates certificates, CertificateStates states, SessionIssues sessions, TalentPool pool,
			SigningKeys keys, AuditLog audit) {
		this.certificates = certificates;
		this.states = states;
		this.sessions = sessions;
		this.pool = pool;
		this.keys = keys;
		this.audit = audit;
	}

	record StateChange(String reason, String note) {
	}

	@GetMapping("/api/v1/me/certificates")
	@Operation(summary = "The signed-in person's certificates, newest first")
	Mono<List<CertificateView>> mine(@AuthenticationPrincipal CurrentUser user) {
		return this.certificates.mine(user).collectList();
	}

	@GetMapping("/api/v1/certificates/{number}")
	@Operation(summary = "A certificate by its number (e.g. JX-2026-000001) or internal id (its holder, or an "
			+ "administrator whose jurisdiction covers it)")
	Mono<CertificateView> certificate(@PathVariable String number, @AuthenticationPrincipal CurrentUser user) {
		return this.certificates.certificate(number, user);
	}

	@GetMapping("/api/v1/certificates/{number}/pdf")
	@Operation(summary = "The certificate's PDF by its number (e.g. JX-2026-000001) or internal id: the exact bytes "
			+ "stored at issue (holder or scoped administrator)")
	Mono<ResponseEntity<byte[]>> pdf(@PathVariable String number, @AuthenticationPrincipal CurrentUser user) {
		return this.certificates.pdf(number, user).map((pdf) -> pdfResponse(pdf.fileName(), pdf.bytes()));
	}

	@PostMapping("/api/v1/certificates/{number}/revocation")
	@Operation(summary = "Revoke a certificate by its number, with a reason category (FRAUD, FALSE_INFORMATION, "
			+ "VIOLATION, DUTY_FAILURE, CE_OVERDUE, HOLDER_REQUEST, OTHER) and a note (administrator in scope; "
			+ "audited, holder notified)")
	Mono<CertificateView> revocation(@PathVariable String number, @RequestBody(required = false) StateChange change,
			@AuthenticationPrincipal CurrentUser user) {
		CurrentUser.requireAdmin(user);
		StateChange body = (change != null) ? change : new StateChange(null, null);
		return this.states.changeState(number, "REVOKE", body.reason(), body.note(), user);
	}

	static ResponseEntity<byte[]> pdfResponse(String fileName, byte[] bytes) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(fileName, java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(bytes);
	}

	@GetMapping("/api/v1/admin/certificates")
	@Operation(summary = "Certificates in the administrator's jurisdiction; filter by state (ACTIVE, SUSPENDED, "
			+ "REVOKED, SUPERSEDED, PENDING, FAILED), text (number, name, employer) and session")
	Mono<Certificates.Page> list(@RequestParam(required = false) String state,
			@RequestParam(required = false) String text, @RequestParam(required = false) String sessionId,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user) {
		return this.certificates.list(state, text, sessionId, Math.max(0, page), PAGE_SIZE, user);
	}

	@PostMapping("/api/v1/admin/certificates/{id}/{action:suspend|reinstate|revoke}")
	@Operation(summary = "Suspend, reinstate or revoke, with a reason category (FRAUD, FALSE_INFORMATION, "
			+ "VIOLATION, DUTY_FAILURE, CE_OVERDUE, HOLDER_REQUEST, OTHER) and a note; audited, holder notified")
	Mono<CertificateView> changeState(@PathVariable String id, @PathVariable String action,
			@RequestBody(required = false) StateChange change, @AuthenticationPrincipal CurrentUser user) {
		StateChange body = (change != null) ? change : new StateChange(null, null);
		return this.states.changeState(id, action.toUpperCase(Locale.ROOT), body.reason(), body.note(), user);
	}

	@PostMapping("/api/v1/admin/certificates/{id}/reissue")
	@Operation(summary = "Issue a corrected certificate (holder data read afresh, new number, same expiry); the old "
			+ "one becomes superseded")
	Mono<ResponseEntity<CertificateView>> reissue(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.states.reissue(id, user).map((view) -> ResponseEntity.status(HttpStatus.CREATED).body(view));
	}

	@PostMapping("/api/v1/admin/certificates/{id}/retry")
	@Operation(summary = "Try a certificate that failed to issue again (e.g. after a name was corrected)")
	Mono<CertificateView> retry(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.states.retry(id, user);
	}

	@PostMapping("/api/v1/admin/exam-sessions/{sessionId}/certificates")
	@Operation(summary = "Issue certificates for every pass of a qualifying session; runs in the background")
	Mono<ResponseEntity<IssueJobStore.Job>> startBulk(@PathVariable String sessionId,
			@AuthenticationPrincipal CurrentUser user) {
		return this.sessions.start(sessionId, user).map((job) -> ResponseEntity.accepted().body(job));
	}

	@GetMapping("/api/v1/admin/exam-sessions/{sessionId}/certificates/job")
	@Operation(summary = "Progress of the session's bulk issue")
	Mono<IssueJobStore.Job> job(@PathVariable String sessionId, @AuthenticationPrincipal CurrentUser user) {
		return this.sessions.job(sessionId, user).switchIfEmpty(Mono.error(() -> new IssueJobNotFound(sessionId)));
	}

	@GetMapping("/api/v1/admin/exam-sessions/{sessionId}/certificates.zip")
	@Operation(summary = "A zip of the session's issued certificate PDFs in the administrator's jurisdiction")
	Mono<ResponseEntity<Flux<DataBuffer>>> zip(@PathVariable String sessionId,
			@AuthenticationPrincipal CurrentUser user) {
		return this.sessions.zip(sessionId, user).map((file) -> zipResponse(sessionId, file));
	}

	static ResponseEntity<Flux<DataBuffer>> zipResponse(String sessionId, Path file) {
		Flux<DataBuffer> body = DataBufferUtils.read(file, DefaultDataBufferFactory.sharedInstance, 64 * 1024)
			.doFinally((signal) -> {
				try {
					Files.deleteIfExists(file);
				}
				catch (java.io.IOException ex) {
					file.toFile().deleteOnExit();
				}
			});
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("certificates-" + sessionId + ".zip").build().toString())
			.body(body);
	}

	@GetMapping("/api/v1/admin/talent-pool")
	@Operation(summary = "The talent pool in the administrator's jurisdiction; status VALID, EXPIRED, SUSPENDED "
			+ "or REVOKED")
	Mono<TalentPool.Page> talentPool(@RequestParam(required = false) String status,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String text,
			@RequestParam(required = false) Boolean ceOverdue, @RequestParam(required = false) String industry,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user) {
		return this.pool.page(new TalentPool.Filter(status, regionCode, text, ceOverdue, industry), Math.max(0, page),
				PAGE_SIZE, user);
	}

	@GetMapping("/api/v1/talent-pool")
	@Operation(summary = "The talent pool in the administrator's jurisdiction (published path): filter by region "
			+ "code, status (VALID, EXPIRED, SUSPENDED, REVOKED) and text q (name, number, employer)")
	Mono<TalentPool.Page> publishedTalentPool(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String status, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal CurrentUser user) {
		CurrentUser.requireAdmin(user);
		return this.pool.page(new TalentPool.Filter(status, regionCode, q, null, null), Math.max(0, page), PAGE_SIZE,
				user);
	}

	@GetMapping("/api/v1/admin/talent-pool.xlsx")
	@Operation(summary = "The filtered talent pool as Excel (formula-like text escaped)")
	Mono<ResponseEntity<byte[]>> talentPoolExcel(@RequestParam(required = false) String status,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String text,
			@RequestParam(required = false) Boolean ceOverdue, @RequestParam(required = false) String industry,
			@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
		return this.pool
			.export(new TalentPool.Filter(status, regionCode, text, ceOverdue, industry), user,
					VerificationPages.locale(exchange))
			.map(CertificatesApi::excel);
	}

	static ResponseEntity<byte[]> excel(byte[] bytes) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("talent-pool.xlsx").build().toString())
			.body(bytes);
	}

	@PostMapping("/api/v1/admin/certificate-keys/rotate")
	@Operation(summary = "Make a new signing key (province administrators); earlier keys keep verifying")
	Mono<Map<String, String>> rotate(@AuthenticationPrincipal CurrentUser user) {
		if (!user.has(Role.ADMIN) || new Jurisdiction(user.regionCode()).level() != RegionLevel.PROVINCE) {
			return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN));
		}
		return Mono.fromCallable(this.keys::rotate)
			.onErrorMap(IllegalStateException.class,
					(ex) -> new ResponseStatusException(HttpStatus.CONFLICT, ex.getMessage()))
			.flatMap((keyId) -> this.audit
				.record(user.username(), "CERTIFICATE_KEY_ROTATED", keyId, user.regionCode(), null)
				.thenReturn(Map.of("keyId", keyId)));
	}

}
