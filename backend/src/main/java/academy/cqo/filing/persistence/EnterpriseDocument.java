package academy.cqo.filing.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An enterprise, keyed by its unified social credit code (one per code).
 *
 * @param creditCode the credit code
 * @param name the name
 * @param regionCode its county
 * @param industry GB/T 4754 section letter
 * @param enterpriseType {@code EnterpriseType} name
 * @param aboveScale 规模以上
 * @param size {@code EnterpriseSize} name
 * @param businessScope business scope and main products
 * @param legalRepresentative legal representative or principal
 * @param contactName the contact person
 * @param mobile the contact's mobile
 * @param email the contact's e-mail
 * @param accountIds the enterprise's accounts (the first registrant and invited contacts)
 * @param verified whether the county verified it (已核验)
 * @param verifiedBy who verified it
 * @param verifiedAt when
 * @param currentFilingId the filing of the current CQO, or {@code null}
 * @param currentSince since when (the appointment's start month)
 * @param createdAt when registered
 */
@Document(EnterpriseDocument.COLLECTION)
public record EnterpriseDocument(@Id String creditCode, String name, String regionCode, String industry,
		String enterpriseType, boolean aboveScale, String size, String businessScope, String legalRepresentative,
		String contactName, String mobile, String email, List<String> accountIds, boolean verified, String verifiedBy,
		Instant verifiedAt, String currentFilingId, String currentSince, Instant createdAt) {

	public static final String COLLECTION = "enterprises";

	public EnterpriseDocument {
		accountIds = (accountIds != null) ? List.copyOf(accountIds) : List.of();
	}

}
