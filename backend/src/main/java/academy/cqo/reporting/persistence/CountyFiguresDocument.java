package academy.cqo.reporting.persistence;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.reporting.CoverageCounts;

/**
 * A small copy of a county's counts (a few hundred bytes, so a province's report reads
 * about a hundred of them instead of every row), written after the county's
 * {@link CountyStandingsDocument} and never replaced by an older version.
 *
 * @param county the county's code
 * @param version the version of the county document it copies
 * @param ceYear the CE year
 * @param counts the counts
 * @param rowsHash the county document's {@code rowsHash}
 * @param expiries certified rows per certificate expiry date (ISO), so a read subtracts
 * the certificates that expired since the counts were written
 */
@Document(CountyFiguresDocument.COLLECTION)
public record CountyFiguresDocument(@Id String county, long version, int ceYear, CoverageCounts counts, String rowsHash,
		java.util.Map<String, Long> expiries) {

	public static final String COLLECTION = "report_figures";

	public CountyFiguresDocument {
		expiries = (expiries != null) ? java.util.Map.copyOf(expiries) : java.util.Map.of();
	}

	/**
	 * The counts as of a day: certificates that expired before it no longer count.
	 * @param today the day
	 * @return the counts
	 */
	public CoverageCounts countsOn(java.time.LocalDate today) {
		String day = today.toString();
		long expired = this.expiries.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().compareTo(day) < 0)
			.mapToLong(java.util.Map.Entry::getValue)
			.sum();
		return (expired == 0) ? this.counts : this.counts.withCertified(this.counts.certified() - expired);
	}

}
