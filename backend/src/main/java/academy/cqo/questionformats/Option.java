package academy.cqo.questionformats;

/**
 * One option of a choice question. The id ({@code a}, {@code b}, …) is stable for the
 * life of the question; the letter a candidate sees is assigned at delivery.
 *
 * @param id the stable option id
 * @param text Markdown text of the option
 */
public record Option(String id, String text) {
}
