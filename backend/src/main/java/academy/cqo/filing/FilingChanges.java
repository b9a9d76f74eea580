package academy.cqo.filing;

import reactor.core.publisher.Mono;

/**
 * The port through which other modules hear that a filing's state changed: submitted
 * (also a dismissal, filed submitted), approved (also imported, and again when the sweep
 * finishes an interrupted approval), returned or rejected. Called after the change is
 * stored; an implementation must be idempotent (read the filing's state afresh,
 * {@link FilingStatuses#of}) and should not fail: a failure is logged and not repeated
 * (the reporting module's reconciliation heals what it missed).
 */
public interface FilingChanges {

	/**
	 * A filing's state changed.
	 * @param filingId the filing
	 * @return completes when taken note of
	 */
	Mono<Void> filingChanged(String filingId);

}
