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
 * Writes a bank as GIFT; see {@link GiftFormat} for the layout.
 */
final class GiftWriter {

	private static final Pattern BLANK = Pattern.compile("\\{\\{(\\d+)}}");

	byte[] write(ExportedBank bank) {
		StringBuilder out = new StringBuilder();
		comment(out, bank.name());
		if (bank.description() != null) {
			comment(out, bank.description());
		}
		out.append("// CQO Academy: the cqo:… comments carry difficulty, status, score, source and rubric.\n\n");
		for (Map.Entry<String, List<QuestionDraft>> group : MoodleCategories.byFirstTag(bank.questions()).entrySet()) {
			if (!group.getKey().isEmpty()) {
				out.append("$CATEGORY: ").append(MoodleCategories.toPath(group.getKey())).append("\n\n");
			}
			for (QuestionDraft question : group.getValue()) {
				question(out, question);
				out.append('\n');
			}
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void comment(StringBuilder out, String text) {
		for (String line : text.split("\r\n|\r|\n")) {
			out.append("// ").append(line).append('\n');
		}
	}

	private static void question(StringBuilder out, QuestionDraft question) {
		QuestionContent content = question.content();
		if (question.code() != null) {
			out.append("// [id:").append(bracketed(question.code())).append("]\n");
		}
		for (String tag : question.tags().subList(Math.min(1, question.tags().size()), question.tags().size())) {
			out.append("// [tag:").append(bracketed(tag)).append("]\n");
		}
		for (String entry : CqoMetadata.entries(question, true)) {
			out.append("// ").append(entry).append('\n');
		}
		if (question.code() != null) {
			out.append("::").append(GiftSyntax.escape(question.code())).append("::");
		}
		out.append(GiftSyntax.MARKDOWN);
		switch (content.type()) {
			case SINGLE, MULTIPLE -> choice(out, content);
			case TRUE_FALSE -> out.append(GiftSyntax.escape(content.stem()))
				.append('{')
				.append(content.trueFalseAnswer() ? "TRUE" : "FALSE")
				.append(generalFeedback(content))
				.append("}\n");
			case FILL -> fill(out, content);
			case ESSAY -> out.append(GiftSyntax.escape(content.stem()))
				.append('{')
				.append(generalFeedback(content))
				.append("}\n");
		}
	}

	/**
	 * Single choice: {@code =} marks the key. Multiple choice: each key option is worth
	 * an equal share ({@code ~%50%}), each other option takes the whole mark away
	 * ({@code ~%-100%}), so Moodle grades as strictly as the platform does.
	 */
	private static void choice(StringBuilder out, QuestionContent content) {
		boolean single = content.type() == QuestionType.SINGLE;
		String share = "~%" + weight(100.0 / Math.max(1, content.answer().size())) + "%";
		out.append(GiftSyntax.escape(content.stem())).append("{\n");
		for (Option option : content.options()) {
			boolean right = content.answer().contains(option.id());
			String marker = single ? (right ? "=" : "~") : (right ? share : "~%-100%");
			out.append('\t').append(marker).append(GiftSyntax.answer(option.text())).append('\n');
		}
		if (content.explanation() != null) {
			out.append('\t').append(generalFeedback(content)).append('\n');
		}
		out.append("}\n");
	}

	/**
	 * Each blank {@code {{n}}} becomes an answer block {@code {=a =b}} where it stands;
	 * the explanation goes into the last one.
	 */
	private static void fill(StringBuilder out, QuestionContent content) {
		String stem = content.stem();
		List<BlankMarker> markers = new ArrayList<>();
		Matcher matcher = BLANK.matcher(stem);
		while (matcher.find()) {
			int number = Integer.parseInt(matcher.group(1));
			if (number >= 1 && number <= content.blanks().size()) {
				markers.add(new BlankMarker(matcher.start(), matcher.end(), number));
			}
		}
		int from = 0;
		for (int i = 0; i < markers.size(); i++) {
			BlankMarker marker = markers.get(i);
			out.append(GiftSyntax.escape(stem.substring(from, marker.start())));
			answerBlock(out, content.blanks().get(marker.number() - 1),
					(i == markers.size() - 1) ? generalFeedback(content) : "");
			from = marker.end();
		}
		out.append(GiftSyntax.escape(stem.substring(from)));
		if (markers.isEmpty()) {
			for (int i = 0; i < content.blanks().size(); i++) {
				answerBlock(out, content.blanks().get(i),
						(i == content.blanks().size() - 1) ? generalFeedback(content) : "");
			}
		}
		out.append('\n');
	}

	private static void answerBlock(StringBuilder out, List<String> accepted, String feedback) {
		out.append('{');
		for (int i = 0; i < accepted.size(); i++) {
			out.append((i > 0) ? " =" : "=").append(GiftSyntax.answer(accepted.get(i)));
		}
		out.append(feedback).append('}');
	}

	private static String generalFeedback(QuestionContent content) {
		return (content.explanation() != null) ? "####" + GiftSyntax.answer(content.explanation()) : "";
	}

	private static String weight(double percent) {
		return BigDecimal.valueOf(percent).setScale(5, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	private static String bracketed(String value) {
		return value.replace("\\", "\\\\").replace("]", "\\]");
	}

	private record BlankMarker(int start, int end, int number) {
	}

}
