package academy.cqo.certificate;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.certificate.persistence.CeStandingStore;
import academy.cqo.certificate.persistence.TalentPoolStore;

/**
 * Whether certificate holders kept up their yearly continuing education. The CE module
 * records each closed year here (idempotently: recording a year again with the same
 * outcome changes nothing); certificates and the talent pool read it to show "CE overdue"
 * or to suspend, as the settings say.
 */
@Service
public class CeStandings {

	private final CeStandingStore store;

	private final TalentPoolStore pool;

	private final VerificationCache verifications;

	CeStandings(CeStandingStore store, TalentPoolStore pool, VerificationCache verifications) {
		this.store = store;
		this.pool = pool;
		this.verifications = verifications;
	}

	/**
	 * Record the outcome of a closed CE year.
	 * @param accountId the holder
	 * @param year the calendar year
	 * @param overdue whether the holder fell short that year
	 * @return completes when stored
	 */
	public Mono<Void> record(String accountId, int year, boolean overdue) {
		return this.store.record(accountId, year, overdue)
			.doOnSuccess((recorded) -> this.verifications.forget(accountId))
			.then(overdue(accountId))
			.flatMap((now) -> this.pool.markCeOverdue(accountId, now));
	}

	/**
	 * Whether the holder is CE-overdue: the latest closed year on record fell short.
	 * @param accountId the holder
	 * @return whether overdue; {@code false} with nothing on record
	 */
	public Mono<Boolean> overdue(String accountId) {
		return this.store.find(accountId).map(CeStandingStore.Standing::isOverdue).defaultIfEmpty(false);
	}

}
