package academy.cqo.questionbank;

import academy.cqo.questionformats.QuestionType;
import academy.cqo.questionformats.ReviewStatus;

/**
 * Which of a bank's questions to list.
 *
 * @param type only this type, or {@code null}
 * @param tag only this knowledge point or those below it, or {@code null}
 * @param difficulty only this difficulty, or {@code null}
 * @param status only this status, or {@code null} for all that are not retired
 * @param text only questions whose stem, options or code contain this, or {@code null}
 * @param anyStatus with {@code status} {@code null}: retired questions too
 */
public record QuestionFilter(QuestionType type, String tag, Integer difficulty, ReviewStatus status, String text,
		boolean anyStatus) {

}
