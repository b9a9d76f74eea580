package academy.cqo.certificate.web;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.certificate.CertificateSettings;
import academy.cqo.certificate.Honours;
import academy.cqo.certificate.Verdict;
import academy.cqo.certificate.VerificationRateLimit;
import academy.cqo.certificate.Verifications;
import academy.cqo.document.DocumentSettings;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RequestOrigin;
import academy.cqo.shared.UploadedFiles;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The public verification pages, no account needed: the verdict of a scanned QR code
 * ({@code /v/{token}}, a permanent path), and the verifier page that scans with the
 * phone's camera, reads an uploaded photo, scan or PDF, or looks up a number with the
 * holder's name.
 */
@PageController
class VerificationPages implements Pages {

	private final Verifications verifications;

	private final VerificationRateLimit limit;

	private final CertificateSettings settings;

	private final DocumentSettings documents;

	private final MessageSource messages;

	private final Honours honours;

	VerificationPages(Verifications verifications, VerificationRateLimit limit, CertificateSettings settings,
			DocumentSettings documents, MessageSource messages, Honours honours) {
		this.honours = honours;
		this.documents = documents;
		this.verifications = verifications;
		this.limit = limit;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping("/v/{token}")
	Mono<String> verdict(@PathVariable String token, ServerWebExchange exchange, Model model) {
		return limited(exchange, model, (address) -> this.verifications.byToken(token, "QR", address));
	}

	@GetMapping("/verify")
	String verifyPage(Model model) {
		model.addAttribute("maxUploadMb", this.documents.maxUploadSize().toMegabytes());
		return "certificate/verify";
	}

	@PostMapping("/verify/number")
	Mono<String> byNumber(ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.flatMap((form) -> limited(exchange, model,
					(address) -> this.verifications.byNumber(form.getFirst("number"), form.getFirst("name"), address)));
	}

	@PostMapping("/verify/upload")
	Mono<String> byUpload(ServerWebExchange exchange, Model model) {
		return exchange.getMultipartData()
			.flatMap((parts) -> limited(exchange, model,
					(address) -> read(parts).flatMap((bytes) -> this.verifications.byUpload(bytes, address))))
			.onErrorResume(InvalidInput.class, (ex) -> {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				Locale locale = locale(exchange);
				model.addAttribute("maxUploadMb", this.documents.maxUploadSize().toMegabytes());
				model.addAttribute("uploadProblems",
						ex.violations()
							.stream()
							.map((violation) -> this.messages.getMessage(violation.messageKey(),
									violation.arguments().toArray(), violation.messageKey(), locale))
							.toList());
				return Mono.just("certificate/verify");
			});
	}

	private Mono<byte[]> read(MultiValueMap<String, Part> parts) {
		if (!(parts.getFirst("file") instanceof FilePart file)) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("file", "verify.upload.missing")), true));
		}
		return UploadedFiles.read(file, this.documents.maxUploadSize().toBytes(),
				FieldViolation.of("file", "verify.upload.tooLarge", this.documents.maxUploadSize().toMegabytes()));
	}

	private Mono<String> limited(ServerWebExchange exchange, Model model,
			java.util.function.Function<String, Mono<Verdict>> verification) {
		return RequestOrigin.current().flatMap((origin) -> {
			if (!this.limit.allow(origin.address())) {
				exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
				exchange.getResponse()
					.getHeaders()
					.set("Retry-After", String.valueOf(this.limit.retryAfter(origin.address()).toSeconds()));
				return Mono.just("certificate/too-many");
			}
			return verification.apply(origin.address())
				.flatMap((verdict) -> this.honours.ofValid(verdict).map((honours) -> {
					model.addAttribute("verdict", verdict);
					model.addAttribute("honours", honours);
					model.addAttribute("checkedAt",
							java.time.LocalDateTime.ofInstant(verdict.checkedAt(), this.settings.zone()).withNano(0));
					return "certificate/verdict";
				}));
		});
	}

	static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
	}

	static String field(MultiValueMap<String, Part> parts, String name) {
		return (parts.getFirst(name) instanceof FormFieldPart part) ? part.value() : null;
	}

}
