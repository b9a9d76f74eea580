package academy.cqo.questionbank;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * the syllabus. The bank-wide checks (issue 13) fail it when the way the questions are
 * built gives answers away (key positions, length cue, multiple-choice wrong options,
 * true/false balance, questions testing the same fact), when a source cannot be looked up
 * or cites an edition no longer in force, and when a retired id comes back. Each names
 * the offending files and question ids.
 */
class OfficialBankTests {

	private static final Path TOPICS = Path.of("topics");

	private static final Path RETIRED_IDS = Path.of("retired-ids.txt");

	private static final Path DISTINCT_PAIRS = Path.of("distinct-pairs.txt");

	@Test
	void everyQuestionFollowsTheFormat() throws IOException {
		BankFileRules rules = checkAll();
		assertThat(rules.problems()).isEmpty();
	}

	@Test
	void bankCoversTheSyllabus() throws IOException {
		List<String> gaps = new ArrayList<>();
		List<Path> files = topicFiles();
		if (files.size() < 18) {
			gaps.add("bank: " + files.size() + " topic files, at least 18");
		}
		for (Path file : files) {
			BankFileRules rules = new BankFileRules();
			int count = rules.checkFile(file.getFileName().toString(), parse(file));
			if (count < 45 || !rules.countsByType().keySet().containsAll(BankFileRules.TYPES)) {
				gaps.add(file.getFileName() + ": " + count + " questions " + rules.countsByType()
						+ ", at least 45 of all five types");
			}
		}
		BankFileRules all = checkAll();
		if (all.questions() < 800) {
			gaps.add("bank: " + all.questions() + " questions, at least 800");
		}
		if (all.countsByType().getOrDefault("essay", 0) < 60) {
			gaps.add("bank: " + all.countsByType().getOrDefault("essay", 0) + " case-analysis questions, at least 60");
		}
		assertThat(gaps).isEmpty();
	}

	@Test
	void everyFileIsInTheLayoutThePlatformWrites() throws IOException {
		List<String> differences = new ArrayList<>();
		for (Path file : topicFiles()) {
			differences.addAll(OfficialLayout.differences(file.getFileName().toString(), Files.readString(file), 5));
		}
		assertThat(differences).isEmpty();
	}

	/**
	 * The demo course ({@code backend/src/main/resources/demo/course/course.yaml}) draws
	 * each module's self-check (5 questions) from the bank's single, multiple choice and
	 * true/false questions by tag path; a tag renamed here must not leave a module
	 * without questions.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void theCourseSelfChecksStillFindTheirQuestions() throws IOException {
		Path course = Path.of("../backend/src/main/resources/demo/course/course.yaml");
		assertThat(course).exists();
		Map<String, Object> definition = new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(Files.readString(course));
		List<String> objectiveTags = new ArrayList<>();
		for (Path file : topicFiles()) {
			Map<String, Object> topic = (Map<String, Object>) parse(file);
			for (Object question : (List<Object>) topic.get("questions")) {
				Map<String, Object> map = (Map<String, Object>) question;
				if (Set.of("single", "multiple", "true_false").contains(map.get("type"))) {
					objectiveTags.add(
							String.join("\n", ((List<Object>) map.get("tags")).stream().map(String::valueOf).toList()));
				}
			}
		}
		List<String> thin = new ArrayList<>();
		for (Object module : (List<Object>) definition.get("modules")) {
			Map<String, Object> map = (Map<String, Object>) module;
			List<String> tags = ((List<Object>) map.get("selfCheckTags")).stream().map(String::valueOf).toList();
			long found = objectiveTags.stream()
				.filter((questionTags) -> questionTags.lines()
					.anyMatch((tag) -> tags.stream()
						.anyMatch((wanted) -> tag.equals(wanted) || tag.startsWith(wanted + "/"))))
				.count();
			if (found < 10) {
				thin.add(map.get("id") + " " + tags + ": " + found + " objective questions, at least 10");
			}
		}
		assertThat(thin).as("course modules whose self-check tags find too few questions").isEmpty();
	}

	@Test
	void everySourceCanBeLookedUpAtTheEditionInForce() throws IOException {
		assertThat(checkAll().sourceProblems()).isEmpty();
	}

	@Test
	void singleChoiceKeysAreSpreadOverThePositions() throws IOException {
		assertThat(checkAll().keyPositionProblems()).isEmpty();
	}

	@Test
	void noKeyIsGivenAwayByBeingTheLongestOption() throws IOException {
		assertThat(checkAll().lengthCueProblems()).isEmpty();
	}

	@Test
	void multipleChoiceHasTwoWrongOptionsAndThemAtEveryPosition() throws IOException {
		assertThat(checkAll().multipleChoiceProblems()).isEmpty();
	}

	@Test
	void trueAndFalseStatementsAreBalanced() throws IOException {
		assertThat(checkAll().trueFalseProblems()).isEmpty();
	}

	@Test
	void noTwoQuestionsTestTheSameFact() throws IOException {
		List<String> pairs = checkAll().nearDuplicates(BankFileRules.distinctPairs(lines(DISTINCT_PAIRS)));
		pairs.forEach(System.out::println);
		assertThat(pairs).isEmpty();
	}

	@Test
	void retiredIdsNeverComeBack() throws IOException {
		assertThat(checkAll().retiredIdProblems(lines(RETIRED_IDS))).isEmpty();
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
		void optionsThePlatformWouldTakeForTheSameAreRefused() {
			assertThat(problemsOf(HEAD + """
					  - id: smp-007
					    type: single
					    difficulty: 2
					    tags: [样例, "样例/ 子项"]
					    stem: 得分是多少？
					    options: [{id: a, text: 55分}, {id: b, text: 11分}, {id: c, text: 20分}, {id: d, text: 5.5分}]
					    answer: [b]
					    explanation: 解析
					    source: 来源
					""")).containsExactlyInAnyOrder(
					"99-sample.yaml smp-007 [tags]: '样例/ 子项' is not a path of non-empty levels separated by '/' (at most 100 characters)",
					"99-sample.yaml smp-007 [tags]: '样例/ 子项' is not listed in the file's tags",
					"99-sample.yaml smp-007 [options]: '55分' and '5.5分' are the same option once punctuation, width and case are ignored (the platform refuses the file)");
		}

		@Test
		void aFileOutOfTheOfficialLayoutIsShownTheLinesToChange() {
			String official = HEAD + """
					  - id: smp-008
					    type: single
					    difficulty: 2
					    tags: [样例]
					    stem: |
					      题干
					    options:
					      - {id: a, text: "甲"}
					      - {id: b, text: "乙"}
					      - {id: c, text: "丙"}
					      - {id: d, text: "丁"}
					    answer: [a]
					    explanation: |
					      解析
					    source: GB/T 19001-2016 8.5.1
					""";
			assertThat(OfficialLayout.differences("99-sample.yaml", official, 5)).isEmpty();
			assertThat(OfficialLayout.differences("99-sample.yaml",
					official.replace("source: GB/T 19001-2016 8.5.1", "source: \"GB/T 19001-2016 8.5.1\"")
						.replace("{id: b, text: \"乙\"}", "{id: b, text: 乙}"),
					5))
				.containsExactly("99-sample.yaml [layout]: '- {id: b, text: 乙}' should read '- {id: b, text: \"乙\"}'",
						"99-sample.yaml [layout]: 'source: \"GB/T 19001-2016 8.5.1\"' should read 'source: GB/T 19001-2016 8.5.1'");
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

		// ----- the bank-wide checks, each on a bad sample -----

		private static String head(String topic) {
			return "topic: " + topic + "\ntitle: 样例\ntags: [样例]\nquestions:\n";
		}

		private static BankFileRules checked(String... namesAndQuestions) {
			BankFileRules rules = new BankFileRules();
			for (int i = 0; i < namesAndQuestions.length; i += 2) {
				String topic = namesAndQuestions[i].replaceFirst("^\\d+-", "").replaceFirst("\\.yaml$", "");
				rules.checkFile(namesAndQuestions[i], new Yaml(new SafeConstructor(new LoaderOptions()))
					.load(head(topic) + namesAndQuestions[i + 1]));
			}
			return rules;
		}

		private static String single(int number, char key, String... options) {
			StringBuilder yaml = new StringBuilder(
					"  - {id: smp-%03d, type: single, difficulty: 1, tags: [样例], stem: \"题%d干\", options: ["
						.formatted(number, number));
			for (int i = 0; i < options.length; i++) {
				yaml.append(i > 0 ? ", " : "")
					.append("{id: ")
					.append((char) ('a' + i))
					.append(", text: \"")
					.append(options[i])
					.append("\"}");
			}
			return yaml.append("], answer: [")
				.append(key)
				.append("], explanation: 解, source: \"GB/T 19001-2016 8.5.1\"}\n")
				.toString();
		}

		private static String multiple(int number, String keys, String... options) {
			return single(number, 'a', options).replace("type: single", "type: multiple")
				.replace("answer: [a]", "answer: [" + keys + "]");
		}

		private static String trueFalse(int number, String stem, boolean answer) {
			return "  - {id: smp-%03d, type: true_false, difficulty: 1, tags: [样例], stem: \"%s\", answer: %s, explanation: 解, source: \"GB/T 19001-2016 8.5.1\"}\n"
				.formatted(number, stem, answer);
		}

		@Test
		void singleChoiceKeysBunchedAtOnePositionAreNamedOverallAndPerTopic() {
			StringBuilder questions = new StringBuilder();
			char[] keys = "aaaaaaaaaabbbbccccdd".toCharArray();
			for (int i = 0; i < keys.length; i++) {
				questions.append(single(i + 1, keys[i], "甲", "乙", "丙", "丁"));
			}
			BankFileRules rules = checked("99-sample.yaml", questions.toString());
			assertThat(rules.problems()).isEmpty();
			String bunched = "position a holds 50% of 20 keys (limit 15–35%); move some of these keys: "
					+ "smp-001, smp-002, smp-003, smp-004, smp-005, smp-006, smp-007, smp-008, smp-009, smp-010";
			String rare = "position d holds 10% of 20 keys (limit 15–35%)";
			assertThat(rules.keyPositionProblems()).containsExactly("bank [single-choice keys]: " + bunched,
					"bank [single-choice keys]: " + rare, "99-sample.yaml [single-choice keys]: " + bunched,
					"99-sample.yaml [single-choice keys]: " + rare);
		}

		@Test
		void keysThatAreTheStrictlyLongestOptionAreNamed() {
			BankFileRules rules = checked("99-sample.yaml",
					single(1, 'a', "较长的正确选项", "乙", "丙", "丁") + single(2, 'b', "甲", "较长的正确选项", "丙", "丁")
							+ single(3, 'c', "甲", "乙", "较长的 正确选项", "丁")
							+ single(4, 'd', "一样长的选项", "乙", "丙", "一样长的选项X".substring(0, 6))
							+ single(5, 'a', "甲", "乙乙", "丙丙", "丁丁") + single(6, 'b', "甲甲", "乙", "丙丙", "丁丁")
							+ single(7, 'c', "甲甲", "乙乙", "丙", "丁丁") + single(8, 'd', "甲甲", "乙乙", "丙丙", "丁"));
			assertThat(rules.lengthCueProblems()).containsExactly(
					"bank [length cue]: the key is the strictly longest option in 38% of 8 single-choice questions "
							+ "(limit 30%): smp-001, smp-002, smp-003");
		}

		@Test
		void multipleChoiceWithOneWrongOptionAndWrongOptionsAlwaysLastAreNamed() {
			BankFileRules rules = checked("99-sample.yaml", multiple(1, "a, b, c", "甲", "乙", "丙", "丁")
					+ multiple(2, "a, b", "戊", "己", "庚", "辛") + multiple(3, "a, b", "子", "丑", "寅", "卯"));
			assertThat(rules.problems()).isEmpty();
			assertThat(rules.multipleChoiceProblems()).containsExactly(
					"99-sample.yaml smp-001 [options]: has 1 wrong option(s); a multiple-choice question needs at least 2 "
							+ "plausible wrong options",
					"bank [multiple-choice wrong options]: position d holds 60% of 5 wrong options (limit 40%); move the "
							+ "wrong option of some of: smp-001, smp-002, smp-003");
		}

		@Test
		void trueFalseMostlyFalseAndMarkedByAbsoluteWordsIsNamed() {
			StringBuilder questions = new StringBuilder();
			for (int i = 1; i <= 8; i++) {
				questions.append(trueFalse(i, "第" + i + "项检验一律由企业自行决定。", false));
			}
			questions.append(trueFalse(9, "企业一律应当公开其执行的标准。", true));
			questions.append(trueFalse(10, "计量检定必须执行计量检定规程。", true));
			BankFileRules rules = checked("99-sample.yaml", questions.toString());
			String falseOnes = "smp-001, smp-002, smp-003, smp-004, smp-005, smp-006, smp-007, smp-008";
			assertThat(rules.trueFalseProblems()).containsExactly(
					"bank [true/false]: 20% of 10 statements are true (limit 45–55%); false: " + falseOnes,
					"99-sample.yaml [true/false]: 20% of 10 statements are true (limit 35–65%); false: " + falseOnes,
					"bank [true/false wording cue]: 80% of 10 statements with an absolute word ("
							+ BankFileRules.ABSOLUTE_WORDS.pattern() + ") are false (limit 65%): " + falseOnes);
		}

		@Test
		void questionsTestingTheSameFactAreFoundAcrossTopicsUnlessAReviewerListedThemAsDistinct() {
			BankFileRules rules = checked("99-sample.yaml",
					"""
							  - id: smp-001
							    type: single
							    difficulty: 1
							    tags: [样例]
							    stem: 根据《中华人民共和国产品质量法》，因产品存在缺陷造成损害要求赔偿的诉讼时效期间为多长？
							    options: [{id: a, text: 一年}, {id: b, text: 二年}, {id: c, text: 三年}, {id: d, text: 四年}]
							    answer: [b]
							    explanation: 解
							    source: 《中华人民共和国产品质量法》（2018年修正）第四十五条第一款
							  - {id: smp-002, type: true_false, difficulty: 1, tags: [样例], stem: 标准的复审周期一般不超过五年。, answer: true, explanation: 解, source: 源}
							  - {id: smp-003, type: true_false, difficulty: 1, tags: [样例], stem: 国家实行法定计量单位制度。, answer: true, explanation: 解, source: 源}
							""",
					"98-other.yaml",
					"""
							  - {id: oth-001, type: fill, difficulty: 1, tags: [样例], stem: "因产品存在缺陷造成损害要求赔偿的诉讼时效期间为{{1}}年。", blanks: [[二]], explanation: 解, source: 源}
							  - {id: oth-002, type: fill, difficulty: 1, tags: [样例], stem: "标准的复审周期一般不超过{{1}}年。", blanks: [[五]], explanation: 解, source: 源}
							  - {id: oth-003, type: true_false, difficulty: 1, tags: [样例], stem: 强制性标准必须执行。, answer: true, explanation: 解, source: 源}
							""");
			assertThat(rules.nearDuplicates(BankFileRules.distinctPairs(List.of("smp-002 oth-002 复审周期 vs 复审"))))
				.singleElement()
				.satisfies((pair) -> assertThat(pair)
					.startsWith("99-sample.yaml smp-001 ~ 98-other.yaml oth-001 [near duplicate]: similarity "));
			assertThat(rules.nearDuplicates(Set.of())).hasSize(2);
		}

		@Test
		void sourcesThatCannotBeLookedUpOrCiteAnOutdatedEditionAreNamed() {
			String[] sources = { "《中华人民共和国产品质量法》（2018年修正）第二十六条", "GB/T 19001—2016 8.5.1",
					"《质量强国建设纲要》（中共中央、国务院，2023年2月印发）第三部分", "市场监管总局等八部门《关于实施企业标准\\\"领跑者\\\"制度的意见》（国市监标准〔2018〕84号）",
					"ISO 7870-2:2023 5.3；Montgomery《Introduction to Statistical Quality Control》（第7版，Wiley，2013）第6章",
					"《企业标准化促进办法》（2023年，国家市场监督管理总局令第83号）第十二条", "种子通知（某市）", "《中华人民共和国计量法》第九条",
					"《中华人民共和国认证认可条例》（2020年修订）第六十六条", "GB/T 17989.2-2020《控制图 第2部分：常规控制图》可查明原因的模式检验",
					"Montgomery《Introduction to Statistical Quality Control》（第7版，Wiley，2013）第8章" };
			StringBuilder questions = new StringBuilder();
			for (int i = 0; i < sources.length; i++) {
				questions.append(trueFalse(i + 1, "陈述" + i, true).replace("source: \"GB/T 19001-2016 8.5.1\"",
						"source: \"" + sources[i] + "\""));
			}
			questions.append(trueFalse(12, "陈述12", true).replace("explanation: 解",
					"explanation: 见《中华人民共和国计量法实施细则》（2018年修订）第十一条"));
			BankFileRules rules = checked("99-sample.yaml", questions.toString());
			assertThat(rules.problems()).isEmpty();
			assertThat(rules.sourceProblems()).containsExactly(
					"99-sample.yaml smp-007 [source]: '种子通知（某市）' cites a seed notice a reviewer cannot look up; cite "
							+ "the document by its 文号",
					"99-sample.yaml smp-008 [source]: '《中华人民共和国计量法》' is cited without its edition year in "
							+ "parentheses right after the title, e.g. 《中华人民共和国产品质量法》（2018年修正）第二十六条",
					"99-sample.yaml smp-009 [source]: cites 《中华人民共和国认证认可条例》 as the 2020 edition; the edition "
							+ "in force on 2026-12-01 is 2023 (check article numbers and the rule itself against it)",
					"99-sample.yaml smp-010 [source]: 'GB/T 17989.2-2020《控制图 第2部分：常规控制图》可查明原因的模式检验' "
							+ "names no clause of the standard (e.g. 8.5.1, 附录A, 表2, 引言)",
					"99-sample.yaml smp-011 [source]: 'Montgomery《Introduction to Statistical Quality Control》（第7版，"
							+ "Wiley，2013）第8章' cites no law with edition year and article, standard with year and "
							+ "clause, or government document with 文号 or dated issuer",
					"99-sample.yaml smp-012 [explanation]: cites 《中华人民共和国计量法实施细则》 as the 2018 edition; the "
							+ "edition in force on 2026-12-01 is 2022 (check article numbers and the rule itself against it)");
		}

		@Test
		void aRetiredIdThatComesBackAndAMalformedRetiredLineAreNamed() {
			BankFileRules rules = checked("99-sample.yaml", trueFalse(1, "陈述", true) + trueFalse(2, "另一陈述", false));
			assertThat(rules.retiredIdProblems(List.of("# retired ids", "smp-001 99-sample.yaml merged into smp-002",
					"smp-003 99-sample.yaml dropped: one city's deadline", "smp-004 without a file")))
				.containsExactly(
						"99-sample.yaml smp-001 [id]: is retired (retired-ids.txt line 2) and may never appear "
								+ "again; give a new question a new id",
						"retired-ids.txt line 4: 'smp-004 without a file' is not '<id> <file> <reason>'");
		}

	}

	private static BankFileRules checked;

	private static synchronized BankFileRules checkAll() throws IOException {
		if (checked == null) {
			BankFileRules rules = new BankFileRules();
			for (Path file : topicFiles()) {
				rules.checkFile(file.getFileName().toString(), parse(file));
			}
			checked = rules;
		}
		return checked;
	}

	private static List<String> lines(Path file) throws IOException {
		return Files.exists(file) ? Files.readAllLines(file) : List.of();
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
