package academy.cqo.certificate.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.time.temporal.ChronoUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import academy.cqo.certificate.HolderHonours;
import academy.cqo.certificate.Honours;
import academy.cqo.certificate.HolderAppointments;
import academy.cqo.certificate.Verdict;
import academy.cqo.certificate.VerificationRateLimit;
import academy.cqo.certificate.Verifications;
import academy.cqo.document.DocumentSettings;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.RequestOrigin;
import academy.cqo.shared.UploadedFiles;

/**
 * Public verification for other systems: no account, rate-limited per client.
 */
@RestController
@RequestMapping("/api/v1/verifications")
@Tag(name = "verifications", description = "Public certificate verification (no account)")
class VerificationsApi {

	private final Verifications verifications;

	private final VerificationRateLimit limit;

	private final DocumentSettings documents;

	private final Honours honours;

	VerificationsApi(Verifications verifications, VerificationRateLimit limit, DocumentSettings documents,
			Honours honours) {
		this.honours = honours;
		this.verifications = verifications;
		this.limit = limit;
		this.documents = documents;
	}

	/**
	 * The verdict as published: {@code status} is {@code VALID}, {@code EXPIRED},
	 * {@code SUSPENDED}, {@code REVOKED}, {@code SUPERSEDED}, {@code INVALID} or (for a
	 * number and name) {@code NOT_FOUND}.
	 */
	record VerdictJson(String status, String certificateNumber, String holderNameMasked, String employerName,
			LocalDate issuedOn, LocalDate expiresOn, String issuer, Instant checkedAt, boolean ceOverdue,
			LocalDate stateChangedOn, String reason, String replacedBy, String kind, Verdict.Transcript transcript,
			List<HolderHonours.Honour> honours, HolderAppointments.Appointment appointment) {

		static VerdictJson of(Verdict verdict, List<HolderHonours.Honour> honours) {
			return new VerdictJson(verdict.status(), verdict.certificateNumber(), verdict.holderNameMasked(),
					verdict.employerName(), verdict.issuedOn(), verdict.expiresOn(), verdict.issuer(),
					verdict.checkedAt().truncatedTo(ChronoUnit.MILLIS), verdict.ceOverdue(), verdict.stateChangedOn(),
					verdict.reason(), verdict.replacedBy(), verdict.kind(), verdict.transcript(), honours,
					verdict.appointment());
		}

	}

	record NumberQuery(String certificateNumber, String holderName) {
	}

	@GetMapping("/{token}")
	@Operation(summary = "Verify the token of a certificate's QR code (…/v/{token}); a forged or altered token "
			+ "gives status INVALID")
	Mono<VerdictJson> byToken(@PathVariable String token) {
		return limited((address) -> this.verifications.byToken(token, "API", address));
	}

	@PostMapping
	@Operation(summary = "Verify by certificate number and the holder's full name; NOT_FOUND alike for an unknown "
			+ "number and a wrong name")
	Mono<VerdictJson> byNumber(@RequestBody NumberQuery query) {
		return limited(
				(address) -> this.verifications.byNumber(query.certificateNumber(), query.holderName(), address));
	}

	@PostMapping(path = "/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Verify a photo, scan or PDF of a certificate: the server reads its QR code")
	Mono<VerdictJson> byUpload(@RequestPart("file") FilePart file) {
		return limited(
				(address) -> UploadedFiles
					.read(file, this.documents.maxUploadSize().toBytes(),
							FieldViolation.of("file", "verify.upload.tooLarge",
									this.documents.maxUploadSize().toMegabytes()))
					.flatMap((bytes) -> this.verifications.byUpload(bytes, address)));
	}

	private Mono<VerdictJson> limited(java.util.function.Function<String, Mono<Verdict>> verification) {
		return RequestOrigin.current().flatMap((origin) -> {
			if (!this.limit.allow(origin.address())) {
				org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
				headers.set(org.springframework.http.HttpHeaders.RETRY_AFTER,
						String.valueOf(this.limit.retryAfter(origin.address()).toSeconds()));
				return Mono.error(new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
						"Too many verifications from this address; wait a minute") {

					@Override
					public org.springframework.http.HttpHeaders getHeaders() {
						return headers;
					}

				});
			}
			return verification.apply(origin.address())
				.flatMap((verdict) -> this.honours.ofValid(verdict).map((honours) -> VerdictJson.of(verdict, honours)));
		});
	}

}
