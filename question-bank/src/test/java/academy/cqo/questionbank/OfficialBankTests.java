package academy.cqo.questionbank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official bank is well formed: the build fails on any malformed question, missing
 * key, missing explanation or source, or duplicate, and on a bank that no longer covers
 * the syllabus.
 */
class OfficialBankTests {

	private static final Path TOPICS = Path.of("topics");

	@Test
	void everyQuestionFollowsTheFormat() throws IOException {
		BankFileRules rules = checkAll();
		assertThat(rules.problems()).isEmpty();
	}

	@Test
	void bankCoversTheSyllabus() throws IOException {
		List<Path> files = topicFiles();
		assertThat(files).hasSizeGreaterThanOrEqualTo(14);
		for (Path file : files) {
			BankFileRules rules = new BankFileRules();
			int count = rules.checkFile(file.getFileName().toString(), parse(file));
			assertThat(count).as(file.getFileName() + ": no topic under 25 questions").isGreaterThanOrEqualTo(25);
		}
		BankFileRules all = checkAll();
		assertThat(all.questions()).isGreaterThanOrEqualTo(500);
		assertThat(all.countsByType()).containsOnlyKeys(BankFileRules.TYPES);
		assertThat(all.countsByType().get("essay")).as("case-analysis questions").isGreaterThanOrEqualTo(30);
	}

	@Nested
	class TheRulesCatchMistakes {

		private List<String> problemsOf(String yaml) {
			BankFileRules rules = new BankFileRules();
			rules.checkFile("99-sample.yaml", new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
			return rules.problems();
		}

		private static final String HEAD = """
				topic: sample
				title: 样例
				tags: [样例]
				questions:
				""";

		@Test
		void singleChoiceWithTwoKeysAndAMissingExplanation() {
			assertThat(problemsOf(HEAD + """
					  - id: smp-001
					    type: single
					    difficulty: 2
					    tags: [样例]
					    stem: 题干
					    options: [{id: a, text: 甲}, {id: b, text: 乙}, {id: c, text: "A和B"}, {id: d, text: 以上都对}]
					    answer: [a, b]
					    source: 某法第一条
					""")).containsExactlyInAnyOrder(
					"99-sample.yaml smp-001 [explanation]: is missing (every question needs a 解析)",
					"99-sample.yaml smp-001 [options]: 'A和B' refers to other options, which are shuffled",
					"99-sample.yaml smp-001 [options]: '以上都对' refers to other options, which are shuffled",
					"99-sample.yaml smp-001 [answer]: a single-choice question has exactly one correct option, not 2");
		}

		@Test
		void fillBlanksThatDoNotMatchTheStemAndAnEssayRubricThatDoesNotAddUp() {
			assertThat(problemsOf(HEAD + """
					  - id: smp-002
					    type: fill
					    difficulty: 2
					    tags: [样例]
					    stem: "{{1}} 与 {{2}}"
					    blanks: [[甲]]
					    explanation: 解析
					    source: 来源
					  - id: smp-003
					    type: essay
					    difficulty: 3
					    tags: [未列出]
					    stem: 论述
					    referenceAnswer: 参考答案
					    rubric: [{points: 4, criterion: 要点一}, {points: 4, criterion: 要点二}]
					    explanation: 解析
					    source: 来源
					""")).containsExactlyInAnyOrder(
					"99-sample.yaml smp-002 [stem]: marks blanks [1, 2] but blanks has 1 entries",
					"99-sample.yaml smp-003 [tags]: '未列出' is not listed in the file's tags",
					"99-sample.yaml smp-003 [rubric]: points add up to 8 but the question is worth 10");
		}

		@Test
		void duplicatesAreFoundAcrossWidthAndPunctuation() {
			assertThat(problemsOf(
					HEAD + """
							  - {id: smp-004, type: true_false, difficulty: 1, tags: [样例], stem: "产品质量法适用于建设工程。", answer: false, explanation: 解, source: 源}
							  - {id: smp-005, type: true_false, difficulty: 1, tags: [样例], stem: "产品质量法适用于建设工程", answer: false, explanation: 解, source: 源}
							"""))
				.containsExactly("99-sample.yaml smp-005 [stem]: duplicates question smp-004");
		}

		@Test
		void legalWordingWithYiShangIsNotMistakenForAReference() {
			assertThat(problemsOf(
					HEAD + """
							  - id: smp-006
							    type: single
							    difficulty: 2
							    tags: [样例]
							    stem: 题干
							    options: [{id: a, text: 县级以上市场监管部门}, {id: b, text: "A、B、C、D四级"}, {id: c, text: 丙}, {id: d, text: 丁}]
							    answer: [a]
							    explanation: 解析
							    source: 来源
							"""))
				.isEmpty();
		}

	}

	private static BankFileRules checkAll() throws IOException {
		BankFileRules rules = new BankFileRules();
		for (Path file : topicFiles()) {
			rules.checkFile(file.getFileName().toString(), parse(file));
		}
		return rules;
	}

	private static Object parse(Path file) throws IOException {
		return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
	}

	private static List<Path> topicFiles() throws IOException {
		try (Stream<Path> files = Files.list(TOPICS)) {
			return files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList();
		}
	}

}
