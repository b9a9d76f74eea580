package academy.cqo.reporting.persistence;

import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The small copy of what a county's {@link ActivityCountyDocument} counts (a province's
 * dashboard reads about a hundred of these). Never replaced by an older version.
 *
 * @param county the county's code
 * @param version the version of the county document it copies
 * @param hash the county document's {@code hash}
 * @param approved month ({@code 2026-11}) → approved appointment filings decided in it
 * @param issued month → talent-pool entries issued in it
 * @param toReview filings awaiting review now
 */
@Document(ActivityFiguresDocument.COLLECTION)
public record ActivityFiguresDocument(@Id String county, long version, String hash, Map<String, Long> approved,
		Map<String, Long> issued, long toReview) {

	public static final String COLLECTION = "report_activity_figures";

	public ActivityFiguresDocument {
		approved = (approved != null) ? Map.copyOf(approved) : Map.of();
		issued = (issued != null) ? Map.copyOf(issued) : Map.of();
	}

}
