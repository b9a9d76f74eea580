package academy.cqo.questionbank;

import java.util.List;

import academy.cqo.questionbank.domain.Markup;

/**
 * The platform's Markdown renderer for other modules (course lessons): the same
 * allow-list sanitiser question texts go through, so a lesson shows exactly what its
 * preview showed and nothing executable reaches a page.
 */
public final class Markdown {

	private Markdown() {
	}

	/**
	 * Render Markdown to safe HTML.
	 * @param markdown the text
	 * @return HTML that contains nothing executable
	 */
	public static String toHtml(String markdown) {
		return Markup.toHtml(markdown);
	}

	/**
	 * What the allow-list would remove because it could run script ({@code <script>},
	 * {@code img onerror}, {@code javascript:} links).
	 * @param markdown the text
	 * @return a description of each unsafe part, empty when the text is safe
	 */
	public static List<String> unsafeParts(String markdown) {
		return Markup.unsafeParts(markdown);
	}

}
