package academy.cqo.certificate;

import reactor.core.publisher.Mono;

/**
 * A certificate holder's appointment as an enterprise's CQO (任职备案), shown with the
 * certificate, its verification and the talent pool. The filing module provides it;
 * without one nothing is shown.
 */
public interface HolderAppointments {

	/**
	 * The holder's current appointment, or the last one that ended.
	 * @param accountId the holder's account
	 * @return the appointment, or empty when none was filed
	 */
	Mono<Appointment> latest(String accountId);

	/**
	 * An approved appointment.
	 *
	 * @param enterpriseName the enterprise
	 * @param creditCode its unified social credit code
	 * @param filingNumber the filing number (备案编号)
	 * @param since the month it started ({@code YYYY-MM})
	 * @param endMonth the month it ended, or {@code null} while current (a holder whose
	 * appointment ended stays in the talent pool, available for appointment)
	 */
	record Appointment(String enterpriseName, String creditCode, String filingNumber, String since, String endMonth) {

		public boolean current() {
			return this.endMonth == null;
		}

	}

}
