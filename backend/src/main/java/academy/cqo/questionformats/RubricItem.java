package academy.cqo.questionformats;

/**
 * One line of an essay's marking rubric.
 *
 * @param points the points this criterion is worth
 * @param criterion what earns them
 */
public record RubricItem(double points, String criterion) {
}
