package academy.cqo.questionformats;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the official bank's YAML format from SnakeYAML's node tree, so that every problem
 * carries the line of the node it is about. Composing nodes constructs no objects, so no
 * tag in the file can make the parser instantiate anything; aliases, nesting and size are
 * limited.
 */
final class YamlQuestionReader {

	static final Set<String> FILE_KEYS = Set.of("topic", "title", "tags", "questions", "bank");

	static final Set<String> BANK_KEYS = Set.of("name", "description");

	static final Set<String> QUESTION_KEYS = Set.of("id", "type", "difficulty", "score", "tags", "stem", "options",
			"answer", "blanks", "referenceAnswer", "rubric", "explanation", "source", "status");

	static final Set<String> OPTION_KEYS = Set.of("id", "text");

	static final Set<String> RUBRIC_KEYS = Set.of("points", "criterion");

	private static final Set<String> TRUE = Set.of("true", "yes", "on");

	private static final Set<String> FALSE = Set.of("false", "no", "off");

	private final Findings findings = new Findings();

	/**
	 * Read a whole file.
	 * @param text the decoded file
	 * @return the questions and every problem
	 */
	ParsedFile read(String text) {
		Node root;
		try {
			root = yaml().compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			this.findings.problem((mark != null) ? mark.getLine() + 1 : null, "file", "import.yaml.syntax",
					String.valueOf(ex.getProblem()));
			return this.findings.result(List.of());
		}
		catch (YAMLException ex) {
			this.findings.problem(null, "file", "import.yaml.syntax", String.valueOf(ex.getMessage()));
			return this.findings.result(List.of());
		}
		if (root == null) {
			return this.findings.result(List.of());
		}
		if (!(root instanceof MappingNode file)) {
			this.findings.problem(line(root), "file", "import.yaml.expectedMapping", "file");
			return this.findings.result(List.of());
		}
		return this.findings.result(readFile(file));
	}

	private static Yaml yaml() {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(50);
		options.setAllowRecursiveKeys(false);
		options.setNestingDepthLimit(20);
		options.setCodePointLimit(ImportLimits.MAX_FILE_BYTES);
		return new Yaml(new SafeConstructor(options));
	}

	private List<QuestionDraft> readFile(MappingNode file) {
		Map<String, Node> fields = fields(file, FILE_KEYS);
		Set<String> fileTags = new HashSet<>(strings(fields.get("tags"), "tags"));
		Node bank = fields.get("bank");
		if (bank != null && !isNull(bank) && mapping(bank, "bank") != null) {
			fields((MappingNode) bank, BANK_KEYS);
		}
		List<QuestionDraft> drafts = new ArrayList<>();
		Node questions = fields.get("questions");
		if (questions == null || isNull(questions)) {
			return drafts;
		}
		if (!(questions instanceof SequenceNode list)) {
			this.findings.problem(line(questions), "questions", "import.yaml.expectedList", "questions");
			return drafts;
		}
		if (list.getValue().size() > ImportLimits.MAX_QUESTIONS) {
			this.findings.problem(line(list.getValue().get(ImportLimits.MAX_QUESTIONS)), "file",
					"import.file.tooManyQuestions", ImportLimits.MAX_QUESTIONS);
			return drafts;
		}
		for (Node question : list.getValue()) {
			question(question, fileTags).ifPresent(drafts::add);
		}
		return drafts;
	}

	private Optional<QuestionDraft> question(Node node, Set<String> fileTags) {
		int problemsBefore = this.findings.problemCount();
		MappingNode mapping = mapping(node, "questions");
		if (mapping == null) {
			return Optional.empty();
		}
		int line = line(node);
		Map<String, Node> fields = fields(mapping, QUESTION_KEYS);
		String code = text(fields, "id");
		this.findings.code(line, code);
		QuestionType type = type(line, fields.get("type"));
		int difficulty = difficulty(fields.get("difficulty"));
		BigDecimal score = number(fields.get("score"), "score");
		List<String> tags = tags(fields.get("tags"), fileTags);
		ReviewStatus status = status(fields.get("status"));
		if (type == null) {
			return Optional.empty();
		}
		QuestionContent content = content(type, fields, (score != null) ? score.doubleValue() : type.defaultScore());
		if (this.findings.problemCount() > problemsBefore) {
			return Optional.empty();
		}
		return Optional.of(new QuestionDraft(line, code, content, difficulty, tags, status));
	}

	private QuestionContent content(QuestionType type, Map<String, Node> fields, double score) {
		notForType(type, fields, "options", type.hasOptions());
		notForType(type, fields, "answer", type.hasOptions() || type == QuestionType.TRUE_FALSE);
		notForType(type, fields, "blanks", type == QuestionType.FILL);
		notForType(type, fields, "referenceAnswer", type == QuestionType.ESSAY);
		notForType(type, fields, "rubric", type == QuestionType.ESSAY);
		List<Option> options = type.hasOptions() ? options(fields.get("options")) : List.of();
		List<String> answer = switch (type) {
			case SINGLE, MULTIPLE -> strings(fields.get("answer"), "answer");
			case TRUE_FALSE -> trueFalse(fields.get("answer"));
			default -> List.of();
		};
		List<List<String>> blanks = (type == QuestionType.FILL) ? blanks(fields.get("blanks")) : List.of();
		String referenceAnswer = (type == QuestionType.ESSAY) ? text(fields, "referenceAnswer") : null;
		List<RubricItem> rubric = (type == QuestionType.ESSAY) ? rubric(fields.get("rubric")) : List.of();
		return new QuestionContent(type, text(fields, "stem"), options, answer, blanks, referenceAnswer, rubric, score,
				text(fields, "explanation"), text(fields, "source"));
	}

	private QuestionType type(int line, Node node) {
		if (node == null || isNull(node)) {
			this.findings.problem(line, "type", "import.yaml.required", "type");
			return null;
		}
		String code = scalar(node, "type");
		if (code == null) {
			return null;
		}
		Optional<QuestionType> type = QuestionType.fromCode(code.strip());
		if (type.isEmpty()) {
			this.findings.problem(line(node), "type", "import.yaml.type", code);
		}
		return type.orElse(null);
	}

	private int difficulty(Node node) {
		if (node == null || isNull(node)) {
			return QuestionDraft.DEFAULT_DIFFICULTY;
		}
		String text = scalar(node, "difficulty");
		if (text == null) {
			return QuestionDraft.DEFAULT_DIFFICULTY;
		}
		BigDecimal value = parse(text);
		if (value == null || value.stripTrailingZeros().scale() > 0 || value.compareTo(BigDecimal.ONE) < 0
				|| value.compareTo(BigDecimal.valueOf(5)) > 0) {
			this.findings.problem(line(node), "difficulty", "import.yaml.difficulty", text);
			return QuestionDraft.DEFAULT_DIFFICULTY;
		}
		return value.intValue();
	}

	private BigDecimal number(Node node, String field) {
		if (node == null || isNull(node)) {
			return null;
		}
		String text = scalar(node, field);
		if (text == null) {
			return null;
		}
		BigDecimal value = parse(text);
		if (value == null) {
			this.findings.problem(line(node), field, "import.yaml.number", field, text);
		}
		return value;
	}

	private List<String> tags(Node node, Set<String> fileTags) {
		List<String> tags = new ArrayList<>();
		for (Node tag : items(node, "tags")) {
			String text = scalar(tag, "tags");
			if (text == null || text.isBlank()) {
				continue;
			}
			if (!fileTags.contains(text)) {
				this.findings.problem(line(tag), "tags", "import.yaml.tagNotListed", text);
			}
			tags.add(text);
		}
		return tags;
	}

	private ReviewStatus status(Node node) {
		if (node == null || isNull(node)) {
			return null;
		}
		String code = scalar(node, "status");
		if (code == null) {
			return null;
		}
		Optional<ReviewStatus> status = ReviewStatus.fromCode(code.strip());
		if (status.isEmpty()) {
			this.findings.problem(line(node), "status", "import.yaml.status", code);
		}
		return status.orElse(null);
	}

	private List<Option> options(Node node) {
		List<Option> options = new ArrayList<>();
		for (Node item : items(node, "options")) {
			MappingNode option = mapping(item, "options");
			if (option != null) {
				Map<String, Node> fields = fields(option, OPTION_KEYS);
				String id = text(fields, "id");
				options.add(new Option(id, text(fields, "text")));
			}
		}
		return options;
	}

	private List<String> trueFalse(Node node) {
		if (node == null || isNull(node)) {
			return List.of();
		}
		List<Node> items = items(node, "answer");
		String text = (items.size() == 1) ? scalar(items.getFirst(), "answer") : null;
		String folded = (text != null) ? text.strip().toLowerCase(Locale.ROOT) : "";
		if (TRUE.contains(folded)) {
			return List.of("true");
		}
		if (FALSE.contains(folded)) {
			return List.of("false");
		}
		this.findings.problem(line(node), "answer", "import.yaml.trueFalse", (text != null) ? text : "");
		return List.of();
	}

	private List<List<String>> blanks(Node node) {
		List<List<String>> blanks = new ArrayList<>();
		for (Node blank : items(node, "blanks")) {
			List<String> accepted = new ArrayList<>();
			for (Node answer : items(blank, "blanks")) {
				String text = scalar(answer, "blanks");
				accepted.add((text != null) ? text.strip() : "");
			}
			blanks.add(accepted);
		}
		return blanks;
	}

	private List<RubricItem> rubric(Node node) {
		List<RubricItem> rubric = new ArrayList<>();
		for (Node item : items(node, "rubric")) {
			MappingNode mapping = mapping(item, "rubric");
			if (mapping != null) {
				Map<String, Node> fields = fields(mapping, RUBRIC_KEYS);
				BigDecimal points = number(fields.get("points"), "rubric");
				rubric.add(new RubricItem((points != null) ? points.doubleValue() : 0, text(fields, "criterion")));
			}
		}
		return rubric;
	}

	private void notForType(QuestionType type, Map<String, Node> fields, String key, boolean applies) {
		Node node = fields.get(key);
		if (!applies && node != null && !isNull(node)) {
			this.findings.problem(line(node), key, "import.yaml.notForType", key, type.code());
		}
	}

	/**
	 * The keys of a mapping, warning about unknown keys and reporting repeated ones.
	 */
	private Map<String, Node> fields(MappingNode mapping, Set<String> known) {
		Map<String, Node> fields = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			Node keyNode = tuple.getKeyNode();
			String key = (keyNode instanceof ScalarNode scalar) ? scalar.getValue() : String.valueOf(keyNode);
			if (!known.contains(key)) {
				this.findings.warning(line(keyNode), key, "import.yaml.unknownKey", key);
			}
			else if (fields.putIfAbsent(key, tuple.getValueNode()) != null) {
				this.findings.problem(line(keyNode), key, "import.yaml.duplicateKey", key);
			}
		}
		return fields;
	}

	private String text(Map<String, Node> fields, String key) {
		Node node = fields.get(key);
		if (node == null || isNull(node)) {
			return null;
		}
		return Findings.clean(scalar(node, key));
	}

	/** A scalar's text; reports a mapping or list where text was expected. */
	private String scalar(Node node, String field) {
		if (node instanceof ScalarNode scalar) {
			return isNull(scalar) ? null : scalar.getValue();
		}
		this.findings.problem(line(node), field, "import.yaml.expectedText", field);
		return null;
	}

	/** The items of a list; a single value counts as a list of one. */
	private List<Node> items(Node node, String field) {
		if (node == null || isNull(node)) {
			return List.of();
		}
		if (node instanceof SequenceNode list) {
			return list.getValue();
		}
		if (node instanceof ScalarNode) {
			return List.of(node);
		}
		this.findings.problem(line(node), field, "import.yaml.expectedList", field);
		return List.of();
	}

	private List<String> strings(Node node, String field) {
		List<String> strings = new ArrayList<>();
		for (Node item : items(node, field)) {
			String text = scalar(item, field);
			if (text != null) {
				strings.add(text.strip());
			}
		}
		return strings;
	}

	private MappingNode mapping(Node node, String field) {
		if (node instanceof MappingNode mapping) {
			return mapping;
		}
		this.findings.problem(line(node), field, "import.yaml.expectedMapping", field);
		return null;
	}

	private static boolean isNull(Node node) {
		return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
	}

	private static BigDecimal parse(String text) {
		try {
			return new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

}
