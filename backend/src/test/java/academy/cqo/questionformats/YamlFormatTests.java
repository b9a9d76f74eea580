package academy.cqo.questionformats;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import academy.cqo.questionbank.domain.QuestionRules;
import academy.cqo.shared.FieldViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class YamlFormatTests {

	private static final Path OFFICIAL_TOPICS = Path.of("../question-bank/topics");

	private static final String HEAD = """
			topic: sample
			title: 样例
			tags:
			  - 样例/一
			questions:
			""";

	private final YamlFormat format = new YamlFormat();

	@Test
	void readsEveryFileOfTheOfficialBankWithoutProblems() throws IOException {
		List<Path> files = officialFiles();
		int questions = 0;
		for (Path file : files) {
			ParsedFile parsed = this.format.read(Files.readAllBytes(file));
			assertThat(parsed.problems()).as(file.toString()).isEmpty();
			assertThat(parsed.warnings()).as(file.toString()).isEmpty();
			for (QuestionDraft question : parsed.questions()) {
				assertThat(QuestionRules.check(question)).as(file + " " + question.code()).isEmpty();
				assertThat(question.line()).isPositive();
			}
			questions += parsed.questions().size();
		}
		assertThat(files).as("topic files (question-bank/README.md, coverage)").hasSizeGreaterThanOrEqualTo(18);
		assertThat(questions).as("questions in the official bank").isGreaterThanOrEqualTo(800);
	}

	@Test
	void officialBankRoundTrips() throws IOException {
		for (Path file : officialFiles()) {
			List<QuestionDraft> read = this.format.read(Files.readAllBytes(file)).questions();
			Set<String> tags = new LinkedHashSet<>();
			read.forEach((question) -> tags.addAll(question.tags()));
			byte[] written = this.format
				.write(new ExportedBank(file.getFileName().toString(), null, List.copyOf(tags), read));
			ParsedFile again = this.format.read(written);
			assertThat(again.problems()).as(file.toString()).isEmpty();
			assertThat(SampleQuestions.withoutLines(again.questions())).as(file.toString())
				.isEqualTo(SampleQuestions.withoutLines(read));
		}
	}

	@Test
	void writerReproducesTheOfficialFilesQuestionByQuestion() throws IOException {
		for (Path file : officialFiles()) {
			String original = Files.readString(file);
			List<QuestionDraft> read = this.format.read(original.getBytes(StandardCharsets.UTF_8)).questions();
			String written = new String(this.format.write(new ExportedBank("x", null, List.of(), read)),
					StandardCharsets.UTF_8);
			assertThat(questionLines(written)).as(file.toString()).isEqualTo(questionLines(original));
		}
	}

	/** The lines from {@code questions:} on, without comments and blank lines. */
	private static List<String> questionLines(String yaml) {
		String questions = yaml.substring(yaml.indexOf("\nquestions:\n") + 1);
		return questions.lines().filter((line) -> !line.isBlank() && !line.strip().startsWith("#")).toList();
	}

	@Test
	void questionLinesPointAtTheQuestion() {
		ParsedFile parsed = read(HEAD + """
				  - id: smp-001
				    type: true_false
				    stem: 对吗？
				    answer: true
				  - id: smp-002
				    type: true_false
				    stem: 错吗？
				    answer: false
				""");
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.questions()).extracting(QuestionDraft::line).containsExactly(6, 10);
		assertThat(parsed.questions().get(0).content().answer()).containsExactly("true");
		assertThat(parsed.questions().get(1).content().answer()).containsExactly("false");
		assertThat(parsed.questions().get(0).difficulty()).isEqualTo(QuestionDraft.DEFAULT_DIFFICULTY);
		assertThat(parsed.questions().get(0).content().score()).isEqualTo(QuestionType.TRUE_FALSE.defaultScore());
	}

	@Test
	void everyTypeRoundTrips() {
		byte[] written = this.format.write(SampleQuestions.bank(SampleQuestions.ALL));
		ParsedFile parsed = this.format.read(written);
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.warnings()).isEmpty();
		assertThat(SampleQuestions.withoutLines(parsed.questions())).isEqualTo(SampleQuestions.ALL);
		assertThat(parsed.questions()).allSatisfy((question) -> assertThat(QuestionRules.check(question)).isEmpty());
	}

	@Test
	void writesTheOfficialLayout() {
		String yaml = new String(this.format.write(SampleQuestions.bank(SampleQuestions.ALL)), StandardCharsets.UTF_8);
		assertThat(yaml).startsWith("bank:\n  name: 样例题库\n  description: |\n    用于测试的题库。\n    第二行说明。\ntags:\n  - ")
			.contains("""
					questions:
					  - id: pql-001
					    type: single
					    difficulty: 1
					    tags: [首席质量官制度/岗位设置与聘任]
					    stem: |
					      首席质量官一般应设在企业的哪一层级？
					    options:
					      - {id: a, text: "企业决策层"}
					""")
			.contains("    answer: [a]\n")
			.contains("    score: 2.5\n")
			.contains("      - {id: e, text: \"true\"}\n")
			.contains("    answer: false\n")
			.contains("  - id: \"001\"\n")
			.contains("    blanks: [[\"十五\", \"15\"], [\"复检\"]]\n")
			.contains("      - {points: 3.5, criterion: \"分析原因（人、机、料、法、环）\"}\n")
			.contains("      | 生产线 | 抽检数 | 不合格数 |\n")
			.contains("    status: retired\n");
		assertThat(this.format.write(SampleQuestions.bank(SampleQuestions.ALL)))
			.isEqualTo(this.format.write(SampleQuestions.bank(SampleQuestions.ALL)));
	}

	@Test
	void readsGbkFiles() {
		String yaml = HEAD + """
				  - id: smp-001
				    type: single
				    tags: [样例/一]
				    stem: 产品质量法由哪个机关通过？
				    options:
				      - {id: a, text: 全国人民代表大会常务委员会}
				      - {id: b, text: 国务院}
				    answer: [a]
				""";
		ParsedFile parsed = this.format.read(yaml.getBytes(Charset.forName("GBK")));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.questions()).singleElement().satisfies((question) -> {
			assertThat(question.content().stem()).isEqualTo("产品质量法由哪个机关通过？");
			assertThat(question.content().options().get(0).text()).isEqualTo("全国人民代表大会常务委员会");
			assertThat(question.tags()).containsExactly("样例/一");
		});
	}

	@Test
	void readsUtf8WithByteOrderMark() {
		byte[] body = (HEAD + "  - {type: true_false, stem: 对吗, answer: true}\n").getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		assertThat(this.format.read(withBom).questions()).hasSize(1);
	}

	@Test
	void syntaxErrorIsReportedAtItsLine() {
		ParsedFile parsed = read(HEAD + """
				  - id: smp-001
				    type: single
				    stem: 题干: 冒号后又有冒号
				    answer: [a]
				""");
		assertThat(parsed.questions()).isEmpty();
		assertThat(parsed.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo("file");
			assertThat(problem.messageKey()).isEqualTo("import.yaml.syntax");
			assertThat(problem.line()).isEqualTo(8);
		});
		ParsedFile badIndent = read(HEAD + """
				  - id: smp-001
				    type: fill
				   stem: 缩进错误
				""");
		assertThat(badIndent.problems()).extracting(FieldViolation::messageKey, FieldViolation::line)
			.containsExactly(tuple("import.yaml.syntax", 8));
	}

	@Test
	void questionTagNotInTheFileTagsIsAnError() {
		ParsedFile parsed = read(HEAD + """
				  - id: smp-001
				    type: true_false
				    tags:
				      - 样例/一
				      - 未列出/知识点
				    stem: 对吗？
				    answer: true
				""");
		assertThat(parsed.questions()).isEmpty();
		assertThat(parsed.problems())
			.extracting(FieldViolation::field, FieldViolation::messageKey, FieldViolation::arguments,
					FieldViolation::line)
			.containsExactly(tuple("tags", "import.yaml.tagNotListed", List.of("未列出/知识点"), 10));
	}

	@Test
	void reportsEveryProblemWithItsLineAndField() {
		ParsedFile parsed = read(HEAD + """
				  - id: smp-001
				    type: choice
				    stem: 未知题型
				  - id: smp-002
				    type: single
				    difficulty: 6
				    stem: 难度越界
				    options: [{id: a, text: 甲}, {id: b, text: 乙}]
				    answer: [a]
				    blanks: [[甲]]
				    remark: 多余的键
				  - id: smp-002
				    type: essay
				    score: 十分
				    stem: 分值不是数
				    status: published
				  - type: true_false
				    stem: 判断
				    answer: 也许
				  - id: smp-005
				    type: fill
				    stem: "{{1}}"
				    blanks: [[甲]]
				    stem: 重复的键
				""");
		assertThat(parsed.questions()).isEmpty();
		assertThat(parsed.problems())
			.extracting(FieldViolation::line, FieldViolation::field, FieldViolation::messageKey)
			.containsExactly(tuple(7, "type", "import.yaml.type"), tuple(11, "difficulty", "import.yaml.difficulty"),
					tuple(15, "blanks", "import.yaml.notForType"), tuple(17, "code", "import.file.duplicateCode"),
					tuple(19, "score", "import.yaml.number"), tuple(21, "status", "import.yaml.status"),
					tuple(24, "answer", "import.yaml.trueFalse"), tuple(29, "stem", "import.yaml.duplicateKey"));
		assertThat(parsed.problems().get(3).arguments()).containsExactly("smp-002", 9);
		assertThat(parsed.warnings()).extracting(FieldViolation::line, FieldViolation::messageKey)
			.containsExactly(tuple(16, "import.yaml.unknownKey"));
	}

	@Test
	void draftsFollowTheGenericRulesAfterReading() {
		ParsedFile parsed = read(HEAD + """
				  - id: smp-001
				    type: single
				    stem: 两个答案
				    options: [{id: a, text: 甲}, {id: b, text: 乙}]
				    answer: [a, b]
				""");
		assertThat(parsed.problems()).isEmpty();
		assertThat(QuestionRules.check(parsed.questions().getFirst()))
			.extracting(FieldViolation::line, FieldViolation::field, FieldViolation::messageKey)
			.containsExactly(tuple(6, "answer", "question.answer.single"));
	}

	@Test
	void aliasBombIsRefusedNotExpanded() {
		StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
		for (char level = 'b'; level <= 'z'; level++) {
			char previous = (char) (level - 1);
			yaml.append(level).append(": &").append(level).append(" [");
			yaml.append(String.join(", ", java.util.Collections.nCopies(10, "*" + previous))).append("]\n");
		}
		ParsedFile parsed = read(yaml.toString());
		assertThat(parsed.questions()).isEmpty();
		assertThat(parsed.problems()).extracting(FieldViolation::field, FieldViolation::messageKey)
			.containsExactly(tuple("file", "import.yaml.syntax"));
	}

	@Test
	void nonMappingFileAndEmptyFile() {
		assertThat(read("- 只是一个列表\n").problems()).extracting(FieldViolation::messageKey, FieldViolation::line)
			.containsExactly(tuple("import.yaml.expectedMapping", 1));
		ParsedFile empty = read("");
		assertThat(empty.problems()).isEmpty();
		assertThat(empty.questions()).isEmpty();
	}

	@Test
	void customTagsConstructNothing() {
		ParsedFile parsed = read(
				HEAD + """
						  - type: true_false
						    stem: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://127.0.0.1/"]]]]
						    answer: true
						""");
		assertThat(parsed.questions()).isEmpty();
		assertThat(parsed.problems()).extracting(FieldViolation::field, FieldViolation::messageKey)
			.containsExactly(tuple("file", "import.yaml.syntax"));
		assertThat(parsed.problems().getFirst().line()).isEqualTo(7);
	}

	@Test
	void statusIsOptional() {
		ParsedFile parsed = read(HEAD + """
				  - {type: true_false, stem: 甲, answer: true, status: reviewed}
				  - {type: true_false, stem: 乙, answer: false}
				""");
		assertThat(parsed.questions()).extracting(QuestionDraft::status).containsExactly(ReviewStatus.REVIEWED, null);
	}

	@Test
	void recognisesYamlByNameOrFirstKey() {
		assertThat(this.format.recognise("bank.yml", new byte[0])).isEqualTo(100);
		assertThat(this.format.recognise("02-product-quality-law.yaml", new byte[0])).isEqualTo(100);
		assertThat(this.format.recognise(null, "# 题库\ntopic: x\n".getBytes(StandardCharsets.UTF_8))).isPositive();
		assertThat(this.format.recognise("upload.txt", "questions:\n  - {}\n".getBytes(StandardCharsets.UTF_8)))
			.isPositive();
		assertThat(this.format.recognise("questions.txt", "::Q1:: 1+1=2 {T}".getBytes(StandardCharsets.UTF_8)))
			.isZero();
		assertThat(this.format.id()).isEqualTo("yaml");
		assertThat(this.format.extension()).isEqualTo("yaml");
		assertThat(this.format.mediaType()).isEqualTo("application/yaml");
	}

	private ParsedFile read(String yaml) {
		return this.format.read(yaml.getBytes(StandardCharsets.UTF_8));
	}

	private static List<Path> officialFiles() throws IOException {
		try (Stream<Path> files = Files.list(OFFICIAL_TOPICS)) {
			return new ArrayList<>(files.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList());
		}
	}

}
