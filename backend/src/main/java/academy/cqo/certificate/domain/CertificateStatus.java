package academy.cqo.certificate.domain;

import java.time.LocalDate;

/**
 * The verdict on a genuine certificate, from its state, its dates and the holder's CE
 * standing.
 */
public final class CertificateStatus {

	public static final String VALID = "VALID";

	public static final String EXPIRED = "EXPIRED";

	public static final String SUSPENDED = "SUSPENDED";

	public static final String REVOKED = "REVOKED";

	public static final String SUPERSEDED = "SUPERSEDED";

	public static final String INVALID = "INVALID";

	/** A number and name that match no certificate (never says which was wrong). */
	public static final String NOT_FOUND = "NOT_FOUND";

	private CertificateStatus() {
	}

	/**
	 * The verdict.
	 * @param state the stored state ({@code ACTIVE}, {@code SUSPENDED}, {@code REVOKED},
	 * {@code SUPERSEDED})
	 * @param expiresOn the expiry date
	 * @param today today in the issuing time zone
	 * @param ceOverdue whether the holder is CE-overdue
	 * @param suspendWhenCeOverdue whether CE-overdue suspends (otherwise it is only
	 * shown)
	 * @return the verdict
	 */
	public static String of(String state, LocalDate expiresOn, LocalDate today, boolean ceOverdue,
			boolean suspendWhenCeOverdue) {
		return switch (state) {
			case "REVOKED" -> REVOKED;
			case "SUSPENDED" -> SUSPENDED;
			case "SUPERSEDED" -> SUPERSEDED;
			default -> {
				if (today.isAfter(expiresOn)) {
					yield EXPIRED;
				}
				yield (ceOverdue && suspendWhenCeOverdue) ? SUSPENDED : VALID;
			}
		};
	}

}
