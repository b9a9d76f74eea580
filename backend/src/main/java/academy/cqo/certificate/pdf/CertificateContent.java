package academy.cqo.certificate.pdf;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a certificate shows.
 *
 * @param certificateNumber the number, e.g. {@code JX-2026-000123}
 * @param holderName the holder's name
 * @param idNumberMasked the ID number as shown, masked (3601**********1238); may be
 * {@code null}
 * @param employerName the employer; may be {@code null}
 * @param examTitle the exam passed
 * @param result 合格, or a score band
 * @param issuedOn the date of issue
 * @param expiresOn the end of validity; {@code null} for no end
 * @param issuer the issuing authority, also on the seal
 * @param photo the holder's photo (JPEG or PNG); may be {@code null}
 * @param verificationUrl the URL in the QR code and the link
 * @param title the certificate's title, e.g. 首席质量官任职资格证书
 * @param titleEnglish the title in English; may be {@code null}
 */
public record CertificateContent(String certificateNumber, String holderName, String idNumberMasked,
		String employerName, String examTitle, String result, LocalDate issuedOn, LocalDate expiresOn, String issuer,
		byte[] photo, String verificationUrl, String title, String titleEnglish) {

	public CertificateContent {
		Objects.requireNonNull(certificateNumber, "certificateNumber");
		Objects.requireNonNull(holderName, "holderName");
		Objects.requireNonNull(examTitle, "examTitle");
		Objects.requireNonNull(result, "result");
		Objects.requireNonNull(issuedOn, "issuedOn");
		Objects.requireNonNull(issuer, "issuer");
		Objects.requireNonNull(verificationUrl, "verificationUrl");
		Objects.requireNonNull(title, "title");
	}

}
