package academy.cqo.questionbank.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The journal of one import, which makes it all-or-nothing without transactions: new
 * questions are written invisible (marked with the import's id), the journal flips to
 * {@code COMMITTING} in one atomic update, and only then are they made visible and the
 * changed questions given new versions. An import found {@code WRITING} after a crash is
 * rolled back; one found {@code COMMITTING} is rolled forward.
 *
 * @param id the import's id
 * @param bankId the bank
 * @param state an {@code ImportState}'s name: {@code WRITING}, {@code COMMITTING},
 * {@code DONE} or {@code ABANDONED}
 * @param fileName the uploaded file's name
 * @param format the format read
 * @param imported questions added
 * @param updated questions given a new version
 * @param skippedDuplicates questions skipped as duplicates
 * @param startedAt when it started
 * @param startedBy who started it
 * @param finishedAt when it finished, or {@code null}
 */
@Document(ImportDocument.COLLECTION)
public record ImportDocument(@Id String id, String bankId, String state, String fileName, String format, int imported,
		int updated, int skippedDuplicates, Instant startedAt, String startedBy, Instant finishedAt) {

	public static final String COLLECTION = "question_imports";

}
