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
 */
@Document(CountyFiguresDocument.COLLECTION)
public record CountyFiguresDocument(@Id String county, long version, int ceYear, CoverageCounts counts,
		String rowsHash) {

	public static final String COLLECTION = "report_figures";

}
