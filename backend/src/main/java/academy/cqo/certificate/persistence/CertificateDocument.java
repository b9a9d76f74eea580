package academy.cqo.certificate.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.certificate.domain.CertificateStage;

/**
 * A certificate, from the pass that asked for it to its issue and later changes of state.
 * Its id is derived from what caused it ({@code attempt:<attemptId>}, or the certificate
 * it replaces plus {@code :r}) so that a repeated cause finds the same document. Dates
 * are ISO strings in the issuing time zone.
 *
 * @param id the id
 * @param stage a {@link CertificateStage}'s name: {@code PENDING} (to be issued),
 * {@code ISSUED} or {@code FAILED}
 * @param failureKey why issuing failed (a message key), or {@code null}
 * @param failureDetail what exactly failed (e.g. the characters no font has)
 * @param number the certificate number once assigned
 * @param sequence the number's sequence once assigned
 * @param accountId the holder
 * @param holderName the holder's name as printed
 * @param idNumberMasked the masked ID number as printed
 * @param employerName the employer as printed
 * @param regionCode the holder's region (administrators see their jurisdiction's)
 * @param examId the exam
 * @param examTitle the exam's title as printed
 * @param sessionId the session
 * @param attemptId the passing attempt
 * @param score the score
 * @param maxScore the highest score
 * @param issuedOn the issue date, fixed before numbering
 * @param expiresOn the expiry date
 * @param issuer the issuing authority as printed
 * @param token the signed verification token printed in the QR code
 * @param state a {@code CertificateState}'s name: {@code ACTIVE}, {@code SUSPENDED},
 * {@code REVOKED} or {@code SUPERSEDED}
 * @param history every change of state
 * @param supersedes the certificate this one replaces, or {@code null}
 * @param supersededBy the certificate that replaces this one, or {@code null}
 * @param announced whether the talent pool and the holder have been told of the issue
 * @param verifications how often it was verified
 * @param createdAt when the pass asked for it
 * @param issuedAt when it was issued
 */
@Document(CertificateDocument.COLLECTION)
public record CertificateDocument(@Id String id, String stage, String failureKey, String failureDetail, String number,
		Integer sequence, String accountId, String holderName, String idNumberMasked, String employerName,
		String regionCode, String examId, String examTitle, String sessionId, String attemptId, Double score,
		Double maxScore, String issuedOn, String expiresOn, String issuer, String token, String state,
		List<StateChange> history, String supersedes, String supersededBy, Boolean announced, Long verifications,
		Instant createdAt, Instant issuedAt) {

	public static final String COLLECTION = "certificates";

	public CertificateDocument {
		history = (history != null) ? List.copyOf(history) : List.of();
	}

	public boolean issued() {
		return CertificateStage.ISSUED.name().equals(this.stage);
	}

	public long verificationCount() {
		return (this.verifications != null) ? this.verifications : 0;
	}

	/**
	 * A change of state, as the audit trail and the verification page show it.
	 *
	 * @param state the new state
	 * @param reason the reason category ({@code FRAUD}, …), or {@code null}
	 * @param note the administrator's note, or {@code null}
	 * @param by who changed it
	 * @param at when
	 */
	public record StateChange(String state, String reason, String note, String by, Instant at) {
	}

}
