package academy.cqo.certificate;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of certificates and verification ({@code cqo.certificate.*}).
 *
 * @param numberPrefix the province code that starts every certificate number, e.g.
 * {@code JX} in {@code JX-2026-000123} ({@code CQO_CERTIFICATE_NUMBERPREFIX})
 * @param validity how long a certificate is valid ({@code CQO_CERTIFICATE_VALIDITY}, e.g.
 * {@code 3y})
 * @param issuer the issuing authority printed on certificates and shown by verification
 * ({@code CQO_CERTIFICATE_ISSUER})
 * @param verificationUrl the permanent public address that QR codes point to, ending in
 * {@code /v/} ({@code CQO_CERTIFICATE_VERIFICATIONURL})
 * @param zone the time zone of issue dates and numbering years: the platform zone
 * ({@code cqo.zone}, which application.yml copies here)
 * @param resultDisplay what a certificate says of the result: {@code PASS} ("合格") or
 * {@code BAND} (优秀 / 良好 / 合格 from the score)
 * @param ceOverdueAction what a CE-overdue holder's certificate shows: {@code FLAG}
 * ("valid, CE overdue") or {@code SUSPEND} ({@code CQO_CERTIFICATE_CEOVERDUEACTION})
 * @param signingKey the Ed25519 private key that signs new certificates, base64 PKCS#8
 * ({@code CQO_CERTIFICATE_SIGNINGKEY}); when unset one is generated into the data
 * directory on first start
 * @param retiredPublicKeys public keys of earlier signing keys, base64 X.509, kept so
 * that certificates they signed still verify ({@code CQO_CERTIFICATE_RETIREDPUBLICKEYS},
 * comma-separated)
 * @param verificationsPerMinute how many verifications one client may ask for per minute
 * @param autoIssue issue as soon as a qualifying exam is passed; otherwise administrators
 * issue per session
 * @param sweepInterval how often unfinished issues are looked for and completed
 * @param verificationLogInterval how often queued verification log entries and counts are
 * written (a crash loses at most this much of them; verdicts are always live)
 */
@ConfigurationProperties("cqo.certificate")
public record CertificateSettings(@DefaultValue("JX") String numberPrefix, @DefaultValue("3y") Period validity,
		@DefaultValue("首席质量官培训考核平台（演示发证机构）") String issuer,
		@DefaultValue("http://localhost:8080/v/") String verificationUrl, @DefaultValue("Asia/Shanghai") ZoneId zone,
		@DefaultValue("PASS") ResultDisplay resultDisplay, @DefaultValue("FLAG") CeOverdueAction ceOverdueAction,
		String signingKey, List<String> retiredPublicKeys, @DefaultValue("30") int verificationsPerMinute,
		@DefaultValue("true") boolean autoIssue, @DefaultValue("30s") Duration sweepInterval,
		@DefaultValue("1s") Duration verificationLogInterval) {

	public CertificateSettings {
		if (!numberPrefix.matches("[A-Z]{1,8}")) {
			throw new IllegalArgumentException(
					"cqo.certificate.number-prefix must be 1 to 8 capital letters, not '" + numberPrefix + "'");
		}
		if (!verificationUrl.endsWith("/v/")) {
			throw new IllegalArgumentException(
					"cqo.certificate.verification-url must end with /v/, not '" + verificationUrl + "'");
		}
		retiredPublicKeys = (retiredPublicKeys != null) ? List.copyOf(retiredPublicKeys) : List.of();
	}

	/**
	 * Whether a CE-overdue holder's certificate counts as suspended.
	 * @return whether {@code ce-overdue-action} is {@code SUSPEND}
	 */
	public boolean suspendsWhenCeOverdue() {
		return this.ceOverdueAction == CeOverdueAction.SUSPEND;
	}

	/**
	 * The address a certificate's QR code points to.
	 * @param token the certificate's signed token, or {@code null} before it is signed
	 * @return the address, or {@code null} without a token
	 */
	public String verificationUrlOf(String token) {
		return (token != null) ? this.verificationUrl + token : null;
	}

	/** What a certificate says of the result. */
	public enum ResultDisplay {

		PASS, BAND

	}

	/** What a CE-overdue holder's certificate shows. */
	public enum CeOverdueAction {

		FLAG, SUSPEND

	}

}
