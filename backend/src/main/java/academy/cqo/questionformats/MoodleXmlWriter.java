package academy.cqo.questionformats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a bank as Moodle XML; see {@link MoodleXmlFormat} for the layout.
 */
final class MoodleXmlWriter {

	private static final Pattern BLANK = Pattern.compile("\\{\\{(\\d+)}}");

	private static final Pattern NOT_XML = Pattern
		.compile("[^\\t\\n\\x20-\\x{D7FF}\\x{E000}-\\x{FFFD}\\x{10000}-\\x{10FFFF}]");

	private static final int NAME_LENGTH = 60;

	private final StringBuilder out = new StringBuilder();

	byte[] write(ExportedBank bank) {
		this.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");
		this.out.append("<!-- ").append(comment(bank.name())).append(" -->\n");
		for (Map.Entry<String, List<QuestionDraft>> group : MoodleCategories.byFirstTag(bank.questions()).entrySet()) {
			if (!group.getKey().isEmpty()) {
				category(group.getKey());
			}
			for (QuestionDraft question : group.getValue()) {
				question(question);
			}
		}
		this.out.append("</quiz>\n");
		return this.out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void category(String tag) {
		this.out.append("  <question type=\"category\">\n    <category>\n");
		this.out.append("      <text>").append(escape(MoodleCategories.toPath(tag))).append("</text>\n");
		this.out.append("    </category>\n  </question>\n");
	}

	private void question(QuestionDraft question) {
		QuestionContent content = question.content();
		boolean cloze = content.type() == QuestionType.FILL && content.blanks().size() > 1;
		this.out.append("  <question type=\"").append(moodleType(content.type(), cloze)).append("\">\n");
		this.out.append("    <name>\n      <text>").append(escape(name(question))).append("</text>\n    </name>\n");
		String stem = cloze ? clozeText(content) : content.stem();
		text("questiontext", stem);
		text("generalfeedback", (content.explanation() != null) ? content.explanation() : "");
		element("defaultgrade", Scores.format(content.score()));
		element("penalty", (content.type() == QuestionType.TRUE_FALSE) ? "1" : "0.3333333");
		element("hidden", "0");
		element("idnumber", (question.code() != null) ? escape(question.code()) : "");
		switch (content.type()) {
			case SINGLE, MULTIPLE -> choice(content);
			case TRUE_FALSE -> {
				answer(content.trueFalseAnswer() ? "100" : "0", "true");
				answer(content.trueFalseAnswer() ? "0" : "100", "false");
			}
			case FILL -> shortAnswer(content, cloze);
			case ESSAY -> essay(content);
		}
		tags(question);
		this.out.append("  </question>\n");
	}

	private static String moodleType(QuestionType type, boolean cloze) {
		return switch (type) {
			case SINGLE, MULTIPLE -> "multichoice";
			case TRUE_FALSE -> "truefalse";
			case FILL -> cloze ? "cloze" : "shortanswer";
			case ESSAY -> "essay";
		};
	}

	/**
	 * Single choice: the key is worth 100%, the others nothing. Multiple choice: each key
	 * option is worth an equal share and each other option takes the whole mark away, so
	 * Moodle grades as strictly as the platform does.
	 */
	private void choice(QuestionContent content) {
		boolean single = content.type() == QuestionType.SINGLE;
		element("single", String.valueOf(single));
		element("shuffleanswers", "true");
		element("answernumbering", "ABCD");
		String share = weight(100.0 / Math.max(1, content.answer().size()));
		for (Option option : content.options()) {
			boolean right = content.answer().contains(option.id());
			answer(right ? (single ? "100" : share) : (single ? "0" : "-100"), option.text());
		}
	}

	private void shortAnswer(QuestionContent content, boolean cloze) {
		if (cloze) {
			return;
		}
		element("usecase", "0");
		for (String accepted : content.blanks().isEmpty() ? List.<String>of() : content.blanks().get(0)) {
			answer("100", accepted);
		}
	}

	private void essay(QuestionContent content) {
		element("responseformat", "editor");
		element("responserequired", "1");
		element("responsefieldlines", "15");
		element("attachments", "0");
		element("attachmentsrequired", "0");
		text("graderinfo", (content.referenceAnswer() != null) ? content.referenceAnswer() : "");
		this.out.append("    <responsetemplate format=\"html\">\n      <text></text>\n    </responsetemplate>\n");
	}

	/**
	 * Tags: those after the first (the first is the category), then the {@code cqo:}
	 * entries (see {@link CqoMetadata}).
	 */
	private void tags(QuestionDraft question) {
		List<String> tags = new ArrayList<>(
				question.tags().subList(Math.min(1, question.tags().size()), question.tags().size()));
		tags.addAll(CqoMetadata.entries(question, false));
		this.out.append("    <tags>\n");
		for (String tag : tags) {
			this.out.append("      <tag><text>").append(cdata(tag)).append("</text></tag>\n");
		}
		this.out.append("    </tags>\n");
	}

	/**
	 * The stem of a fill-in question with several blanks as Cloze text: each
	 * {@code {{n}}} becomes {@code {w:SHORTANSWER:=a~=b}}, w sharing the score when it
	 * divides evenly.
	 */
	private static String clozeText(QuestionContent content) {
		List<List<String>> blanks = content.blanks();
		double share = content.score() / blanks.size();
		String weight = (share >= 1 && share == Math.rint(share)) ? String.valueOf((long) share) : "1";
		Matcher marker = BLANK.matcher(content.stem());
		StringBuilder text = new StringBuilder();
		while (marker.find()) {
			int number = Integer.parseInt(marker.group(1));
			String replacement = marker.group();
			if (number >= 1 && number <= blanks.size()) {
				List<String> answers = blanks.get(number - 1).stream().map(MoodleXmlWriter::clozeAnswer).toList();
				replacement = "{" + weight + ":SHORTANSWER:=" + String.join("~=", answers) + "}";
			}
			marker.appendReplacement(text, Matcher.quoteReplacement(replacement));
		}
		marker.appendTail(text);
		return text.toString();
	}

	private static String clozeAnswer(String answer) {
		String escaped = answer.replace("\\", "\\\\").replace("}", "\\}").replace("#", "\\#").replace("~", "\\~");
		return escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private void text(String name, String text) {
		this.out.append("    <").append(name).append(" format=\"markdown\">\n");
		this.out.append("      <text>").append(cdata(text)).append("</text>\n");
		this.out.append("    </").append(name).append(">\n");
	}

	private void answer(String fraction, String text) {
		this.out.append("    <answer fraction=\"").append(fraction).append("\" format=\"markdown\">\n");
		this.out.append("      <text>").append(cdata(text)).append("</text>\n");
		this.out.append("      <feedback format=\"markdown\">\n        <text></text>\n      </feedback>\n");
		this.out.append("    </answer>\n");
	}

	private void element(String name, String escapedValue) {
		this.out.append("    <").append(name).append('>').append(escapedValue).append("</").append(name).append(">\n");
	}

	/**
	 * Moodle requires a name; the code serves, or the start of the stem.
	 */
	private static String name(QuestionDraft question) {
		if (question.code() != null) {
			return question.code();
		}
		String stem = question.content().stem().replaceAll("\\s+", " ").strip();
		return (stem.length() > NAME_LENGTH) ? stem.substring(0, NAME_LENGTH) + "…" : stem;
	}

	private static String cdata(String text) {
		if (text.isEmpty()) {
			return "";
		}
		return "<![CDATA[" + xmlCharacters(text).replace("]]>", "]]]]><![CDATA[>") + "]]>";
	}

	private static String escape(String text) {
		return xmlCharacters(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String comment(String text) {
		return xmlCharacters(text).replace("--", "- -").replaceAll("-$", "- ");
	}

	private static String xmlCharacters(String text) {
		return NOT_XML.matcher(text).replaceAll("");
	}

	private static String weight(double percent) {
		return BigDecimal.valueOf(percent).setScale(5, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}
