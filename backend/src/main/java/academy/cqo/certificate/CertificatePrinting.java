package academy.cqo.certificate;

import java.time.LocalDate;
import java.util.Locale;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import academy.cqo.certificate.pdf.CertificateContent;
import academy.cqo.certificate.pdf.CertificatePdf;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.identity.AccountPhotos;

/**
 * What is printed on a certificate (the holder's photo as it is now, the result as the
 * settings say, the wording from the Chinese bundle) rendered off the event loop.
 */
@Component
class CertificatePrinting {

	private static final double EXCELLENT = 0.9;

	private static final double GOOD = 0.75;

	private final CertificatePdf pdf;

	private final AccountPhotos photos;

	private final MessageSource messages;

	private final CertificateSettings settings;

	CertificatePrinting(CertificatePdf pdf, AccountPhotos photos, MessageSource messages,
			CertificateSettings settings) {
		this.pdf = pdf;
		this.photos = photos;
		this.messages = messages;
		this.settings = settings;
	}

	/**
	 * Render a certificate.
	 * @param certificate the certificate with its content fixed
	 * @param number the number to print
	 * @param url the verification address for the QR code
	 * @return the PDF's bytes, or an error when it cannot be printed
	 */
	Mono<byte[]> render(CertificateDocument certificate, String number, String url) {
		return photo(certificate)
			.flatMap((photo) -> Mono.fromCallable(() -> this.pdf.render(content(certificate, number, url, photo)))
				.subscribeOn(Schedulers.boundedElastic()));
	}

	private CertificateContent content(CertificateDocument certificate, String number, String url, byte[] photo) {
		return new CertificateContent(number, certificate.holderName(), certificate.idNumberMasked(),
				certificate.employerName(), certificate.examTitle(), printed(resultKey(certificate)),
				LocalDate.parse(certificate.issuedOn()), LocalDate.parse(certificate.expiresOn()), certificate.issuer(),
				(photo.length > 0) ? photo : null, url, printed("heading"), printed("headingEnglish"));
	}

	/** The holder's photo as it is now, or no bytes when there is none. */
	private Mono<byte[]> photo(CertificateDocument certificate) {
		return this.photos.photo(certificate.accountId())
			.map(AccountPhotos.StoredPhoto::content)
			.defaultIfEmpty(new byte[0]);
	}

	/**
	 * How the result is printed: passed, or a band by the share of the highest score.
	 * @param certificate the certificate
	 * @return the key below {@code certificate.pdf.}
	 */
	String resultKey(CertificateDocument certificate) {
		if (this.settings.resultDisplay() == CertificateSettings.ResultDisplay.PASS || certificate.score() == null
				|| certificate.maxScore() == null || certificate.maxScore() <= 0) {
			return "passed";
		}
		double share = certificate.score() / certificate.maxScore();
		return (share >= EXCELLENT) ? "excellent" : (share >= GOOD) ? "good" : "passed";
	}

	/**
	 * Wording printed on the certificate, from the Chinese bundle
	 * ({@code certificate.pdf.*}).
	 */
	private String printed(String key) {
		return this.messages.getMessage("certificate.pdf." + key, null, Locale.SIMPLIFIED_CHINESE);
	}

}
