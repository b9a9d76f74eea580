package academy.cqo.questionformats;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import academy.cqo.shared.FieldViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MoodleXmlFormatTests {

	private static final String PNG_BASE64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

	private final MoodleXmlFormat format = new MoodleXmlFormat();

	@Test
	void writeThenReadGivesTheSameQuestionsOfEveryType() {
		List<QuestionDraft> questions = QuestionSamples.everyType();

		ParsedFile read = this.format.read(this.format.write(QuestionSamples.bank(questions)));

		assertThat(read.problems()).isEmpty();
		assertThat(read.warnings()).isEmpty();
		assertThat(QuestionSamples.withoutLines(read.questions())).isEqualTo(questions);
		QuestionSamples.assertValid(read.questions());
	}

	@Test
	void writeMoodleElementsWithMetadataTags() {
		String xml = new String(this.format.write(QuestionSamples.bank(QuestionSamples.everyType())),
				StandardCharsets.UTF_8);

		assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n<!-- 质量法律法规 · 练习题库 -->\n");
		assertThat(xml).contains("""
				  <question type="category">
				    <category>
				      <text>$course$/top/质量法律法规/产品质量法</text>
				    </category>
				  </question>
				  <question type="multichoice">
				    <name>
				      <text>pql-001</text>
				    </name>
				""");
		assertThat(xml).contains("""
				    <defaultgrade>1.5</defaultgrade>
				    <penalty>0.3333333</penalty>
				    <hidden>0</hidden>
				    <idnumber>pql-001</idnumber>
				    <single>true</single>
				""");
		assertThat(xml).contains("""
				    <tags>
				      <tag><text><![CDATA[抽检/判定]]></text></tag>
				      <tag><text><![CDATA[cqo:difficulty=4]]></text></tag>
				      <tag><text><![CDATA[cqo:status=reviewed]]></text></tag>
				      <tag><text><![CDATA[cqo:source=《中华人民共和国产品质量法》（2018年修正）第二十六条]]></text></tag>
				    </tags>
				""");
		assertThat(xml).contains("<answer fraction=\"33.33333\" format=\"markdown\">",
				"<answer fraction=\"-100\" format=\"markdown\">");
		assertThat(xml).contains("<question type=\"shortanswer\">", "<question type=\"cloze\">",
				"<question type=\"essay\">");
		assertThat(xml)
			.contains("<text><![CDATA[{1:SHORTANSWER:=GB} 是强制性国家标准的代号，{1:SHORTANSWER:=GB/T~=GB／T~=a=b\\~c\\#d}"
					+ " 是推荐性国家标准的代号；比例写作 {1:SHORTANSWER:=100%~=[全部]~=x\\}y{z}。]]></text>");
		assertThat(xml).contains("<text><![CDATA[]]]]><![CDATA[> 也能写进 CDATA]]></text>");
		assertThat(xml).contains("<tag><text><![CDATA[cqo:rubric=2.5|引用第四十九条\\n并说明]]></text></tag>");
		assertThat(xml).contains("<graderinfo format=\"markdown\">\n      <text><![CDATA[第一，责令停止生产、销售；\n第二，");
	}

	@Test
	void readRealMoodleExport() {
		ParsedFile read = this.format.read(QuestionSamples.resource("moodle-export.xml"));

		assertThat(read.problems())
			.containsExactly(new FieldViolation("type", "import.moodle.typeUnsupported", List.of("matching"), 228));
		assertThat(read.warnings())
			.containsExactly(new FieldViolation("type", "import.file.descriptionSkipped", List.of(), 179));
		Map<Integer, QuestionDraft> byLine = read.questions()
			.stream()
			.collect(Collectors.toMap(QuestionDraft::line, (question) -> question));
		assertThat(byLine).containsOnlyKeys(15, 69, 107, 143, 196, 258);
		// The question at line 15 embeds a data: image, which Markup's allow-list does
		// not
		// yet let through (its URL protocols exclude "data").
		QuestionSamples.assertValid(read.questions().stream().filter((question) -> question.line() != 15).toList());

		QuestionDraft producer = byLine.get(15);
		assertThat(producer.code()).isEqualTo("pql-2041");
		assertThat(producer.tags()).containsExactly("质量法律法规/产品质量法", "重点");
		assertThat(producer.difficulty()).isEqualTo(QuestionDraft.DEFAULT_DIFFICULTY);
		assertThat(producer.status()).isNull();
		assertThat(producer.content()).isEqualTo(new QuestionContent(QuestionType.SINGLE,
				"<p dir=\"ltr\">下列哪一项<strong>不属于</strong>生产者的产品质量义务？</p><p><img src=\"data:image/png;base64,"
						+ PNG_BASE64 + "\" alt=\"产品标识\" width=\"120\" height=\"40\"></p>",
				List.of(new Option("a", "<p>产品不存在不合理的危险</p>"), new Option("b", "<p>具备应当具备的使用性能</p>"),
						new Option("c", "<p>对销售者的进货验收负责</p>")),
				List.of("c"), null, null, null, 1, "<p>见《产品质量法》第二十六条。</p>", null));

		QuestionDraft seller = byLine.get(69);
		assertThat(seller.code()).isNull();
		assertThat(seller.content().type()).isEqualTo(QuestionType.MULTIPLE);
		assertThat(seller.content().answer()).containsExactly("a", "b");
		assertThat(seller.content().score()).isEqualTo(2);
		assertThat(seller.content().explanation()).isNull();

		assertThat(byLine.get(107).content()).isEqualTo(new QuestionContent(QuestionType.TRUE_FALSE, "产品或者其包装上的标识必须真实。",
				null, List.of("true"), null, null, null, 1, null, null));

		QuestionDraft code = byLine.get(143);
		assertThat(code.tags()).containsExactly("质量法律法规/标准化法");
		assertThat(code.content().stem()).isEqualTo("<p>推荐性国家标准的代号是什么？</p> {{1}}");
		assertThat(code.content().blanks()).containsExactly(List.of("GB/T", "GB／T"));

		QuestionDraft essay = byLine.get(196);
		assertThat(essay.code()).isEqualTo("case-2052");
		assertThat(essay.content().type()).isEqualTo(QuestionType.ESSAY);
		assertThat(essay.content().referenceAnswer()).isEqualTo("<p>责令停止生产、销售，没收违法产品，并处罚款（第四十九条）。</p>");
		assertThat(essay.content().score()).isEqualTo(10);

		QuestionDraft cloze = byLine.get(258);
		assertThat(cloze.content().type()).isEqualTo(QuestionType.FILL);
		assertThat(cloze.content().stem()).isEqualTo("<p>{{1}} 是强制性国家标准的代号，{{2}} 是推荐性国家标准的代号。</p>");
		assertThat(cloze.content().blanks()).containsExactly(List.of("GB"), List.of("GB/T", "GB／T"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "matching", "numerical", "calculated", "calculatedsimple", "calculatedmulti", "ddwtos",
			"gapselect", "randomsamatch", "ordering", "ddimageortext" })
	void readRefusesOtherTypesAtTheirLineNamingTheType(String type) {
		String xml = quiz("""
				  <question type="truefalse">
				    <questiontext format="html"><text>好题</text></questiontext>
				    <answer fraction="100"><text>true</text></answer>
				    <answer fraction="0"><text>false</text></answer>
				  </question>
				  <question type="%s">
				    <questiontext format="html"><text>不支持的题型</text></questiontext>
				  </question>
				""".formatted(type));

		ParsedFile read = this.format.read(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(read.problems())
			.containsExactly(new FieldViolation("type", "import.moodle.typeUnsupported", List.of(type), 8));
		assertThat(read.questions()).hasSize(1);
	}

	@Test
	void readRefusesDoctypeAndExternalEntities() {
		String xml = """
				<?xml version="1.0" encoding="UTF-8"?>
				<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
				<quiz>
				  <question type="essay">
				    <questiontext format="html"><text>&secret;</text></questiontext>
				  </question>
				</quiz>
				""";

		ParsedFile read = this.format.read(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(read.questions()).isEmpty();
		assertThat(read.problems()).containsExactly(new FieldViolation("file", "import.moodle.doctype", List.of(), 2));
		assertThat(this.format.recognise("quiz.xml", xml.getBytes(StandardCharsets.UTF_8))).isEqualTo(100);
	}

	@Test
	void readRefusesUndeclaredEntitiesAndMalformedXmlAtTheirLines() {
		String entity = quiz("""
				  <question type="essay">
				    <questiontext format="html"><text>&secret;</text></questiontext>
				  </question>
				""");
		String unclosed = quiz("""
				  <question type="essay">
				    <questiontext format="html"><text>未闭合</questiontext>
				  </question>
				""");

		ParsedFile undeclared = this.format.read(entity.getBytes(StandardCharsets.UTF_8));
		ParsedFile malformed = this.format.read(unclosed.getBytes(StandardCharsets.UTF_8));

		assertThat(undeclared.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.messageKey()).isEqualTo("import.moodle.malformed");
			assertThat(problem.field()).isEqualTo("file");
			assertThat(problem.line()).isEqualTo(4);
			assertThat(problem.arguments().get(0).toString()).contains("secret");
		});
		assertThat(malformed.problems()).extracting(FieldViolation::messageKey, FieldViolation::line)
			.containsExactly(tuple("import.moodle.malformed", 4));
	}

	@Test
	void readRefusesAFileThatIsNoQuiz() {
		ParsedFile read = this.format.read("<html><body/></html>".getBytes(StandardCharsets.UTF_8));

		assertThat(read.problems())
			.containsExactly(new FieldViolation("file", "import.moodle.notQuiz", List.of("html"), 1));
	}

	@Test
	void readEmbeddedFilesOnlyWhenTheyAreImages() {
		String xml = quiz(
				"""
						  <question type="truefalse">
						    <questiontext format="html">
						      <text><![CDATA[<img src="@@PLUGINFILE@@/notes.png"> <img src="@@PLUGINFILE@@/missing.png">]]></text>
						      <file name="notes.png" path="/" encoding="base64">JVBERi0xLjQK</file>
						    </questiontext>
						    <answer fraction="100"><text>true</text></answer>
						    <answer fraction="0"><text>false</text></answer>
						  </question>
						""");

		ParsedFile read = this.format.read(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(read.questions()).isEmpty();
		assertThat(read.problems()).containsExactly(
				new FieldViolation("stem", "import.moodle.fileNotImage", List.of("notes.png"), 6),
				new FieldViolation("stem", "import.moodle.fileMissing", List.of("missing.png"), 3));
	}

	@Test
	void readClozeWithOtherPartsAsAProblem() {
		String xml = quiz("""
				  <question type="cloze">
				    <questiontext format="html"><text>{1:SA:=GB} 与 {2:MULTICHOICE:=甲~乙}</text></questiontext>
				  </question>
				""");

		ParsedFile read = this.format.read(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(read.problems())
			.containsExactly(new FieldViolation("type", "import.moodle.clozeUnsupported", List.of("MULTICHOICE"), 3));
	}

	@Test
	void readWarnsAboutWeightsTheKeyCannotHoldAndMetadataTags() {
		String xml = quiz("""
				  <question type="multichoice">
				    <questiontext format="html"><text>多选题</text></questiontext>
				    <single>false</single>
				    <answer fraction="70"><text>甲</text></answer>
				    <answer fraction="30"><text>乙</text></answer>
				    <answer fraction="0"><text>丙</text></answer>
				    <tags>
				      <tag><text>cqo:difficulty=2</text></tag>
				      <tag><text>cqo:status=draft</text></tag>
				      <tag><text>标准化</text></tag>
				    </tags>
				  </question>
				  <question type="multichoice">
				    <questiontext format="html"><text>单选题</text></questiontext>
				    <single>true</single>
				    <answer fraction="100"><text>甲</text></answer>
				    <answer fraction="50"><text>乙</text></answer>
				    <tags>
				      <tag><text>cqo:difficulty=很难</text></tag>
				    </tags>
				  </question>
				""");

		ParsedFile read = this.format.read(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(read.warnings()).containsExactly(
				new FieldViolation("answer", "import.file.unequalWeights", List.of("30", "70"), 3),
				new FieldViolation("answer", "import.file.partialCredit", List.of("B", "50"), 15));
		assertThat(read.problems()).containsExactly(
				new FieldViolation("difficulty", "import.file.metadataInvalid", List.of("difficulty", "很难"), 21));
		QuestionDraft multiple = read.questions().get(0);
		assertThat(multiple.content().answer()).containsExactly("a", "b");
		assertThat(multiple.difficulty()).isEqualTo(2);
		assertThat(multiple.status()).isEqualTo(ReviewStatus.DRAFT);
		assertThat(multiple.tags()).containsExactly("标准化");
		assertThat(multiple.content().score()).isEqualTo(QuestionType.MULTIPLE.defaultScore());
	}

	@Test
	void readEssayRubricFromTags() {
		String xml = quiz("""
				  <question type="essay">
				    <questiontext format="markdown"><text>请分析。</text></questiontext>
				    <defaultgrade>6</defaultgrade>
				    <graderinfo format="markdown"><text>要点</text></graderinfo>
				    <tags>
				      <tag><text>cqo:rubric=4|第一点</text></tag>
				      <tag><text>cqo:rubric=2|第二点</text></tag>
				    </tags>
				  </question>
				""");

		ParsedFile read = this.format.read(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(read.problems()).isEmpty();
		assertThat(read.questions().get(0).content().rubric()).containsExactly(new RubricItem(4, "第一点"),
				new RubricItem(2, "第二点"));
		assertThat(read.questions().get(0).content().referenceAnswer()).isEqualTo("要点");
	}

	@Test
	void readGbkFilesWhateverTheirDeclarationSays() {
		String question = """
				  <question type="truefalse">
				    <questiontext format="html"><text>产品质量监督抽查不得向被检查人收取费用。</text></questiontext>
				    <answer fraction="100"><text>true</text></answer>
				    <answer fraction="0"><text>false</text></answer>
				  </question>
				""";
		Charset gbk = Charset.forName("GBK");
		byte[] declared = quiz(question).replace("UTF-8", "GBK").getBytes(gbk);
		byte[] mislabelled = quiz(question).getBytes(gbk);

		for (byte[] file : List.of(declared, mislabelled)) {
			ParsedFile read = this.format.read(file);
			assertThat(read.problems()).isEmpty();
			assertThat(read.questions()).singleElement()
				.satisfies((draft) -> assertThat(draft.content().stem()).isEqualTo("产品质量监督抽查不得向被检查人收取费用。"));
		}
	}

	@Test
	void readRefusesTooManyQuestions() {
		String question = "<question type=\"essay\"><questiontext><text>题</text></questiontext></question>\n";
		String xml = "<quiz>\n" + question.repeat(ImportLimits.MAX_QUESTIONS + 1) + "</quiz>\n";

		ParsedFile read = this.format.read(xml.getBytes(StandardCharsets.UTF_8));

		assertThat(read.questions()).isEmpty();
		assertThat(read.problems()).containsExactly(new FieldViolation("file", "import.file.tooManyQuestions",
				List.of(ImportLimits.MAX_QUESTIONS), ImportLimits.MAX_QUESTIONS + 2));
	}

	@Test
	void recogniseByRootElement() {
		byte[] quiz = "\uFEFF<?xml version=\"1.0\"?>\n<!-- 导出 -->\n<quiz>\n</quiz>".getBytes(StandardCharsets.UTF_8);
		byte[] other = "<?xml version=\"1.0\"?>\n<html/>".getBytes(StandardCharsets.UTF_8);

		assertThat(this.format.recognise("题库.xml", quiz)).isEqualTo(100);
		assertThat(this.format.recognise(null, quiz)).isEqualTo(100);
		assertThat(this.format.recognise("page.xml", other)).isEqualTo(10);
		assertThat(this.format.recognise("题库.gift", "::q::{T}".getBytes(StandardCharsets.UTF_8))).isZero();
	}

	@Test
	void describesItself() {
		assertThat(this.format.id()).isEqualTo("moodle-xml");
		assertThat(this.format.extension()).isEqualTo("xml");
		assertThat(this.format.mediaType()).isEqualTo("application/xml");
	}

	private static String quiz(String questions) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n" + questions + "</quiz>\n";
	}

}
