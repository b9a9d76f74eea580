package academy.cqo.certificate.pdf;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import academy.cqo.document.DocumentFixtures;

/**
 * Certificates as the certificate module would fill them in.
 */
public final class CertificateFixtures {

	static final String URL = "https://cqo.example.gov.cn/v/AQEAAAB7aWQ6SlgtMjAyNi0wMDAxMjMAAAAAAAAAXf3kQ2u1sX8Zk0cQv9LbYgWnq3t4Pj7aD1eF0sTqUe2fGhIjKlMnOpQrStUvWxYz0123456789ab";

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T02:30:00Z"), ZoneId.of("Asia/Shanghai"));

	private CertificateFixtures() {
	}

	static CertificatePdf renderer() {
		return new CertificatePdf(DocumentFixtures.fonts(), messages(), CLOCK);
	}

	static CertificateContent certificate() {
		return new CertificateContent("JX-2026-000123", "张三", "3601**********1238", "江西洪都精密机械制造有限公司", "首席质量官任职资格考核",
				"合格", LocalDate.of(2026, 11, 21), LocalDate.of(2029, 11, 20), "江西省质量发展促进中心", null, URL, "首席质量官任职资格证书",
				"Chief Quality Officer Qualification Certificate");
	}

	static CertificateContent withHolder(String holderName) {
		CertificateContent c = certificate();
		return new CertificateContent(c.certificateNumber(), holderName, c.idNumberMasked(), c.employerName(),
				c.examTitle(), c.result(), c.issuedOn(), c.expiresOn(), c.issuer(), c.photo(), c.verificationUrl(),
				c.title(), c.titleEnglish());
	}

	static CertificateContent withEmployer(String employerName) {
		CertificateContent c = certificate();
		return new CertificateContent(c.certificateNumber(), c.holderName(), c.idNumberMasked(), employerName,
				c.examTitle(), c.result(), c.issuedOn(), c.expiresOn(), c.issuer(), c.photo(), c.verificationUrl(),
				c.title(), c.titleEnglish());
	}

	static CertificateContent withPhoto(byte[] photo) {
		CertificateContent c = certificate();
		return new CertificateContent(c.certificateNumber(), c.holderName(), c.idNumberMasked(), c.employerName(),
				c.examTitle(), c.result(), c.issuedOn(), c.expiresOn(), c.issuer(), photo, c.verificationUrl(),
				c.title(), c.titleEnglish());
	}

	/** The application's message bundles, as the renderer reads its wording from them. */
	public static org.springframework.context.MessageSource messages() {
		org.springframework.context.support.ResourceBundleMessageSource messages = new org.springframework.context.support.ResourceBundleMessageSource();
		messages.setBasename("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
