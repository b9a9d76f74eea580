package academy.cqo.questionbank;

import academy.cqo.questionformats.QuestionContent;

/**
 * The exact version of a question that was (or is about to be) shown to a candidate. It
 * never changes.
 *
 * @param questionId the question
 * @param bankId its bank
 * @param version the version number
 * @param content what it says
 */
public record QuestionVersion(String questionId, String bankId, int version, QuestionContent content) {
}
