package academy.cqo.certificate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A certificate as its holder and administrators see it.
 *
 * @param id the certificate's id
 * @param stage {@code PENDING}, {@code ISSUED} or {@code FAILED}
 * @param failureKey why issuing failed (a message key), or {@code null}
 * @param failureDetail what exactly failed, or {@code null}
 * @param number the number once assigned
 * @param holderName the holder's name
 * @param idNumberMasked the masked ID number
 * @param employerName the employer
 * @param regionCode the holder's region
 * @param examTitle the exam
 * @param sessionId the session
 * @param score the score
 * @param maxScore the highest score
 * @param issuedOn the issue date
 * @param expiresOn the expiry date
 * @param issuer the issuing authority
 * @param status the verdict verification gives now ({@code VALID}, {@code EXPIRED},
 * {@code SUSPENDED}, {@code REVOKED}, {@code SUPERSEDED}), or {@code null} before issue
 * @param ceOverdue whether the holder is CE-overdue
 * @param verificationUrl the URL in the QR code, or {@code null} before issue
 * @param supersedes the id of the certificate this one replaces, or {@code null}
 * @param supersededBy the id of the certificate that replaces this one, or {@code null}
 * @param verifications how often it was verified
 * @param history its changes of state
 * @param issuedAt when it was issued
 */
public record CertificateView(String id, String stage, String failureKey, String failureDetail, String number,
		String holderName, String idNumberMasked, String employerName, String regionCode, String examTitle,
		String sessionId, Double score, Double maxScore, LocalDate issuedOn, LocalDate expiresOn, String issuer,
		String status, boolean ceOverdue, String verificationUrl, String supersedes, String supersededBy,
		long verifications, List<Change> history, Instant issuedAt) {

	/**
	 * A change of state.
	 *
	 * @param state the new state
	 * @param reason the reason category, or {@code null}
	 * @param note the note, or {@code null}
	 * @param by who
	 * @param at when
	 */
	public record Change(String state, String reason, String note, String by, Instant at) {
	}

}
