package academy.cqo.questionformats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Moodle files group questions under category paths such as
 * {@code $course$/top/质量法律法规/产品质量法}; here such a path is a question's first tag
 * ({@code 质量法律法规/产品质量法}), without the context and the {@code top} level.
 */
final class MoodleCategories {

	private static final Pattern CONTEXT = Pattern.compile("^\\$[A-Za-z0-9]+\\$(/|$)");

	private static final String COURSE_TOP = "$course$/top/";

	private MoodleCategories() {
	}

	/**
	 * The tag a category path stands for. Moodle writes a {@code /} inside a category's
	 * name as {@code //}; as a tag level cannot hold one, it becomes a full-width
	 * {@code ／}.
	 * @param path the path as the file gives it
	 * @return the tag, or {@code null} for the top of a context (no category)
	 */
	static String toTag(String path) {
		String rest = CONTEXT.matcher(path.strip()).replaceFirst("").replace("//", "／");
		List<String> levels = new ArrayList<>();
		for (String level : rest.split("/")) {
			if (!level.isBlank()) {
				levels.add(level.strip());
			}
		}
		if (!levels.isEmpty() && levels.get(0).equals("top")) {
			levels.remove(0);
		}
		return levels.isEmpty() ? null : String.join("/", levels);
	}

	/**
	 * The category path a first tag is written as.
	 * @param tag the tag
	 * @return the path in the course's question bank
	 */
	static String toPath(String tag) {
		return COURSE_TOP + tag;
	}

	/**
	 * Questions grouped by their first tag, as Moodle files hold them: questions without
	 * tags first (they come before any category switch), then each first tag in order of
	 * appearance. The order within a group is kept.
	 * @param questions the bank's questions
	 * @return first tag ({@code ""} for none) to its questions
	 */
	static Map<String, List<QuestionDraft>> byFirstTag(List<QuestionDraft> questions) {
		Map<String, List<QuestionDraft>> groups = new LinkedHashMap<>();
		groups.put("", new ArrayList<>());
		for (QuestionDraft question : questions) {
			String tag = question.tags().isEmpty() ? "" : question.tags().get(0);
			groups.computeIfAbsent(tag, (key) -> new ArrayList<>()).add(question);
		}
		groups.values().removeIf(List::isEmpty);
		return groups;
	}

}
