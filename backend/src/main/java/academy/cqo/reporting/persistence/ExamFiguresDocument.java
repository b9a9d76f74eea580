package academy.cqo.reporting.persistence;

import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.reporting.SessionTally;

/**
 * A small copy of what a county's {@link ExamCountyDocument} counts: its six most
 * recently closing sessions' tallies and its candidates' first passes per month (a
 * province's dashboard reads about a hundred of these). Never replaced by an older
 * version.
 *
 * @param county the county's code
 * @param version the version of the county document it copies
 * @param resultsHash the county document's {@code resultsHash}
 * @param sessions the tallies of the county's most recently closing sessions, newest
 * first
 * @param firstPasses month ({@code 2026-11}, platform zone) → candidates whose first pass
 * started in it
 * @param firstTrained month → candidates first trained in it: the earlier of their first
 * pass's start and their first completion of a course that counts
 */
@Document(ExamFiguresDocument.COLLECTION)
public record ExamFiguresDocument(@Id String county, long version, String resultsHash, List<SessionTally> sessions,
		Map<String, Long> firstPasses, Map<String, Long> firstTrained) {

	public static final String COLLECTION = "report_exam_figures";

	public ExamFiguresDocument {
		sessions = (sessions != null) ? List.copyOf(sessions) : List.of();
		firstPasses = (firstPasses != null) ? Map.copyOf(firstPasses) : Map.of();
		firstTrained = (firstTrained != null) ? Map.copyOf(firstTrained) : Map.of();
	}

}
