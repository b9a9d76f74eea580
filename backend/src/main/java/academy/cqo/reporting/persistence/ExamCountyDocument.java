package academy.cqo.reporting.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import academy.cqo.course.Completions;
import academy.cqo.exam.AttemptResult;

/**
 * The final results of qualifying exams of one county's candidates (by their account's
 * region), ordered by attempt id, written only whole by a compare-and-set on
 * {@code version} like {@link CountyStandingsDocument}. Read only by the events that
 * change it; reports read its small copy {@link ExamFiguresDocument}.
 *
 * @param county the county's code (the candidates' region)
 * @param version incremented by every write
 * @param results one per graded attempt
 * @param resultsHash SHA-256 of the results' and completions' text, so the reconciliation
 * compares through the copy
 * @param computedAt when written
 * @param completions the county's candidates' first completions of a course that counts
 * as training, one per candidate, ordered by account id
 */
@Document(ExamCountyDocument.COLLECTION)
public record ExamCountyDocument(@Id String county, long version, List<AttemptResult> results, String resultsHash,
		Instant computedAt, List<Completions.Completed> completions) {

	public static final String COLLECTION = "report_exam_counties";

	public ExamCountyDocument {
		results = (results != null) ? List.copyOf(results) : List.of();
		completions = (completions != null) ? List.copyOf(completions) : List.of();
	}

}
