package academy.cqo.certificate.web;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.certificate.CertificateStates;
import academy.cqo.certificate.Certificates;
import academy.cqo.certificate.SessionIssues;
import academy.cqo.certificate.TalentPool;
import academy.cqo.document.QrCodes;
import academy.cqo.exam.Exams;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.certificate.CertificateNotFound;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * Certificate pages: the holder's certificates (PDF, QR code, how often verified), and
 * for administrators the certificate list, a certificate's page with suspension,
 * revocation and reissue, bulk issue per session, and the talent pool.
 */
@PageController
class CertificatePages implements Pages {

	private final Certificates certificates;

	private final CertificateStates states;

	private final SessionIssues sessions;

	private final TalentPool pool;

	private final Exams exams;

	private final MessageSource messages;

	private final academy.cqo.shared.RegionDirectory regionDirectory;

	CertificatePages(Certificates certificates, CertificateStates states, SessionIssues sessions, TalentPool pool,
			Exams exams, MessageSource messages, academy.cqo.shared.RegionDirectory regionDirectory) {
		this.regionDirectory = regionDirectory;
		this.certificates = certificates;
		this.states = states;
		this.sessions = sessions;
		this.pool = pool;
		this.exams = exams;
		this.messages = messages;
	}

	// The holder

	@GetMapping("/certificates")
	Mono<String> mine(@AuthenticationPrincipal CurrentUser user, Model model) {
		return this.certificates.mine(user).collectList().map((list) -> {
			model.addAttribute("certificates", list);
			return "certificate/mine";
		});
	}

	@GetMapping("/certificates/{id}")
	Mono<String> certificate(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.certificates.certificate(id, user)
			.flatMap((certificate) -> appointment(id, user, model).thenReturn(certificate))
			.map((certificate) -> {
				model.addAttribute("certificate", certificate);
				return "certificate/certificate";
			});
	}

	/** The holder's filed appointment (enterprise, filing number, its end), if any. */
	private Mono<Void> appointment(String id, CurrentUser user, Model model) {
		return this.pool.appointmentOf(id, user)
			.doOnNext((appointment) -> model.addAttribute("appointment", appointment))
			.then();
	}

	@GetMapping("/certificates/{id}/pdf")
	Mono<ResponseEntity<byte[]>> pdf(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.certificates.pdf(id, user).map((pdf) -> CertificatesApi.pdfResponse(pdf.fileName(), pdf.bytes()));
	}

	@GetMapping(path = "/certificates/{id}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	@ResponseBody
	Mono<byte[]> qr(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.certificates.certificate(id, user)
			.filter((certificate) -> certificate.verificationUrl() != null)
			.switchIfEmpty(Mono.error(() -> new CertificateNotFound(id)))
			.map((certificate) -> png(certificate.verificationUrl()));
	}

	private byte[] png(String text) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(QrCodes.image(text, 6), "png", out);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	// Administrators

	@GetMapping("/admin/certificates")
	Mono<String> list(@RequestParam(required = false) String state, @RequestParam(required = false) String text,
			@RequestParam(required = false) String sessionId, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		return this.certificates
			.list(blank(state), blank(text), blank(sessionId), Math.max(0, page - 1), CertificatesApi.PAGE_SIZE, user)
			.map((result) -> {
				model.addAttribute("result", result);
				model.addAttribute("states", Certificates.LIST_STATES);
				model.addAttribute("state", blank(state));
				model.addAttribute("text", blank(text));
				model.addAttribute("sessionId", blank(sessionId));
				return "certificate/admin-list";
			});
	}

	@GetMapping("/admin/certificates/{id}")
	Mono<String> adminCertificate(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, Model model) {
		return adminPage(id, user, model);
	}

	private Mono<String> adminPage(String id, CurrentUser user, Model model) {
		return appointment(id, user, model).then(this.certificates.certificate(id, user))
			.zipWith(this.certificates.verifications(id, user).collectList())
			.map((pair) -> {
				model.addAttribute("certificate", pair.getT1());
				model.addAttribute("verifications", pair.getT2());
				model.addAttribute("reasons", Certificates.REASONS);
				return "certificate/admin-certificate";
			});
	}

	@PostMapping("/admin/certificates/{id}/state")
	Mono<String> changeState(@PathVariable String id, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.flatMap((form) -> confirmed(form).flatMap((ok) -> this.states.changeState(id, form.getFirst("action"),
					blank(form.getFirst("reason")), form.getFirst("note"), user)))
			.map((changed) -> "redirect:/admin/certificates/" + id)
			.onErrorResume((ex) -> refused(ex, id, user, exchange, model));
	}

	@PostMapping("/admin/certificates/{id}/reissue")
	Mono<String> reissue(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange,
			Model model) {
		return this.states.reissue(id, user)
			.map((replacement) -> "redirect:/admin/certificates/" + replacement.id())
			.onErrorResume((ex) -> refused(ex, id, user, exchange, model));
	}

	@PostMapping("/admin/certificates/{id}/retry")
	Mono<String> retry(@PathVariable String id, @AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange,
			Model model) {
		return this.states.retry(id, user)
			.map((retried) -> "redirect:/admin/certificates/" + id)
			.onErrorResume((ex) -> refused(ex, id, user, exchange, model));
	}

	/**
	 * A state change takes effect on the public verdict at once, so the form asks the
	 * administrator to confirm it; a change without the confirmation is refused.
	 */
	private static Mono<Boolean> confirmed(org.springframework.util.MultiValueMap<String, String> form) {
		if (!"1".equals(form.getFirst("confirm"))) {
			return Mono
				.error(new InvalidInput(List.of(FieldViolation.of("confirm", "certificate.admin.notConfirmed"))));
		}
		return Mono.just(true);
	}

	private Mono<String> refused(Throwable ex, String id, CurrentUser user, ServerWebExchange exchange, Model model) {
		List<FieldViolation> violations;
		if (ex instanceof InvalidInput invalid) {
			exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
			violations = invalid.violations();
		}
		else if (ex instanceof Conflict conflict) {
			exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
			violations = List.of(conflict.violation());
		}
		else {
			return Mono.error(ex);
		}
		Locale locale = VerificationPages.locale(exchange);
		model.addAttribute("problems",
				violations.stream()
					.map((violation) -> this.messages.getMessage(violation.messageKey(),
							violation.arguments().toArray(), violation.messageKey(), locale))
					.toList());
		return adminPage(id, user, model);
	}

	@GetMapping("/admin/certificates/sessions")
	Mono<String> sessions(@AuthenticationPrincipal CurrentUser user, Model model) {
		return this.exams.sessions(false, user)
			.filter((session) -> session.qualifying())
			.concatMap((session) -> this.sessions.job(session.id(), user)
				.map((job) -> new SessionRow(session.id(), session.title(), session.examTitle(), session.opensAt(),
						session.closesAt(), job))
				.defaultIfEmpty(new SessionRow(session.id(), session.title(), session.examTitle(), session.opensAt(),
						session.closesAt(), null)))
			.collectList()
			.map((rows) -> {
				model.addAttribute("rows", rows);
				return "certificate/admin-sessions";
			});
	}

	/** A qualifying session and its bulk issue. */
	record SessionRow(String id, String title, String examTitle, java.time.Instant opensAt, java.time.Instant closesAt,
			academy.cqo.certificate.persistence.IssueJobStore.Job job) {
	}

	@PostMapping("/admin/certificates/sessions/{sessionId}/issue")
	Mono<String> startBulk(@PathVariable String sessionId, @AuthenticationPrincipal CurrentUser user) {
		return this.sessions.start(sessionId, user)
			.thenReturn("redirect:/admin/certificates/sessions#s-" + sessionId)
			.onErrorResume(Conflict.class, (ex) -> Mono.just("redirect:/admin/certificates/sessions#s-" + sessionId));
	}

	@GetMapping("/admin/talent-pool")
	Mono<String> talentPool(@RequestParam(required = false) String status,
			@RequestParam(required = false) String regionCode, @RequestParam(required = false) String text,
			@RequestParam(required = false) Boolean ceOverdue, @RequestParam(required = false) String industry,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal CurrentUser user, Model model) {
		TalentPool.Filter filter = new TalentPool.Filter(blank(status), blank(regionCode), blank(text), ceOverdue,
				blank(industry));
		return this.pool.page(filter, Math.max(0, page - 1), CertificatesApi.PAGE_SIZE, user).map((result) -> {
			model.addAttribute("result", result);
			model.addAttribute("filter", filter);
			model.addAttribute("statuses", TalentPool.STATUSES);
			model.addAttribute("regionOptions", this.regionDirectory.optionsWithin(user.regionCode()));
			model.addAttribute("industries", academy.cqo.identity.Industries.CODES);
			return "certificate/talent-pool";
		});
	}

	private static String blank(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
