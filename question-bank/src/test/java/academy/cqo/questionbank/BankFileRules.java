package academy.cqo.questionbank;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of the official bank's file format ({@code question-bank/README.md}), checked
 * over whole files so that every problem is reported with its file, question id and
 * field, and duplicates are found across files.
 */
final class BankFileRules {

	static final Set<String> TYPES = Set.of("single", "multiple", "true_false", "fill", "essay");

	static final Map<String, Integer> DEFAULT_SCORES = Map.of("single", 1, "multiple", 2, "true_false", 1, "fill", 2,
			"essay", 10);

	private static final Pattern ID = Pattern.compile("[a-z]{2,5}-\\d{3}");

	private static final Pattern OPTION_ID = Pattern.compile("[a-f]");

	private static final Pattern BLANK = Pattern.compile("\\{\\{(\\d+)}}");

	/** Options are shuffled at delivery, so none may point at others. */
	private static final Pattern REFERS_TO_OTHERS = Pattern.compile(
			"^(以上|上述)(选项)?(都|皆|均|全)" + "|^[A-F](?:[和、与及,，][A-F])+(?:项|选项)?(?:都|均)?(?:正确|错误|对)?$|^全部(正确|错误)$|^都(对|不对)$");

	/**
	 * Papers are drawn at random and shuffled, so no stem may lean on another question.
	 */
	private static final Pattern REFERS_TO_OTHER_QUESTIONS = Pattern.compile("上题|上一题|前题|前一题|下题|下一题|同上题");

	private final List<String> problems = new ArrayList<>();

	private final Set<String> ids = new HashSet<>();

	private final Map<String, String> fingerprints = new HashMap<>();

	private final Map<String, Integer> countsByType = new HashMap<>();

	private int questions;

	List<String> problems() {
		return this.problems;
	}

	int questions() {
		return this.questions;
	}

	Map<String, Integer> countsByType() {
		return this.countsByType;
	}

	/**
	 * Check one parsed topic file.
	 * @param fileName the file's name, e.g. {@code 02-product-quality-law.yaml}
	 * @param content the parsed YAML
	 * @return the number of questions in it
	 */
	@SuppressWarnings("unchecked")
	int checkFile(String fileName, Object content) {
		if (!(content instanceof Map<?, ?> file)) {
			problem(fileName, null, "file", "is not a mapping with topic, title, tags and questions");
			return 0;
		}
		String slug = fileName.replaceFirst("^\\d+-", "").replaceFirst("\\.yaml$", "");
		if (!slug.equals(file.get("topic"))) {
			problem(fileName, null, "topic", "must be '" + slug + "' (the file name without its number)");
		}
		if (!(file.get("title") instanceof String title) || title.isBlank()) {
			problem(fileName, null, "title", "is missing");
		}
		Set<String> tags = new HashSet<>();
		if (file.get("tags") instanceof List<?> list && !list.isEmpty()) {
			list.forEach((tag) -> tags.add(String.valueOf(tag)));
		}
		else {
			problem(fileName, null, "tags", "must list the taxonomy paths the file uses");
		}
		if (!(file.get("questions") instanceof List<?> questions) || questions.isEmpty()) {
			problem(fileName, null, "questions", "is missing or empty");
			return 0;
		}
		int index = 0;
		for (Object question : questions) {
			index++;
			if (question instanceof Map<?, ?> map) {
				checkQuestion(fileName, index, (Map<String, Object>) map, tags);
			}
			else {
				problem(fileName, "#" + index, "question", "is not a mapping");
			}
		}
		return questions.size();
	}

	private void checkQuestion(String file, int index, Map<String, Object> question, Set<String> fileTags) {
		this.questions++;
		String id = (question.get("id") instanceof String text) ? text : "#" + index;
		if (!ID.matcher(id).matches()) {
			problem(file, id, "id", "must look like 'pql-001'");
		}
		else if (!this.ids.add(id)) {
			problem(file, id, "id", "is used twice in the bank");
		}
		String type = String.valueOf(question.get("type"));
		if (!TYPES.contains(type)) {
			problem(file, id, "type", "must be one of " + new TreeSet<>(TYPES));
			return;
		}
		this.countsByType.merge(type, 1, Integer::sum);
		if (!(question.get("difficulty") instanceof Integer difficulty) || difficulty < 1 || difficulty > 5) {
			problem(file, id, "difficulty", "must be a whole number from 1 to 5");
		}
		Object score = question.getOrDefault("score", DEFAULT_SCORES.get(type));
		if (!(score instanceof Integer points) || points <= 0) {
			problem(file, id, "score", "must be a positive whole number");
		}
		if (question.get("tags") instanceof List<?> tags && !tags.isEmpty()) {
			for (Object tag : tags) {
				if (!fileTags.contains(String.valueOf(tag))) {
					problem(file, id, "tags", "'" + tag + "' is not listed in the file's tags");
				}
			}
		}
		else {
			problem(file, id, "tags", "must name at least one knowledge point");
		}
		String stem = text(question, "stem");
		if (stem.isBlank()) {
			problem(file, id, "stem", "is missing");
		}
		if (REFERS_TO_OTHER_QUESTIONS.matcher(stem).find()) {
			problem(file, id, "stem",
					"refers to another question; papers are drawn at random, so each stem stands alone");
		}
		if (text(question, "explanation").isBlank()) {
			problem(file, id, "explanation", "is missing (every question needs a 解析)");
		}
		if (text(question, "source").isBlank()) {
			problem(file, id, "source", "is missing (cite the law article, standard clause or notice)");
		}
		List<String> optionTexts = switch (type) {
			case "single", "multiple" -> checkChoice(file, id, type, question);
			case "true_false" -> checkTrueFalse(file, id, question);
			case "fill" -> checkFill(file, id, stem, question);
			default -> checkEssay(file, id, question, (score instanceof Integer points) ? points : 0);
		};
		String fingerprint = normalise(stem) + "|"
				+ optionTexts.stream().map(BankFileRules::normalise).sorted().toList();
		String previous = this.fingerprints.putIfAbsent(fingerprint, id);
		if (previous != null) {
			problem(file, id, "stem", "duplicates question " + previous);
		}
	}

	private List<String> checkChoice(String file, String id, String type, Map<String, Object> question) {
		List<String> texts = new ArrayList<>();
		Set<String> optionIds = new HashSet<>();
		if (!(question.get("options") instanceof List<?> options) || options.size() < 4 || options.size() > 6) {
			problem(file, id, "options", "a choice question needs 4 to 6 options");
			return texts;
		}
		for (Object option : options) {
			if (!(option instanceof Map<?, ?> map) || !(map.get("id") instanceof String optionId)
					|| !OPTION_ID.matcher(optionId).matches() || !(map.get("text") instanceof String text)
					|| text.isBlank()) {
				problem(file, id, "options", "each option needs an id a–f and a text");
				continue;
			}
			if (!optionIds.add(optionId)) {
				problem(file, id, "options", "option id '" + optionId + "' is used twice");
			}
			if (texts.contains(text.strip())) {
				problem(file, id, "options", "two options read '" + text.strip() + "'");
			}
			if (REFERS_TO_OTHERS.matcher(text.strip()).find()) {
				problem(file, id, "options", "'" + text.strip() + "' refers to other options, which are shuffled");
			}
			texts.add(text.strip());
		}
		if (!(question.get("answer") instanceof List<?> answer)) {
			problem(file, id, "answer", "must list the correct option ids");
			return texts;
		}
		if ("single".equals(type) && answer.size() != 1) {
			problem(file, id, "answer",
					"a single-choice question has exactly one correct option, not " + answer.size());
		}
		if ("multiple".equals(type) && (answer.size() < 2 || answer.size() >= optionIds.size())) {
			problem(file, id, "answer",
					"a multiple-choice question has two or more correct options and at least one wrong one");
		}
		for (Object key : answer) {
			if (!optionIds.contains(String.valueOf(key))) {
				problem(file, id, "answer", "'" + key + "' is not an option id");
			}
		}
		return texts;
	}

	private List<String> checkTrueFalse(String file, String id, Map<String, Object> question) {
		if (!(question.get("answer") instanceof Boolean)) {
			problem(file, id, "answer", "a true/false question's answer is true or false");
		}
		if (question.containsKey("options")) {
			problem(file, id, "options", "a true/false question has no options");
		}
		return List.of();
	}

	private List<String> checkFill(String file, String id, String stem, Map<String, Object> question) {
		Set<Integer> markers = new TreeSet<>();
		Matcher matcher = BLANK.matcher(stem);
		while (matcher.find()) {
			markers.add(Integer.parseInt(matcher.group(1)));
		}
		if (!(question.get("blanks") instanceof List<?> blanks) || blanks.isEmpty()) {
			problem(file, id, "blanks", "a fill-in question lists the accepted answers of each blank");
			return List.of();
		}
		Set<Integer> expected = new TreeSet<>();
		for (int i = 1; i <= blanks.size(); i++) {
			expected.add(i);
		}
		if (!markers.equals(expected)) {
			problem(file, id, "stem", "marks blanks " + markers + " but blanks has " + blanks.size() + " entries");
		}
		List<String> accepted = new ArrayList<>();
		for (Object blank : blanks) {
			if (!(blank instanceof List<?> answers) || answers.isEmpty()
					|| answers.stream().anyMatch((answer) -> String.valueOf(answer).isBlank())) {
				problem(file, id, "blanks", "every blank needs at least one accepted answer");
			}
			else {
				accepted.add(String.valueOf(answers.get(0)));
			}
		}
		return accepted;
	}

	private List<String> checkEssay(String file, String id, Map<String, Object> question, int score) {
		if (text(question, "referenceAnswer").isBlank()) {
			problem(file, id, "referenceAnswer", "an essay needs a reference answer");
		}
		if (!(question.get("rubric") instanceof List<?> rubric) || rubric.isEmpty()) {
			problem(file, id, "rubric", "an essay needs a rubric");
			return List.of();
		}
		int total = 0;
		for (Object item : rubric) {
			if (item instanceof Map<?, ?> map && map.get("points") instanceof Integer points && points > 0
					&& map.get("criterion") instanceof String criterion && !criterion.isBlank()) {
				total += points;
			}
			else {
				problem(file, id, "rubric", "each rubric item needs positive points and a criterion");
			}
		}
		if (total != score) {
			problem(file, id, "rubric", "points add up to " + total + " but the question is worth " + score);
		}
		return List.of();
	}

	private static String text(Map<String, Object> question, String field) {
		Object value = question.get(field);
		return (value instanceof String text) ? text : "";
	}

	/**
	 * Full-width to half-width, lower case, no white space or punctuation: how duplicates
	 * are compared.
	 */
	static String normalise(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return folded.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s]+", "");
	}

	private void problem(String file, String id, String field, String message) {
		this.problems.add(file + ((id != null) ? " " + id : "") + " [" + field + "]: " + message);
	}

}
