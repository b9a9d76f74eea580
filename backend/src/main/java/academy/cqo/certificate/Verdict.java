package academy.cqo.certificate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What verification says about a certificate: for a genuine one its status and the public
 * facts printed on it (never the ID number or the phone); for anything else only
 * {@code INVALID} or {@code NOT_FOUND}.
 *
 * @param status {@code VALID}, {@code EXPIRED}, {@code SUSPENDED}, {@code REVOKED},
 * {@code SUPERSEDED}, {@code INVALID} (forged or altered) or {@code NOT_FOUND} (a number
 * and name that match nothing)
 * @param certificateNumber the number
 * @param holderNameMasked the name with its middle masked (张*三)
 * @param employerName the employer
 * @param issuedOn the issue date
 * @param expiresOn the expiry date
 * @param issuer the issuing authority
 * @param checkedAt when this verdict was given
 * @param ceOverdue whether the holder is behind with continuing education
 * @param stateChangedOn when it was suspended, revoked or superseded, or {@code null}
 * @param reason the reason category of a suspension or revocation, or {@code null}
 * @param replacedBy the number of the certificate that replaces a superseded one, or
 * {@code null}
 * @param kind {@code CERTIFICATE} or {@code CE_TRANSCRIPT} for a genuine document, or
 * {@code null}
 * @param transcript what a genuine CE transcript stated, or {@code null}
 * @param appointment the holder's filed appointment as an enterprise's CQO (enterprise,
 * filing number, and its end when it ended), or {@code null}
 */
public record Verdict(String status, String certificateNumber, String holderNameMasked, String employerName,
		LocalDate issuedOn, LocalDate expiresOn, String issuer, Instant checkedAt, boolean ceOverdue,
		LocalDate stateChangedOn, String reason, String replacedBy, String kind, Transcript transcript,
		HolderAppointments.Appointment appointment) {

	public Verdict(String status, String certificateNumber, String holderNameMasked, String employerName,
			LocalDate issuedOn, LocalDate expiresOn, String issuer, Instant checkedAt, boolean ceOverdue,
			LocalDate stateChangedOn, String reason, String replacedBy, String kind, Transcript transcript) {
		this(status, certificateNumber, holderNameMasked, employerName, issuedOn, expiresOn, issuer, checkedAt,
				ceOverdue, stateChangedOn, reason, replacedBy, kind, transcript, null);
	}

	Verdict withAppointment(HolderAppointments.Appointment filed) {
		return new Verdict(this.status, this.certificateNumber, this.holderNameMasked, this.employerName, this.issuedOn,
				this.expiresOn, this.issuer, this.checkedAt, this.ceOverdue, this.stateChangedOn, this.reason,
				this.replacedBy, this.kind, this.transcript, filed);
	}

	static Verdict only(String status, Instant checkedAt) {
		return new Verdict(status, null, null, null, null, null, null, checkedAt, false, null, null, null, null, null);
	}

	/**
	 * The figures a CE transcript stated when issued.
	 *
	 * @param year the CE year
	 * @param requiredHours hours required
	 * @param earnedHours hours that counted
	 * @param professionalHours of them, professional
	 * @param ceStatus {@code MET}, {@code IN_PROGRESS} or {@code OVERDUE}
	 */
	public record Transcript(int year, double requiredHours, double earnedHours, double professionalHours,
			String ceStatus) {
	}

	public boolean genuine() {
		return this.certificateNumber != null;
	}

}
