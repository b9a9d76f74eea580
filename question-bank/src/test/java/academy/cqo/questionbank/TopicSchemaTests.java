package academy.cqo.questionbank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every topic file matches {@code schema/topic.schema.json}, the machine-readable form of
 * the format in the README (editors can use it for completion and checking), and the
 * schema refuses what the format forbids.
 */
class TopicSchemaTests {

	private static final YAMLMapper YAML = new YAMLMapper();

	private static final JsonSchema SCHEMA = load();

	private static JsonSchema load() {
		try {
			JsonNode schema = YAML.readTree(Path.of("schema/topic.schema.json").toFile());
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void everyTopicFileMatchesTheSchema() throws IOException {
		List<Path> files;
		try (Stream<Path> paths = Files.list(Path.of("topics"))) {
			files = paths.filter((path) -> path.toString().endsWith(".yaml")).sorted().toList();
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(14);
		for (Path file : files) {
			Set<ValidationMessage> messages = SCHEMA.validate(YAML.readTree(file.toFile()));
			assertThat(messages).as(file.getFileName().toString()).isEmpty();
		}
	}

	@Test
	void theSchemaRefusesAMissingExplanationTwoKeysOnASingleChoiceAndOptionsOnATrueFalse() throws IOException {
		String yaml = """
				topic: sample
				title: 样例
				tags: [样例]
				questions:
				  - id: smp-001
				    type: single
				    difficulty: 2
				    tags: [样例]
				    stem: 题干
				    options: [{id: a, text: 甲}, {id: b, text: 乙}, {id: c, text: 丙}, {id: d, text: 丁}]
				    answer: [a, b]
				    source: 出处
				  - id: smp-002
				    type: true_false
				    difficulty: 1
				    tags: [样例]
				    stem: 题干二
				    options: [{id: a, text: 甲}, {id: b, text: 乙}, {id: c, text: 丙}, {id: d, text: 丁}]
				    answer: true
				    explanation: 解析
				    source: 出处
				""";
		Set<ValidationMessage> messages = SCHEMA.validate(YAML.readTree(yaml));
		assertThat(messages).extracting(ValidationMessage::getInstanceLocation)
			.map(Object::toString)
			.anySatisfy((location) -> assertThat(location).isEqualTo("$.questions[0]"))
			.anySatisfy((location) -> assertThat(location).isEqualTo("$.questions[0].answer"))
			.anySatisfy((location) -> assertThat(location).startsWith("$.questions[1]"));
		assertThat(messages).extracting(ValidationMessage::getMessage)
			.anySatisfy((message) -> assertThat(message).contains("explanation"));
	}

}
