package academy.cqo.questionbank;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import academy.cqo.questionbank.domain.Markup;
import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;

/**
 * A question as a candidate sees it: sanitised HTML, options in delivery order with the
 * letters they are shown under, blanks as numbered input boxes, no answer key. The exam
 * page and the authoring preview render the same thing.
 *
 * @param type the question type's code
 * @param stemHtml the stem as safe HTML; a fill-in question's blanks are
 * {@code <span class="blank" data-blank="n">} placeholders
 * @param options the options in delivery order
 * @param blanks how many blanks a fill-in question has
 * @param score the score
 */
public record RenderedQuestion(String type, String stemHtml, List<RenderedOption> options, int blanks, double score) {

	private static final Pattern BLANK = Pattern.compile("\\{\\{(\\d+)}}");

	/**
	 * One option as shown.
	 *
	 * @param id the stable option id (what an answer refers to)
	 * @param letter the letter shown (A, B, …)
	 * @param html the option's text as safe HTML
	 */
	public record RenderedOption(String id, String letter, String html) {
	}

	/**
	 * Render a question with its options in authoring order.
	 * @param content the question
	 * @return what a candidate sees
	 */
	public static RenderedQuestion of(QuestionContent content) {
		return of(content, content.options().stream().map(Option::id).toList());
	}

	/**
	 * Render a question with its options in a given (shuffled) order.
	 * @param content the question
	 * @param optionOrder option ids in the order shown
	 * @return what a candidate sees
	 */
	public static RenderedQuestion of(QuestionContent content, List<String> optionOrder) {
		List<RenderedOption> options = new ArrayList<>();
		int index = 0;
		for (String id : optionOrder) {
			Option option = content.options().stream().filter((o) -> o.id().equals(id)).findFirst().orElseThrow();
			options.add(new RenderedOption(id, String.valueOf((char) ('A' + index++)), inline(option.text())));
		}
		String stem = Markup.toHtml(content.stem());
		Matcher matcher = BLANK.matcher(stem);
		StringBuilder html = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(html,
					"<span class=\"blank\" data-blank=\"" + matcher.group(1) + "\">（" + matcher.group(1) + "）</span>");
		}
		matcher.appendTail(html);
		return new RenderedQuestion(content.type().code(), html.toString(), options, content.blanks().size(),
				content.score());
	}

	private static String inline(String markdown) {
		String html = Markup.toHtml(markdown).strip();
		if (html.startsWith("<p>") && html.endsWith("</p>") && html.indexOf("<p>", 3) < 0) {
			return html.substring(3, html.length() - 4);
		}
		return html;
	}

}
