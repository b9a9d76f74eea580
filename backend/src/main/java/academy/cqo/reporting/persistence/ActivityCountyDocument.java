package academy.cqo.reporting.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a county's dashboard counters count, by the id of each counted thing: its approved
 * appointment filings and its talent-pool entries issued in the counted months, and its
 * filings awaiting review. Written only whole by a compare-and-set on {@code version}
 * like {@link ExamCountyDocument}; a count is never incremented, only counted from these
 * lists, so an event told twice or two events racing cannot skew it. Read only by the
 * events that change it; dashboards read its small copy {@link ActivityFiguresDocument}.
 *
 * @param county the county's code
 * @param version incremented by every write
 * @param approvals approved appointment filings (id, month decided), ordered by id
 * @param issued talent-pool entries (holder's account id, month issued), ordered by id
 * @param submitted filings awaiting review (ids, ordered)
 * @param hash SHA-256 of the three lists, so the reconciliation compares through the copy
 * @param computedAt when written
 */
@Document(ActivityCountyDocument.COLLECTION)
public record ActivityCountyDocument(@Id String county, long version, List<Mark> approvals, List<Mark> issued,
		List<String> submitted, String hash, Instant computedAt) {

	public static final String COLLECTION = "report_activity_counties";

	public ActivityCountyDocument {
		approvals = (approvals != null) ? List.copyOf(approvals) : List.of();
		issued = (issued != null) ? List.copyOf(issued) : List.of();
		submitted = (submitted != null) ? List.copyOf(submitted) : List.of();
	}

	/**
	 * One counted thing and the month it counts in.
	 *
	 * @param id the filing's id or the holder's account id
	 * @param month {@code 2026-11}, platform zone
	 */
	public record Mark(String id, String month) {
	}

}
