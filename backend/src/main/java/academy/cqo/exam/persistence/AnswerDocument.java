package academy.cqo.exam.persistence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The latest acknowledged answer to one question of one attempt, in its own small
 * document so that an autosave writes a few hundred bytes instead of rewriting the whole
 * attempt (paper, log and every other answer). Its id is {@code attemptId:questionId}, so
 * it is found and updated by key; the sequence number guards against older answers
 * arriving late, and {@code sealed} (set when the attempt is graded) against answers
 * arriving after the grader read them (one conditional upsert: see
 * {@link AttemptStore#saveAnswer}).
 *
 * @param id {@code attemptId:questionId}
 * @param attemptId the attempt
 * @param questionId the question
 * @param response option ids, {@code true}/{@code false}, or texts per blank
 * @param seq the sequence number the page gave it ({@code null} with no answer)
 * @param savedAt when it was saved
 * @param sealed whether grading has read the attempt's answers (none is accepted after
 * that), or {@code null}
 */
@Document(AnswerDocument.COLLECTION)
public record AnswerDocument(@Id String id, String attemptId, String questionId, List<String> response, Long seq,
		Instant savedAt, Boolean sealed) {

	public static final String COLLECTION = "attempt_answers";

	public static String idOf(String attemptId, String questionId) {
		return attemptId + ":" + questionId;
	}

	boolean answered() {
		return this.response != null && this.seq != null;
	}

	boolean isSealed() {
		return Boolean.TRUE.equals(this.sealed);
	}

	AttemptDocument.SavedAnswer saved() {
		return new AttemptDocument.SavedAnswer(this.response, this.seq, this.savedAt);
	}

}
