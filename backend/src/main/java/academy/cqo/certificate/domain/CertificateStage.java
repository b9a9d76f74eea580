package academy.cqo.certificate.domain;

import academy.cqo.shared.Lifecycle;

/**
 * How far a certificate's issue has come: a pass asks for one ({@link #PENDING}), it is
 * issued (numbered, signed, its PDF stored) or fails (a missing glyph, missing data); a
 * failed one is tried again once its cause is fixed. An issue racing a failure still
 * wins. Nothing leaves {@link #ISSUED}.
 */
public enum CertificateStage implements Lifecycle<CertificateStage> {

	/** Asked for, not yet issued. */
	PENDING,

	/** Issued: numbered, signed and stored. */
	ISSUED,

	/** Could not be issued; see its failure key. */
	FAILED;

	/** The stored field. */
	public static final String FIELD = "stage";

	@Override
	public boolean canMoveTo(CertificateStage next) {
		return switch (this) {
			case PENDING -> next == ISSUED || next == FAILED;
			case FAILED -> next == PENDING || next == ISSUED;
			case ISSUED -> false;
		};
	}

	@Override
	public String field() {
		return FIELD;
	}

	/**
	 * The stage a stored value names.
	 * @param stored the stored value
	 * @return the stage
	 */
	public static CertificateStage from(String stored) {
		return Lifecycle.from(CertificateStage.class, stored);
	}

}
