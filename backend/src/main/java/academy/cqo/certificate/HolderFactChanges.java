package academy.cqo.certificate;

import org.springframework.stereotype.Component;

/**
 * How other modules tell verification that a fact about holders it shows from their
 * records changed, so that the next verification reads it afresh instead of reusing it
 * ({@link VerificationCache}): the filing module when an appointment is approved, changed
 * or ended, the supervision module when an honour is awarded. Only this instance's memory
 * is affected; another instance shows the change within
 * {@link VerificationCache#HOLDER_FACTS_FOR}.
 */
@Component
public class HolderFactChanges {

	private final VerificationCache cache;

	HolderFactChanges(VerificationCache cache) {
		this.cache = cache;
	}

	/**
	 * Some holder's appointment changed (the filing module knows the enterprise, not the
	 * holder, and appointments change seldom): every remembered appointment is forgotten.
	 */
	public void appointmentsChanged() {
		this.cache.forgetAll("appointment");
	}

	/**
	 * A holder's honours changed.
	 * @param accountId the holder
	 */
	public void honoursChanged(String accountId) {
		this.cache.forget("honours", accountId);
	}

}
