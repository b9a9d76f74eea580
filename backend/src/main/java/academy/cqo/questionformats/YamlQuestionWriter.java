package academy.cqo.questionformats;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
 * Writes a bank in the official bank's layout: long texts as {@code |} block scalars,
 * options and rubric items as one-line flow mappings, keys in a fixed order. The node
 * tree is built by hand so that each value gets the official files' style; SnakeYAML
 * quotes whatever would not read back as the same text.
 */
final class YamlQuestionWriter {

	private static final String PLAIN_UNSAFE_START = "-?:,[]{}#&*!|>'\"%@`";

	private static final String FLOW_INDICATORS = ",[]{}";

	private static final Resolver RESOLVER = new Resolver();

	/**
	 * Write a bank.
	 * @param bank the bank
	 * @return the UTF-8 file
	 */
	byte[] write(ExportedBank bank) {
		List<NodeTuple> file = new ArrayList<>();
		file.add(entry("bank", bankNode(bank)));
		Set<String> tags = new LinkedHashSet<>(bank.taxonomy());
		bank.questions().forEach((question) -> tags.addAll(question.tags()));
		if (!tags.isEmpty()) {
			file.add(entry("tags", sequence(tags.stream().map(YamlQuestionWriter::plain).toList(), FlowStyle.BLOCK)));
		}
		file.add(entry("questions",
				sequence(bank.questions().stream().map(YamlQuestionWriter::question).toList(), FlowStyle.BLOCK)));
		StringWriter out = new StringWriter();
		yaml().serialize(new MappingNode(Tag.MAP, file, FlowStyle.BLOCK), out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static Yaml yaml() {
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

	private static Node bankNode(ExportedBank bank) {
		List<NodeTuple> fields = new ArrayList<>();
		fields.add(entry("name", plain(bank.name())));
		if (bank.description() != null && !bank.description().isBlank()) {
			fields.add(entry("description", block(bank.description())));
		}
		return new MappingNode(Tag.MAP, fields, FlowStyle.BLOCK);
	}

	private static Node question(QuestionDraft question) {
		QuestionContent content = question.content();
		QuestionType type = content.type();
		List<NodeTuple> fields = new ArrayList<>();
		if (question.code() != null) {
			fields.add(entry("id", plain(question.code())));
		}
		fields.add(entry("type", plain(type.code())));
		fields.add(entry("difficulty", number(question.difficulty())));
		if (type == QuestionType.ESSAY || content.score() != type.defaultScore()) {
			fields.add(entry("score", number(content.score())));
		}
		if (!question.tags().isEmpty()) {
			fields.add(entry("tags",
					sequence(question.tags().stream().map(YamlQuestionWriter::plain).toList(), FlowStyle.FLOW)));
		}
		fields.add(entry("stem", block(content.stem())));
		answerFields(content, fields);
		if (content.explanation() != null) {
			fields.add(entry("explanation", block(content.explanation())));
		}
		if (content.source() != null) {
			fields.add(entry("source", plain(content.source())));
		}
		if (question.status() != null) {
			fields.add(entry("status", plain(question.status().code())));
		}
		return new MappingNode(Tag.MAP, fields, FlowStyle.BLOCK);
	}

	private static void answerFields(QuestionContent content, List<NodeTuple> fields) {
		switch (content.type()) {
			case SINGLE, MULTIPLE -> {
				fields
					.add(entry("options", sequence(content.options().stream().map(YamlQuestionWriter::option).toList(),
							FlowStyle.BLOCK)));
				fields.add(entry("answer",
						sequence(content.answer().stream().map(YamlQuestionWriter::plain).toList(), FlowStyle.FLOW)));
			}
			case TRUE_FALSE -> fields.add(entry("answer", new ScalarNode(Tag.BOOL,
					String.valueOf(content.trueFalseAnswer()), null, null, ScalarStyle.PLAIN)));
			case FILL -> fields.add(entry("blanks", sequence(content.blanks()
				.stream()
				.map((blank) -> sequence(blank.stream().map(YamlQuestionWriter::quoted).toList(), FlowStyle.FLOW))
				.toList(), FlowStyle.FLOW)));
			case ESSAY -> {
				if (content.referenceAnswer() != null) {
					fields.add(entry("referenceAnswer", block(content.referenceAnswer())));
				}
				if (!content.rubric().isEmpty()) {
					fields.add(entry("rubric", sequence(
							content.rubric().stream().map(YamlQuestionWriter::rubricItem).toList(), FlowStyle.BLOCK)));
				}
			}
		}
	}

	private static Node option(Option option) {
		return new MappingNode(Tag.MAP, List.of(entry("id", plain(option.id())), entry("text", quoted(option.text()))),
				FlowStyle.FLOW);
	}

	private static Node rubricItem(RubricItem item) {
		return new MappingNode(Tag.MAP,
				List.of(entry("points", number(item.points())), entry("criterion", quoted(item.criterion()))),
				FlowStyle.FLOW);
	}

	private static NodeTuple entry(String key, Node value) {
		return new NodeTuple(plain(key), value);
	}

	private static Node sequence(List<? extends Node> items, FlowStyle style) {
		return new SequenceNode(Tag.SEQ, List.copyOf(items), style);
	}

	/**
	 * Plain text where YAML reads it back as the same string, double quotes otherwise
	 * (the official files' choice; SnakeYAML alone would pick single quotes).
	 */
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

	/** A {@code |} block; SnakeYAML falls back to quotes when a block cannot hold it. */
	private static ScalarNode block(String text) {
		return scalar(text + "\n", ScalarStyle.LITERAL);
	}

	private static ScalarNode scalar(String text, ScalarStyle style) {
		return new ScalarNode(Tag.STR, (text != null) ? text : "", null, null, style);
	}

	private static ScalarNode number(double value) {
		String text = Scores.format(value);
		Tag tag = text.contains(".") ? Tag.FLOAT : Tag.INT;
		return new ScalarNode(tag, text, null, null, ScalarStyle.PLAIN);
	}

}
