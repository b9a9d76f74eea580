package academy.cqo.questionbank;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The official files' layout, as the platform's exporter writes it
 * ({@code YamlQuestionWriter} in the backend, whose test
 * {@code YamlFormatTests.writerReproducesTheOfficialFilesQuestionByQuestion} holds every
 * topic file to it): long texts as {@code |} blocks, option and rubric texts in double
 * quotes, ids, tags and sources plain unless YAML would read them otherwise, keys in a
 * fixed order, no default score. Kept here so that a topic file in another layout fails
 * in this module, with the lines to change, before it fails the backend's build.
 */
final class OfficialLayout {

	private static final String PLAIN_UNSAFE_START = "-?:,[]{}#&*!|>'\"%@`";

	private static final String FLOW_INDICATORS = ",[]{}";

	private static final Resolver RESOLVER = new Resolver();

	private OfficialLayout() {
	}

	/**
	 * The lines of a topic file, from {@code questions:} on, that differ from the layout
	 * the platform writes.
	 * @param fileName the file's name
	 * @param yaml the file's text
	 * @param limit how many differences to report
	 * @return one message per differing line, empty when the file is in the official
	 * layout
	 */
	static List<String> differences(String fileName, String yaml, int limit) {
		List<String> original = questionLines(yaml);
		List<String> written = questionLines(write(yaml));
		List<String> found = new ArrayList<>();
		int size = Math.max(original.size(), written.size());
		for (int i = 0; i < size && found.size() < limit; i++) {
			String was = (i < original.size()) ? original.get(i) : "(nothing)";
			String expected = (i < written.size()) ? written.get(i) : "(nothing)";
			if (!was.equals(expected)) {
				found.add(fileName + " [layout]: '" + was.strip() + "' should read '" + expected.strip() + "'");
				if (original.size() != written.size()) {
					break;
				}
			}
		}
		return found;
	}

	/** The lines from {@code questions:} on, without comments and blank lines. */
	static List<String> questionLines(String yaml) {
		int start = yaml.indexOf("\nquestions:\n");
		String questions = (start >= 0) ? yaml.substring(start + 1) : yaml;
		return questions.lines().filter((line) -> !line.isBlank() && !line.strip().startsWith("#")).toList();
	}

	/** The file's questions as the platform would write them. */
	static String write(String yaml) {
		Node root = new Yaml().compose(new StringReader(yaml));
		Map<String, Node> file = fields(root);
		List<Node> questions = new ArrayList<>();
		if (file.get("questions") instanceof SequenceNode sequence) {
			for (Node question : sequence.getValue()) {
				questions.add(question(fields(question)));
			}
		}
		List<NodeTuple> out = new ArrayList<>();
		out.add(entry("questions", new SequenceNode(Tag.SEQ, questions, FlowStyle.BLOCK)));
		StringWriter writer = new StringWriter();
		dumper().serialize(new MappingNode(Tag.MAP, out, FlowStyle.BLOCK), writer);
		return "\n" + writer;
	}

	private static Yaml dumper() {
		DumperOptions options = new DumperOptions();
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setAllowUnicode(true);
		options.setWidth(Integer.MAX_VALUE);
		options.setSplitLines(false);
		options.setLineBreak(DumperOptions.LineBreak.UNIX);
		return new Yaml(options);
	}

	private static Node question(Map<String, Node> fields) {
		String type = text(fields.get("type"));
		List<NodeTuple> out = new ArrayList<>();
		if (text(fields.get("id")) != null) {
			out.add(entry("id", plain(text(fields.get("id")))));
		}
		out.add(entry("type", plain(String.valueOf(type).strip())));
		String difficulty = text(fields.get("difficulty"));
		out.add(entry("difficulty", number((difficulty != null) ? new BigDecimal(difficulty) : BigDecimal.valueOf(3))));
		String score = text(fields.get("score"));
		BigDecimal defaultScore = BigDecimal.valueOf(BankFileRules.DEFAULT_SCORES.getOrDefault(type, 1));
		BigDecimal value = (score != null) ? new BigDecimal(score) : defaultScore;
		if ("essay".equals(type) || value.compareTo(defaultScore) != 0) {
			out.add(entry("score", number(value)));
		}
		List<String> tags = strings(fields.get("tags"));
		if (!tags.isEmpty()) {
			out.add(entry("tags", sequence(tags.stream().map(OfficialLayout::plain).toList(), FlowStyle.FLOW)));
		}
		out.add(entry("stem", block(text(fields.get("stem")))));
		switch (String.valueOf(type)) {
			case "single", "multiple" -> {
				List<Node> options = new ArrayList<>();
				if (fields.get("options") instanceof SequenceNode sequence) {
					for (Node option : sequence.getValue()) {
						Map<String, Node> optionFields = fields(option);
						options.add(
								new MappingNode(Tag.MAP,
										List.of(entry("id", plain(text(optionFields.get("id")))),
												entry("text", quoted(text(optionFields.get("text"))))),
										FlowStyle.FLOW));
					}
				}
				out.add(entry("options", sequence(options, FlowStyle.BLOCK)));
				out.add(entry("answer", sequence(
						strings(fields.get("answer")).stream().map(OfficialLayout::plain).toList(), FlowStyle.FLOW)));
			}
			case "true_false" -> out.add(entry("answer",
					new ScalarNode(Tag.BOOL,
							String.valueOf(text(fields.get("answer"))).strip().toLowerCase(java.util.Locale.ROOT), null,
							null, ScalarStyle.PLAIN)));
			case "fill" -> {
				List<Node> blanks = new ArrayList<>();
				if (fields.get("blanks") instanceof SequenceNode sequence) {
					for (Node blank : sequence.getValue()) {
						blanks.add(
								sequence(strings(blank).stream().map(OfficialLayout::quoted).toList(), FlowStyle.FLOW));
					}
				}
				out.add(entry("blanks", sequence(blanks, FlowStyle.FLOW)));
			}
			case "essay" -> {
				if (text(fields.get("referenceAnswer")) != null) {
					out.add(entry("referenceAnswer", block(text(fields.get("referenceAnswer")))));
				}
				List<Node> rubric = new ArrayList<>();
				if (fields.get("rubric") instanceof SequenceNode sequence) {
					for (Node item : sequence.getValue()) {
						Map<String, Node> itemFields = fields(item);
						rubric.add(new MappingNode(Tag.MAP,
								List.of(entry("points", number(new BigDecimal(text(itemFields.get("points"))))),
										entry("criterion", quoted(text(itemFields.get("criterion"))))),
								FlowStyle.FLOW));
					}
				}
				if (!rubric.isEmpty()) {
					out.add(entry("rubric", sequence(rubric, FlowStyle.BLOCK)));
				}
			}
			default -> {
			}
		}
		if (text(fields.get("explanation")) != null) {
			out.add(entry("explanation", block(text(fields.get("explanation")))));
		}
		if (text(fields.get("source")) != null) {
			out.add(entry("source", plain(text(fields.get("source")))));
		}
		if (text(fields.get("status")) != null) {
			out.add(entry("status", plain(text(fields.get("status")).strip())));
		}
		return new MappingNode(Tag.MAP, out, FlowStyle.BLOCK);
	}

	private static Map<String, Node> fields(Node node) {
		Map<String, Node> fields = new LinkedHashMap<>();
		if (node instanceof MappingNode mapping) {
			for (NodeTuple tuple : mapping.getValue()) {
				if (tuple.getKeyNode() instanceof ScalarNode key) {
					fields.putIfAbsent(key.getValue(), tuple.getValueNode());
				}
			}
		}
		return fields;
	}

	/**
	 * A scalar's text as the platform reads it: line breaks unified, stripped, empty as
	 * none.
	 */
	private static String text(Node node) {
		if (!(node instanceof ScalarNode scalar) || scalar.getTag().equals(Tag.NULL)) {
			return null;
		}
		String cleaned = scalar.getValue().replace("\r\n", "\n").replace('\r', '\n').strip();
		return cleaned.isEmpty() ? null : cleaned;
	}

	private static List<String> strings(Node node) {
		List<String> strings = new ArrayList<>();
		List<Node> items = (node instanceof SequenceNode sequence) ? sequence.getValue()
				: (node != null) ? List.of(node) : List.of();
		for (Node item : items) {
			if (item instanceof ScalarNode scalar && !scalar.getTag().equals(Tag.NULL)) {
				strings.add(scalar.getValue().strip());
			}
		}
		return strings;
	}

	private static NodeTuple entry(String key, Node value) {
		return new NodeTuple(plain(key), value);
	}

	private static Node sequence(List<? extends Node> items, FlowStyle style) {
		return new SequenceNode(Tag.SEQ, List.copyOf(items), style);
	}

	private static ScalarNode plain(String text) {
		return scalar(text, canBePlain(text) ? ScalarStyle.PLAIN : ScalarStyle.DOUBLE_QUOTED);
	}

	private static boolean canBePlain(String text) {
		if (text == null || text.isEmpty() || !text.equals(text.strip()) || text.contains(": ") || text.contains(" #")
				|| text.endsWith(":") || text.chars().anyMatch((ch) -> ch < 0x20 || ch == 0x7F)) {
			return false;
		}
		if (PLAIN_UNSAFE_START.indexOf(text.charAt(0)) >= 0
				|| text.chars().anyMatch((ch) -> FLOW_INDICATORS.indexOf(ch) >= 0)) {
			return false;
		}
		return RESOLVER.resolve(NodeId.scalar, text, true).equals(Tag.STR);
	}

	private static ScalarNode quoted(String text) {
		return scalar(text, ScalarStyle.DOUBLE_QUOTED);
	}

	private static ScalarNode block(String text) {
		return scalar(((text != null) ? text : "") + "\n", ScalarStyle.LITERAL);
	}

	private static ScalarNode scalar(String text, ScalarStyle style) {
		return new ScalarNode(Tag.STR, (text != null) ? text : "", null, null, style);
	}

	private static ScalarNode number(BigDecimal value) {
		String text = value.stripTrailingZeros().toPlainString();
		return new ScalarNode(text.contains(".") ? Tag.FLOAT : Tag.INT, text, null, null, ScalarStyle.PLAIN);
	}

}
