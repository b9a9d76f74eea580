package academy.cqo.certificate;

import reactor.core.publisher.Mono;

/**
 * The port through which other modules hear that a holder's certificates changed (one
 * issued, suspended, reinstated, revoked or superseded), called after the change is
 * stored. An implementation must be idempotent and should not fail: a failure is logged
 * and not repeated (the reporting module's reconciliation heals what it missed).
 */
public interface CertificateChanges {

	/**
	 * A holder's certificates changed.
	 * @param accountId the holder
	 * @return completes when taken note of
	 */
	Mono<Void> certificatesChanged(String accountId);

}
