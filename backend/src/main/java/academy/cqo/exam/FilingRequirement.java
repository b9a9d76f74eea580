package academy.cqo.exam;

import reactor.core.publisher.Mono;

/**
 * Whether a candidate is a filed CQO (先聘任后培训): an enterprise's appointment of the person
 * was approved by the county and has not ended. The filing module provides it; without
 * one, a session that requires a filing admits nobody.
 */
public interface FilingRequirement {

	/**
	 * Whether the account's holder is an enterprise's current, approved CQO.
	 * @param accountId the candidate's account
	 * @return {@code true} when an approved appointment is current
	 */
	Mono<Boolean> approved(String accountId);

}
