package academy.cqo.exam;

/**
 * The outcome of a submission, as its candidate may see it.
 *
 * @param status {@code SUBMITTED} (essays await marking) or {@code GRADED}
 * @param score the score, when final and released
 * @param maxScore the highest possible score
 * @param passed whether it passed, when final and released
 */
public record AttemptOutcome(String status, Double score, double maxScore, Boolean passed) {
}
