package academy.cqo.questionbank;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

	/**
	 * Limits of the platform's importer ({@code QuestionRules}), so a file it would
	 * refuse fails here first.
	 */
	static final int MAX_SOURCE_LENGTH = 1000;

	static final int MAX_TAGS = 20;

	static final int MAX_TAG_LENGTH = 100;

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

	private final List<String> sourceProblems = new ArrayList<>();

	private final List<SingleKey> singles = new ArrayList<>();

	private final List<MultipleKeys> multiples = new ArrayList<>();

	private final List<TrueFalseAnswer> trueFalses = new ArrayList<>();

	private final List<Fact> facts = new ArrayList<>();

	private final Map<String, String> fileOfId = new HashMap<>();

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
		this.fileOfId.putIfAbsent(id, file);
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
			if (tags.size() > MAX_TAGS) {
				problem(file, id, "tags", "has more than " + MAX_TAGS + " knowledge points");
			}
			for (Object tag : tags) {
				if (!isValidTag(String.valueOf(tag))) {
					problem(file, id, "tags",
							"'" + tag + "' is not a path of non-empty levels separated by '/' (at most "
									+ MAX_TAG_LENGTH + " characters)");
				}
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
		else if (text(question, "source").length() > MAX_SOURCE_LENGTH) {
			problem(file, id, "source",
					"is longer than " + MAX_SOURCE_LENGTH + " characters (the platform refuses it)");
		}
		else {
			Citations.checkSource(text(question, "source"))
				.forEach((message) -> this.sourceProblems.add(file + " " + id + " [source]: " + message));
		}
		for (String field : List.of("stem", "explanation", "referenceAnswer", "rubric", "options", "blanks")) {
			if (question.containsKey(field)) {
				Citations.outdatedEditions(String.valueOf(question.get(field)))
					.forEach((message) -> this.sourceProblems.add(file + " " + id + " [" + field + "]: " + message));
			}
		}
		List<String> optionTexts = switch (type) {
			case "single", "multiple" -> checkChoice(file, id, type, question);
			case "true_false" -> checkTrueFalse(file, id, question);
			case "fill" -> checkFill(file, id, stem, question);
			default -> checkEssay(file, id, question, (score instanceof Integer points) ? points : 0);
		};
		String fingerprint = normalise(stem) + "|"
				+ optionTexts.stream().map(BankFileRules::normalise).sorted().toList();
		recordStatistics(file, id, type, stem, question);
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
			String same = texts.stream()
				.filter((other) -> normalise(other).equals(normalise(text)))
				.findFirst()
				.orElse(null);
			if (same != null) {
				problem(file, id, "options",
						same.equals(text.strip()) ? "two options read '" + same + "'"
								: "'" + same + "' and '" + text.strip()
										+ "' are the same option once punctuation, width and case are ignored "
										+ "(the platform refuses the file)");
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

	// ----- Bank-wide statistics (issue 13): nothing but knowledge may answer a question
	// -----

	/** Key share per position a–d of single-choice questions, overall and per topic. */
	static final double KEY_SHARE_MIN = 0.15;

	static final double KEY_SHARE_MAX = 0.35;

	/** A topic's single-choice keys are checked on their own from this many questions. */
	static final int TOPIC_MIN_SINGLES = 15;

	/**
	 * Share of single-choice keys that are the strictly longest option (25 % by chance).
	 */
	static final double LONGEST_KEY_MAX = 0.30;

	/** A multiple-choice question has at least this many wrong options. */
	static final int MIN_WRONG_OPTIONS = 2;

	/** Share of all wrong options at any one position, over the bank. */
	static final double WRONG_POSITION_MAX = 0.40;

	/**
	 * The same per topic with at least {@link #TOPIC_MIN_MULTIPLES} multiple-choice
	 * questions.
	 */
	static final double TOPIC_WRONG_POSITION_MAX = 0.50;

	static final int TOPIC_MIN_MULTIPLES = 8;

	/** Share of true statements among true/false questions, overall and per topic. */
	static final double TRUE_SHARE_MIN = 0.45;

	static final double TRUE_SHARE_MAX = 0.55;

	static final double TOPIC_TRUE_SHARE_MIN = 0.35;

	static final double TOPIC_TRUE_SHARE_MAX = 0.65;

	static final int TOPIC_MIN_TRUE_FALSE = 8;

	/**
	 * Words that, if only false statements used them, would mark them; among the
	 * statements using one, at most this share may be false (from {@link #MIN_ABSOLUTE}).
	 */
	static final Pattern ABSOLUTE_WORDS = Pattern.compile("一律|绝不|绝对|所有|任何|只要|全部|完全|必须|都|只有|仅");

	static final double ABSOLUTE_FALSE_MAX = 0.65;

	static final int MIN_ABSOLUTE = 10;

	/**
	 * Character-bigram Jaccard similarity of stem and key text (law titles and standard
	 * numbers removed, fill-in blanks filled in) from which two questions count as
	 * testing the same fact. Calibrated on the 2026 bank: the 16 groups of same-fact
	 * questions the expert review found score 0.40–0.91, unrelated questions of one law
	 * stay below.
	 */
	static final double NEAR_DUPLICATE = 0.40;

	private static final Pattern TITLE = Pattern.compile("《[^》]*》");

	private static final Pattern STANDARD_NUMBER = Pattern
		.compile("(?i)(gb/[tz]|gb|iso(/iec)?|iec|t/[a-z]+|rb/t|jjf|jjg)\\s*\\d+(\\.\\d+)*(-\\d+)?[-—–:]\\d{4}");

	record SingleKey(String file, String id, int position, boolean strictlyLongest) {
	}

	record MultipleKeys(String file, String id, List<Integer> wrongPositions) {
	}

	record TrueFalseAnswer(String file, String id, boolean answer, boolean absoluteWord) {
	}

	record Fact(String file, String id, Set<Integer> bigrams) {
	}

	private void recordStatistics(String file, String id, String type, String stem, Map<String, Object> question) {
		String factText = stem;
		if (("single".equals(type) || "multiple".equals(type)) && question.get("options") instanceof List<?> options
				&& question.get("answer") instanceof List<?> answer) {
			List<String> optionIds = new ArrayList<>();
			List<String> texts = new ArrayList<>();
			for (Object option : options) {
				if (option instanceof Map<?, ?> map) {
					optionIds.add(String.valueOf(map.get("id")));
					texts.add(String.valueOf(map.get("text")));
				}
			}
			Set<String> keys = new HashSet<>();
			answer.forEach((key) -> keys.add(String.valueOf(key)));
			StringBuilder keyText = new StringBuilder();
			List<Integer> wrong = new ArrayList<>();
			for (int i = 0; i < optionIds.size(); i++) {
				if (keys.contains(optionIds.get(i))) {
					keyText.append(' ').append(texts.get(i));
				}
				else {
					wrong.add(i);
				}
			}
			factText += keyText;
			if ("single".equals(type) && keys.size() == 1 && optionIds.containsAll(keys)) {
				int position = optionIds.indexOf(keys.iterator().next());
				int keyLength = lengthWithoutWhiteSpace(texts.get(position));
				boolean longest = true;
				for (int i = 0; i < texts.size(); i++) {
					if (i != position && lengthWithoutWhiteSpace(texts.get(i)) >= keyLength) {
						longest = false;
					}
				}
				this.singles.add(new SingleKey(file, id, position, longest));
			}
			else if ("multiple".equals(type)) {
				this.multiples.add(new MultipleKeys(file, id, wrong));
			}
		}
		else if ("true_false".equals(type) && question.get("answer") instanceof Boolean answer) {
			this.trueFalses.add(new TrueFalseAnswer(file, id, answer, ABSOLUTE_WORDS.matcher(stem).find()));
		}
		else if ("fill".equals(type) && question.get("blanks") instanceof List<?> blanks) {
			Matcher marker = BLANK.matcher(stem);
			StringBuilder filled = new StringBuilder();
			while (marker.find()) {
				int blank = Integer.parseInt(marker.group(1));
				String first = (blank >= 1 && blank <= blanks.size()
						&& blanks.get(blank - 1) instanceof List<?> accepted && !accepted.isEmpty())
								? String.valueOf(accepted.get(0)) : "";
				marker.appendReplacement(filled, Matcher.quoteReplacement(first));
			}
			marker.appendTail(filled);
			factText = filled.toString();
		}
		if (!"essay".equals(type)) {
			this.facts.add(new Fact(file, id, bigrams(factText)));
		}
	}

	static int lengthWithoutWhiteSpace(String text) {
		return text.replaceAll("\\s+", "").codePointCount(0, text.replaceAll("\\s+", "").length());
	}

	static Set<Integer> bigrams(String text) {
		String stripped = STANDARD_NUMBER.matcher(TITLE.matcher(text).replaceAll("")).replaceAll("");
		String normal = normalise(stripped);
		Set<Integer> bigrams = new HashSet<>();
		for (int i = 0; i + 1 < normal.length(); i++) {
			bigrams.add((normal.charAt(i) << 16) | normal.charAt(i + 1));
		}
		return bigrams;
	}

	static double similarity(Set<Integer> one, Set<Integer> other) {
		if (one.isEmpty() || other.isEmpty()) {
			return 0;
		}
		int common = 0;
		for (Integer bigram : one) {
			if (other.contains(bigram)) {
				common++;
			}
		}
		return (double) common / (one.size() + other.size() - common);
	}

	/** Sources that name no law article, standard clause or government document. */
	List<String> sourceProblems() {
		return this.sourceProblems;
	}

	/** Single-choice keys spread over positions a–d, overall and per topic. */
	List<String> keyPositionProblems() {
		List<String> found = new ArrayList<>();
		keyPositions("bank", this.singles, found);
		byFile(this.singles, SingleKey::file).forEach((file, keys) -> {
			if (keys.size() >= TOPIC_MIN_SINGLES) {
				keyPositions(file, keys, found);
			}
		});
		return found;
	}

	private static void keyPositions(String scope, List<SingleKey> keys, List<String> found) {
		if (keys.isEmpty()) {
			return;
		}
		for (int position = 0; position < 4; position++) {
			int at = position;
			List<String> ids = keys.stream().filter((key) -> key.position() == at).map(SingleKey::id).toList();
			double share = (double) ids.size() / keys.size();
			if (share > KEY_SHARE_MAX) {
				found.add(scope + " [single-choice keys]: position " + letter(position) + " holds " + percent(share)
						+ " of " + keys.size() + " keys (limit " + range(KEY_SHARE_MIN, KEY_SHARE_MAX)
						+ "); move some of these keys: " + String.join(", ", ids));
			}
			else if (share < KEY_SHARE_MIN) {
				found.add(scope + " [single-choice keys]: position " + letter(position) + " holds " + percent(share)
						+ " of " + keys.size() + " keys (limit " + range(KEY_SHARE_MIN, KEY_SHARE_MAX) + ")");
			}
		}
	}

	/** The key is not given away by being the longest option. */
	List<String> lengthCueProblems() {
		List<String> found = new ArrayList<>();
		longestKeys("bank", this.singles, found);
		byFile(this.singles, SingleKey::file).forEach((file, keys) -> {
			if (keys.size() >= TOPIC_MIN_SINGLES) {
				longestKeys(file, keys, found);
			}
		});
		return found;
	}

	private static void longestKeys(String scope, List<SingleKey> keys, List<String> found) {
		List<String> ids = keys.stream().filter(SingleKey::strictlyLongest).map(SingleKey::id).toList();
		double share = keys.isEmpty() ? 0 : (double) ids.size() / keys.size();
		if (share > LONGEST_KEY_MAX) {
			found.add(scope + " [length cue]: the key is the strictly longest option in " + percent(share) + " of "
					+ keys.size() + " single-choice questions (limit " + percent(LONGEST_KEY_MAX) + "): "
					+ String.join(", ", ids));
		}
	}

	/**
	 * At least two wrong options per multiple-choice question, and wrong options at every
	 * position.
	 */
	List<String> multipleChoiceProblems() {
		List<String> found = new ArrayList<>();
		for (MultipleKeys question : this.multiples) {
			if (question.wrongPositions().size() < MIN_WRONG_OPTIONS) {
				found.add(question.file() + " " + question.id() + " [options]: has " + question.wrongPositions().size()
						+ " wrong option(s); a multiple-choice question needs at least " + MIN_WRONG_OPTIONS
						+ " plausible wrong options");
			}
		}
		wrongPositions("bank", this.multiples, WRONG_POSITION_MAX, found);
		byFile(this.multiples, MultipleKeys::file).forEach((file, questions) -> {
			if (questions.size() >= TOPIC_MIN_MULTIPLES) {
				wrongPositions(file, questions, TOPIC_WRONG_POSITION_MAX, found);
			}
		});
		return found;
	}

	private static void wrongPositions(String scope, List<MultipleKeys> questions, double limit, List<String> found) {
		Map<Integer, List<String>> idsByPosition = new TreeMap<>();
		int wrong = 0;
		for (MultipleKeys question : questions) {
			for (Integer position : question.wrongPositions()) {
				idsByPosition.computeIfAbsent(position, (key) -> new ArrayList<>()).add(question.id());
				wrong++;
			}
		}
		for (Map.Entry<Integer, List<String>> entry : idsByPosition.entrySet()) {
			double share = (double) entry.getValue().size() / wrong;
			if (share > limit) {
				found.add(scope + " [multiple-choice wrong options]: position " + letter(entry.getKey()) + " holds "
						+ percent(share) + " of " + wrong + " wrong options (limit " + percent(limit)
						+ "); move the wrong option of some of: " + String.join(", ", entry.getValue()));
			}
		}
	}

	/**
	 * True and false statements balanced, and absolute words not marking the false ones.
	 */
	List<String> trueFalseProblems() {
		List<String> found = new ArrayList<>();
		trueShare("bank", this.trueFalses, TRUE_SHARE_MIN, TRUE_SHARE_MAX, found);
		byFile(this.trueFalses, TrueFalseAnswer::file).forEach((file, answers) -> {
			if (answers.size() >= TOPIC_MIN_TRUE_FALSE) {
				trueShare(file, answers, TOPIC_TRUE_SHARE_MIN, TOPIC_TRUE_SHARE_MAX, found);
			}
		});
		List<TrueFalseAnswer> absolute = this.trueFalses.stream().filter(TrueFalseAnswer::absoluteWord).toList();
		List<String> falseOnes = absolute.stream()
			.filter((answer) -> !answer.answer())
			.map(TrueFalseAnswer::id)
			.toList();
		if (absolute.size() >= MIN_ABSOLUTE && (double) falseOnes.size() / absolute.size() > ABSOLUTE_FALSE_MAX) {
			found.add("bank [true/false wording cue]: " + percent((double) falseOnes.size() / absolute.size()) + " of "
					+ absolute.size() + " statements with an absolute word (" + ABSOLUTE_WORDS.pattern()
					+ ") are false (limit " + percent(ABSOLUTE_FALSE_MAX) + "): " + String.join(", ", falseOnes));
		}
		return found;
	}

	private static void trueShare(String scope, List<TrueFalseAnswer> answers, double min, double max,
			List<String> found) {
		if (answers.isEmpty()) {
			return;
		}
		List<String> trueOnes = answers.stream().filter(TrueFalseAnswer::answer).map(TrueFalseAnswer::id).toList();
		double share = (double) trueOnes.size() / answers.size();
		if (share > max) {
			found.add(scope + " [true/false]: " + percent(share) + " of " + answers.size()
					+ " statements are true (limit " + range(min, max) + "); true: " + String.join(", ", trueOnes));
		}
		else if (share < min) {
			found.add(scope + " [true/false]: " + percent(share) + " of " + answers.size()
					+ " statements are true (limit " + range(min, max) + "); false: " + String.join(", ",
							answers.stream().filter((answer) -> !answer.answer()).map(TrueFalseAnswer::id).toList()));
		}
	}

	/**
	 * Pairs of questions across the whole bank that test the same fact.
	 * @param distinct pairs a reviewer judged to be different facts, as "id id" with the
	 * smaller id first
	 */
	List<String> nearDuplicates(Set<String> distinct) {
		List<String> found = new ArrayList<>();
		for (int i = 0; i < this.facts.size(); i++) {
			Fact one = this.facts.get(i);
			for (int j = i + 1; j < this.facts.size(); j++) {
				Fact other = this.facts.get(j);
				double similarity = similarity(one.bigrams(), other.bigrams());
				if (similarity >= NEAR_DUPLICATE) {
					String pair = (one.id().compareTo(other.id()) < 0) ? one.id() + " " + other.id()
							: other.id() + " " + one.id();
					if (!distinct.contains(pair)) {
						found.add(one.file() + " " + one.id() + " ~ " + other.file() + " " + other.id()
								+ " [near duplicate]: similarity " + String.format(Locale.ROOT, "%.2f", similarity)
								+ " (from " + String.format(Locale.ROOT, "%.2f", NEAR_DUPLICATE)
								+ "): merge them, or list the pair in distinct-pairs.txt if a reviewer finds two facts");
					}
				}
			}
		}
		return found;
	}

	private static final Pattern RETIRED_LINE = Pattern
		.compile("([a-z]{2,5}-\\d{3})\\s+(\\d{2}-[a-z0-9-]+\\.yaml)\\s+\\S.*");

	/**
	 * Retired ids ({@code retired-ids.txt}, lines {@code <id> <file> <reason>}) never
	 * come back: the platform removed them from draws, and an id is never reused.
	 */
	List<String> retiredIdProblems(Collection<String> lines) {
		List<String> found = new ArrayList<>();
		int number = 0;
		for (String line : lines) {
			number++;
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			Matcher matcher = RETIRED_LINE.matcher(trimmed);
			if (!matcher.matches()) {
				found.add("retired-ids.txt line " + number + ": '" + trimmed + "' is not '<id> <file> <reason>'");
				continue;
			}
			String file = this.fileOfId.get(matcher.group(1));
			if (file != null) {
				found.add(file + " " + matcher.group(1) + " [id]: is retired (retired-ids.txt line " + number
						+ ") and may never appear again; give a new question a new id");
			}
		}
		return found;
	}

	/** "id id" pairs from {@code distinct-pairs.txt} lines {@code <id> <id> <reason>}. */
	static Set<String> distinctPairs(Collection<String> lines) {
		Set<String> pairs = new HashSet<>();
		for (String line : lines) {
			String[] words = line.strip().split("\\s+");
			if (words.length >= 2 && !words[0].startsWith("#") && ID.matcher(words[0]).matches()
					&& ID.matcher(words[1]).matches()) {
				pairs.add((words[0].compareTo(words[1]) < 0) ? words[0] + " " + words[1] : words[1] + " " + words[0]);
			}
		}
		return pairs;
	}

	private static <T> Map<String, List<T>> byFile(List<T> items, java.util.function.Function<T, String> file) {
		Map<String, List<T>> grouped = new TreeMap<>();
		items.forEach((item) -> grouped.computeIfAbsent(file.apply(item), (key) -> new ArrayList<>()).add(item));
		return grouped;
	}

	private static String letter(int position) {
		return String.valueOf((char) ('a' + position));
	}

	private static String range(double min, double max) {
		return Math.round(min * 100) + "–" + percent(max);
	}

	private static String percent(double share) {
		return Math.round(share * 100) + "%";
	}

	private static boolean isValidTag(String tag) {
		if (tag.isBlank() || tag.length() > MAX_TAG_LENGTH || tag.chars().anyMatch(Character::isISOControl)) {
			return false;
		}
		for (String level : tag.split("/", -1)) {
			if (level.isBlank() || !level.equals(level.strip())) {
				return false;
			}
		}
		return true;
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
