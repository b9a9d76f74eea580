package academy.cqo.course;

import java.util.List;

import academy.cqo.questionbank.RenderedQuestion;

/**
 * One self-check question, and after checking, the answer and explanation.
 *
 * @param questionId the question
 * @param question the question as shown
 * @param given what the candidate chose (empty before checking)
 * @param key the correct option ids or {@code true}/{@code false} (empty before checking)
 * @param right whether the candidate was right ({@code null} before checking)
 * @param explanationHtml the explanation as safe HTML, or empty
 */
public record SelfCheckQuestion(String questionId, RenderedQuestion question, List<String> given, List<String> key,
		Boolean right, String explanationHtml) {
}
