package academy.cqo.questionbank.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.RubricItem;
import academy.cqo.questionformats.Scores;

/**
 * What changed between two versions of a question, field by field, as text a reviewer can
 * compare side by side.
 */
public final class VersionDiff {

	private VersionDiff() {
	}

	/**
	 * One changed field.
	 *
	 * @param field the field ({@code stem}, {@code options}, {@code answer}, …)
	 * @param before its text in the older version
	 * @param after its text in the newer version
	 */
	public record Change(String field, String before, String after) {
	}

	public static List<Change> between(QuestionContent before, QuestionContent after) {
		List<Change> changes = new ArrayList<>();
		compare(changes, "type", before.type().code(), after.type().code());
		compare(changes, "stem", before.stem(), after.stem());
		compare(changes, "options", options(before), options(after));
		compare(changes, "answer", String.join(", ", before.answer()), String.join(", ", after.answer()));
		compare(changes, "blanks", blanks(before), blanks(after));
		compare(changes, "score", Scores.format(before.score()), Scores.format(after.score()));
		compare(changes, "referenceAnswer", before.referenceAnswer(), after.referenceAnswer());
		compare(changes, "rubric", rubric(before), rubric(after));
		compare(changes, "explanation", before.explanation(), after.explanation());
		compare(changes, "source", before.source(), after.source());
		return changes;
	}

	private static void compare(List<Change> changes, String field, String before, String after) {
		String a = Objects.toString(before, "");
		String b = Objects.toString(after, "");
		if (!a.equals(b)) {
			changes.add(new Change(field, a, b));
		}
	}

	private static String options(QuestionContent content) {
		return content.options()
			.stream()
			.map((Option option) -> option.id() + ". " + option.text())
			.collect(Collectors.joining("\n"));
	}

	private static String blanks(QuestionContent content) {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < content.blanks().size(); i++) {
			lines.add("{{" + (i + 1) + "}} " + String.join(" | ", content.blanks().get(i)));
		}
		return String.join("\n", lines);
	}

	private static String rubric(QuestionContent content) {
		return content.rubric()
			.stream()
			.map((RubricItem item) -> Scores.format(item.points()) + " | " + item.criterion())
			.collect(Collectors.joining("\n"));
	}

}
