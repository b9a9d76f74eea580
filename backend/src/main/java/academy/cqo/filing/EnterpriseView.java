package academy.cqo.filing;

import java.time.Instant;

/**
 * An enterprise as it and the bureaus in scope see it.
 *
 * @param creditCode the credit code
 * @param name the name
 * @param regionCode its county
 * @param regionName the county's name
 * @param industry GB/T 4754 section
 * @param enterpriseType the type
 * @param aboveScale above designated size
 * @param size the size
 * @param businessScope business scope and main products
 * @param legalRepresentative legal representative or principal
 * @param contactName the contact
 * @param mobile the contact's mobile
 * @param email the contact's e-mail
 * @param verified verified by the county
 * @param verifiedAt when
 * @param currentCqo the current CQO, or {@code null}
 * @param createdAt when registered
 */
public record EnterpriseView(String creditCode, String name, String regionCode, String regionName, String industry,
		String enterpriseType, boolean aboveScale, String size, String businessScope, String legalRepresentative,
		String contactName, String mobile, String email, boolean verified, Instant verifiedAt, CurrentCqo currentCqo,
		Instant createdAt) {

	/**
	 * The enterprise's CQO today.
	 *
	 * @param fullName the name
	 * @param filingNumber the approved filing's number
	 * @param since the appointment's start month
	 * @param filingId the filing
	 */
	public record CurrentCqo(String fullName, String filingNumber, String since, String filingId) {
	}

}
