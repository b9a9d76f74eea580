package academy.cqo.certificate.domain;

import academy.cqo.shared.Lifecycle;

/**
 * What an issued certificate says about its holder: valid ({@link #ACTIVE}), suspended,
 * revoked, or superseded by a corrected reissue. A suspended certificate is reinstated or
 * revoked; revoked and superseded are final. (Expiry and an overdue CE ledger are read
 * from dates, not stored here.)
 */
public enum CertificateState implements Lifecycle<CertificateState> {

	/** In force. */
	ACTIVE,

	/** Suspended by an administrator or a sanction; may be reinstated. */
	SUSPENDED,

	/** Revoked; final. */
	REVOKED,

	/** Replaced by a corrected certificate; final. */
	SUPERSEDED;

	/** The stored field. */
	public static final String FIELD = "state";

	@Override
	public boolean canMoveTo(CertificateState next) {
		return switch (this) {
			case ACTIVE -> next == SUSPENDED || next == REVOKED || next == SUPERSEDED;
			case SUSPENDED -> next == ACTIVE || next == REVOKED || next == SUPERSEDED;
			case REVOKED, SUPERSEDED -> false;
		};
	}

	@Override
	public String field() {
		return FIELD;
	}

	/**
	 * The state a stored value names.
	 * @param stored the stored value
	 * @return the state
	 */
	public static CertificateState from(String stored) {
		return Lifecycle.from(CertificateState.class, stored);
	}

}
