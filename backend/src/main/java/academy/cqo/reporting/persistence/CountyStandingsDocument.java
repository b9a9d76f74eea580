package academy.cqo.reporting.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.reporting.CoverageCounts;
import academy.cqo.reporting.Standing;

/**
 * The reporting projection of one county: the standing of every roster enterprise of the
 * county (ordered by credit code) and their counts, written only whole by a
 * compare-and-set on {@code version} (see docs/REPORTING.md), so the counts always equal
 * the rows they were written with.
 *
 * @param county the county's code
 * @param version incremented by every write
 * @param ceYear the year whose CE the rows' {@code ceMet} is of
 * @param rows one per roster enterprise of the county
 * @param counts the counts of the rows
 * @param rowsHash SHA-256 of the rows' text, so the reconciliation can compare rows it
 * computed with the stored ones by reading only the small copy
 * @param computedAt when written
 */
@Document(CountyStandingsDocument.COLLECTION)
public record CountyStandingsDocument(@Id String county, long version, int ceYear, List<Standing> rows,
		CoverageCounts counts, String rowsHash, Instant computedAt) {

	public static final String COLLECTION = "report_counties";

	public CountyStandingsDocument {
		rows = (rows != null) ? List.copyOf(rows) : List.of();
	}

}
