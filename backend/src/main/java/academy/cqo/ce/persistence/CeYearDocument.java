package academy.cqo.ce.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A holder's closed CE year, keyed {@code accountId:year}: written once, so closing a
 * year again finds it and changes nothing.
 *
 * @param id {@code accountId:year}
 * @param accountId the holder
 * @param year the year
 * @param requiredHours the hours required
 * @param earnedHours the hours that counted at closing
 * @param professionalHours of them, professional
 * @param overdue whether the holder fell short
 * @param closedAt when the year was closed
 */
@Document(CeYearDocument.COLLECTION)
public record CeYearDocument(@Id String id, String accountId, Integer year, Double requiredHours, Double earnedHours,
		Double professionalHours, Boolean overdue, Instant closedAt) {

	public static final String COLLECTION = "ce_years";

	public static String idOf(String accountId, int year) {
		return accountId + ":" + year;
	}

	public boolean isOverdue() {
		return Boolean.TRUE.equals(this.overdue);
	}

}
