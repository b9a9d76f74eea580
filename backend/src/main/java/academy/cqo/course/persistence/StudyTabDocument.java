package academy.cqo.course.persistence;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person's one active study tab and the day's credited time, keyed by account: opening
 * a module anywhere replaces the token, so only the tab opened last earns time, and every
 * heartbeat is one conditional update of this document.
 *
 * @param accountId the person
 * @param token the token of the tab opened last
 * @param moduleId the module it shows
 * @param openedAt when it was opened
 * @param lastBeatAt the previous accepted heartbeat (or the opening)
 * @param day the calendar day (ISO) {@code dayCredited} belongs to
 * @param dayCredited seconds credited that day
 */
@Document(StudyTabDocument.COLLECTION)
public record StudyTabDocument(@Id String accountId, String token, String moduleId, Instant openedAt,
		Instant lastBeatAt, String day, Long dayCredited) {

	public static final String COLLECTION = "study_tabs";

}
