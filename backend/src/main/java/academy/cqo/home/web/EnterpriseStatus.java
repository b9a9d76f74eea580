package academy.cqo.home.web;

import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise against what the bureau expects of it (its own status page and
 * {@code GET /api/v1/me/enterprise-status}).
 *
 * @param creditCode the enterprise
 * @param name its name
 * @param regionName its county's full name
 * @param filing its filing
 * @param trained whether the current CQO is trained (completed a counted course or passed
 * an exam; the bureau's definition when the enterprise is in the roster)
 * @param cqoRegistered whether the current CQO has an account on the platform
 * @param certificate the current CQO's certificate, or {@code null}
 * @param ce the current CQO's CE this year, or {@code null}
 * @param roster its roster membership
 * @param matters open supervision matters addressed to it
 */
public record EnterpriseStatus(String creditCode, String name, String regionName, Filing filing, boolean trained,
		boolean cqoRegistered, Certificate certificate, Ce ce, Roster roster, List<Matter> matters) {

	/**
	 * The filing.
	 *
	 * @param latestId the newest filing, or {@code null} when none
	 * @param latestState its state ({@code DRAFT}, {@code SUBMITTED}, {@code APPROVED},
	 * {@code RETURNED}, {@code REJECTED})
	 * @param latestKind its kind
	 * @param currentId the filing of the CQO in office, or {@code null}
	 * @param filingNumber its number
	 * @param cqoName the CQO in office
	 * @param since the appointment's start month
	 */
	public record Filing(String latestId, String latestState, String latestKind, String currentId, String filingNumber,
			String cqoName, String since) {

		public boolean filed() {
			return this.currentId != null;
		}

	}

	/**
	 * A certificate.
	 *
	 * @param number its number
	 * @param status {@code VALID}, {@code SUSPENDED}, {@code REVOKED}, …
	 * @param expiresOn its expiry
	 */
	public record Certificate(String number, String status, LocalDate expiresOn) {
	}

	/**
	 * CE this year.
	 *
	 * @param year the year
	 * @param requiredHours hours required
	 * @param earnedHours hours earned
	 * @param met whether met
	 * @param hoursLeft hours still to earn
	 */
	public record Ce(int year, double requiredHours, double earnedHours, boolean met, double hoursLeft) {
	}

	/**
	 * Roster membership.
	 *
	 * @param listed whether the enterprise is in the bureau's roster (企业名录)
	 * @param aboveScale 规上
	 * @param keyCultivation 重点培育企业
	 * @param qualityAward 政府质量奖, or {@code null}
	 */
	public record Roster(boolean listed, boolean aboveScale, boolean keyCultivation, String qualityAward) {
	}

	/**
	 * An open supervision matter.
	 *
	 * @param caseId the case
	 * @param kind {@code INTERVIEW}, {@code WARNING} or {@code EXIT}
	 * @param state {@code OPEN}, {@code ESCALATED} or {@code RECTIFIED}
	 * @param cqoName the CQO concerned
	 * @param dueDate the rectification deadline, or {@code null}
	 * @param overdue whether the deadline passed
	 * @param rectificationDue whether the enterprise must still file a rectification
	 * report
	 */
	public record Matter(String caseId, String kind, String state, String cqoName, LocalDate dueDate, boolean overdue,
			boolean rectificationDue) {
	}

}
