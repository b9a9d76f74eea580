package academy.cqo.certificate;

import reactor.core.publisher.Flux;

/**
 * A port other modules implement to tell what honours a certificate holder has earned
 * (e.g. the supervision module's excellent-CQO awards), so that verification and the
 * talent pool can show them without this module depending on theirs.
 */
public interface HolderHonours {

	/**
	 * The honours of a holder.
	 * @param accountId the holder's account
	 * @return the honours, any order
	 */
	Flux<Honour> of(String accountId);

	/**
	 * An honour.
	 *
	 * @param year the year it is for
	 * @param kind what it is ({@code EXCELLENT_CQO}), shown through the message
	 * {@code honour.<kind>} with the year as argument
	 * @param title the title in Chinese as it is proclaimed (2026年度优秀首席质量官)
	 */
	record Honour(int year, String kind, String title) {
	}

}
