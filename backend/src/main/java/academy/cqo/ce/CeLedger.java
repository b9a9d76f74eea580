package academy.cqo.ce;

import java.util.List;

/**
 * A holder's CE ledger for one year: the requirement, every entry and the totals. Also
 * everything a yearly transcript shows.
 *
 * @param accountId the holder
 * @param fullName the holder's name
 * @param regionCode the holder's region (whose province sets the requirement)
 * @param year the calendar year
 * @param requiredHours hours required
 * @param requiredProfessionalHours of them, hours in professional subjects
 * @param earnedHours hours that count
 * @param professionalHours of them, professional
 * @param status {@code MET}, {@code IN_PROGRESS}, or {@code OVERDUE} (the year was closed
 * short)
 * @param closed whether the year was closed
 * @param entries the entries, by date
 */
public record CeLedger(String accountId, String fullName, String regionCode, int year, double requiredHours,
		double requiredProfessionalHours, double earnedHours, double professionalHours, String status, boolean closed,
		List<CeEntry> entries) {

	public static final String MET = "MET";

	public static final String IN_PROGRESS = "IN_PROGRESS";

	public static final String OVERDUE = "OVERDUE";

	public CeLedger {
		entries = List.copyOf(entries);
	}

	public double missingHours() {
		return Math.max(0, round(this.requiredHours - this.earnedHours));
	}

	public double missingProfessionalHours() {
		return Math.max(0, round(this.requiredProfessionalHours - this.professionalHours));
	}

	public boolean met() {
		return missingHours() == 0 && missingProfessionalHours() == 0;
	}

	public int percent() {
		return (this.requiredHours <= 0) ? 100 : (int) Math.min(100, this.earnedHours * 100 / this.requiredHours);
	}

	static double round(double hours) {
		return Math.round(hours * 100) / 100.0;
	}

}
