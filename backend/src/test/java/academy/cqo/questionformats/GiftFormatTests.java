package academy.cqo.questionformats;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import academy.cqo.shared.FieldViolation;

import static org.assertj.core.api.Assertions.assertThat;

class GiftFormatTests {

	private final GiftFormat format = new GiftFormat();

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
	void writeGroupsQuestionsByFirstTagUnderCategoriesWithMetadataComments() {
		List<QuestionDraft> questions = QuestionSamples.everyType();
		List<QuestionDraft> shuffled = List.of(questions.get(5), questions.get(1), questions.get(0), questions.get(3));

		String gift = new String(this.format.write(QuestionSamples.bank(shuffled)), StandardCharsets.UTF_8);

		assertThat(gift).startsWith("// 质量法律法规 · 练习题库\n// 供首席质量官培训使用。\n// 第二行说明。\n");
		assertThat(gift.indexOf("没有标签的判断题")).isLessThan(gift.indexOf("$CATEGORY: $course$/top/案例分析\n"));
		assertThat(gift.indexOf("$CATEGORY: $course$/top/案例分析\n"))
			.isLessThan(gift.indexOf("$CATEGORY: $course$/top/质量法律法规/产品质量法\n"));
		assertThat(gift).contains("""
				// [id:pql-001]
				// [tag:抽检/判定]
				// cqo:difficulty=4
				// cqo:status=reviewed
				// cqo:score=1.5
				// cqo:source=《中华人民共和国产品质量法》（2018年修正）第二十六条
				::pql-001::[markdown]下表为某产品的抽检结果\\：\\n\\n| 项目 |""".replace("\\：", "："));
		assertThat(gift).contains("""
					=不合格 \\~ 功率偏低 \\#1
					~[markdown]%50% 合格
					~[markdown][注] 无法判定 \\{待定\\}
					####实测功率低于标准要求：\\n\\n> 1750 < 1800
				}
				""");
		assertThat(gift).contains("// cqo:reference=第一，责令停止生产、销售；\\n第二，没收违法产品 | 并处罚款。\\\\n 不是换行\n");
		assertThat(gift).contains("// cqo:rubric=3.5|指出没收 | 罚款\n// cqo:rubric=2.5|引用第四十九条\\n并说明\n");
		assertThat(gift).contains("[markdown]质量管理体系的英文缩写是{=QMS####Quality Management System}\n");
		assertThat(gift).doesNotStartWith("\uFEFF");
	}

	@Test
	void writeWeighsMultipleChoiceKeysEquallyAndPenalisesWrongOptions() {
		String gift = new String(this.format.write(QuestionSamples.bank(List.of(QuestionSamples.everyType().get(2)))),
				StandardCharsets.UTF_8);

		assertThat(gift).contains("""
				::pql-002::[markdown]销售者应当履行下列哪些义务？\\n{
					~%33.33333%进货检查验收
					~%33.33333%保持产品质量
					~%33.33333%标明产品标识
					~%-100%伪造产地
				}
				""");
	}

	@Test
	void writeFillInQuestionsWithAnswerBlocksWhereTheBlanksAre() {
		String gift = new String(this.format.write(QuestionSamples.bank(List.of(QuestionSamples.everyType().get(4)))),
				StandardCharsets.UTF_8);

		assertThat(gift).contains("::std-002::[markdown]{=GB} 是强制性国家标准的代号，{=GB/T =GB／T =a\\=b\\~c\\#d} 是推荐性国家标准的代号；"
				+ "比例写作 {=100% =[markdown][全部] =x\\}y\\{z####见《标准化法》第二条。}。\n");
	}

	@Test
	void readRealMoodleExport() {
		ParsedFile read = this.format.read(QuestionSamples.resource("moodle-export.gift"));

		assertThat(read.problems()).containsExactly(
				new FieldViolation("type", "import.gift.numericUnsupported", List.of(), 53),
				new FieldViolation("type", "import.gift.matchingUnsupported", List.of(), 55));
		assertThat(read.warnings())
			.containsExactly(new FieldViolation("code", "import.gift.titlesNotCodes", List.of(1, "案例分析 1"), 51));
		Map<Integer, QuestionDraft> byLine = read.questions()
			.stream()
			.collect(Collectors.toMap(QuestionDraft::line, (question) -> question));
		assertThat(byLine).containsOnlyKeys(10, 19, 27, 30, 37, 40, 48, 51);
		QuestionSamples.assertValid(read.questions());

		QuestionDraft producer = byLine.get(10);
		assertThat(producer.code()).isEqualTo("pql-01");
		assertThat(producer.tags()).containsExactly("质量法律法规/产品质量法", "重点", "2024版");
		assertThat(producer.difficulty()).isEqualTo(QuestionDraft.DEFAULT_DIFFICULTY);
		assertThat(producer.status()).isNull();
		assertThat(producer.content()).isEqualTo(new QuestionContent(QuestionType.SINGLE,
				"<p>生产者应当对其生产的产品质量负责。下列哪一项<strong>不属于</strong>生产者的产品质量义务？</p>",
				List.of(new Option("a", "<p>产品不存在危及人身、财产安全的不合理的危险</p>"), new Option("b", "<p>具备产品应当具备的使用性能</p>"),
						new Option("c", "<p>对销售者进货时的验收负责</p>"), new Option("d", "<p>符合在产品或者其包装上注明采用的产品标准</p>")),
				List.of("c"), null, null, null, 1, "<p>《产品质量法》第二十六条规定了生产者的三项义务。</p>", null));

		QuestionDraft seller = byLine.get(19);
		assertThat(seller.code()).isEqualTo("销售者义务（多选）");
		assertThat(seller.content().type()).isEqualTo(QuestionType.MULTIPLE);
		assertThat(seller.content().answer()).containsExactly("a", "b");
		assertThat(seller.content().options()).extracting(Option::text)
			.containsExactly("<p>建立并执行进货检查验收制度</p>", "<p>采取措施，保持销售产品的质量</p>", "<p>对产品的设计缺陷承担全部责任</p>",
					"<p>在产品上标注他人的厂名</p>");
		assertThat(seller.content().score()).isEqualTo(2);

		assertThat(byLine.get(27).content()).isEqualTo(new QuestionContent(QuestionType.TRUE_FALSE, "产品或者其包装上的标识必须真实。",
				null, List.of("true"), null, null, null, 1, null, null));
		assertThat(byLine.get(27).code()).isEqualTo("判断-标识");
		assertThat(byLine.get(30).content().answer()).containsExactly("false");
		assertThat(byLine.get(30).content().explanation()).isEqualTo("第二十七条第一款第（四）项要求标明。");

		QuestionDraft code = byLine.get(37);
		assertThat(code.tags()).containsExactly("质量法律法规/标准化法", "标准代号");
		assertThat(code.content().type()).isEqualTo(QuestionType.FILL);
		assertThat(code.content().stem()).isEqualTo("推荐性国家标准的代号是: {{1}}");
		assertThat(code.content().blanks()).containsExactly(List.of("GB/T", "GB／T"));

		QuestionDraft escapes = byLine.get(40);
		assertThat(escapes.content().stem()).isEqualTo("在 GIFT 文件中，下列哪些字符写在文字里时必须加反斜杠 {例如 \\~}？");
		assertThat(escapes.content().options()).extracting(Option::text)
			.containsExactly("~（波浪号）", "=（等号）", "#（井号）", "@（at 符号）");
		assertThat(escapes.content().answer()).containsExactly("a", "b", "c");

		assertThat(byLine.get(48).content().stem()).isEqualTo("国家标准分为{{1}}标准和推荐性标准。");
		assertThat(byLine.get(48).content().blanks()).containsExactly(List.of("强制性"));

		QuestionDraft essay = byLine.get(51);
		assertThat(essay.code()).isNull();
		assertThat(essay.content().type()).isEqualTo(QuestionType.ESSAY);
		assertThat(essay.content().stem()).isEqualTo("某企业生产的电热水壶在监督抽查中被判定为不合格。\n\n请分析该企业应承担的法律责任。");
		assertThat(essay.content().score()).isEqualTo(10);
	}

	@Test
	void readNumericAndMatchingQuestionsAsProblemsAtTheirLines() {
		String gift = """
				::q1::GB/T 19001 等同采用 ISO 多少号标准？{#9001:0}

				// 配对题
				::q2::配对：
				{
				  =产品质量法 -> 1993
				  =标准化法 -> 1989
				}
				""";

		ParsedFile read = this.format.read(gift.getBytes(StandardCharsets.UTF_8));

		assertThat(read.questions()).isEmpty();
		assertThat(read.problems()).containsExactly(
				new FieldViolation("type", "import.gift.numericUnsupported", List.of(), 1),
				new FieldViolation("type", "import.gift.matchingUnsupported", List.of(), 5));
	}

	@Test
	void readLocatesMalformedBracesAndEmptyAnswers() {
		String gift = """
				::q1::未闭合的答案块{=对 ~错

				::q2::多余的右括号 =对 ~错}

				::q3::嵌套的{=甲
				{~乙 =丙}

				::q4::空答案{~ =甲}

				::q5::缺少标记{甲 ~乙}

				::q6::好题{=甲 ~乙}
				""";

		ParsedFile read = this.format.read(gift.getBytes(StandardCharsets.UTF_8));

		assertThat(read.problems()).containsExactly(
				new FieldViolation("stem", "import.gift.braceUnclosed", List.of(), 1),
				new FieldViolation("stem", "import.gift.braceStray", List.of(), 3),
				new FieldViolation("stem", "import.gift.braceNested", List.of(), 6),
				new FieldViolation("answer", "import.gift.answerEmpty", List.of(), 8),
				new FieldViolation("answer", "import.gift.answerWithoutMarker", List.of("甲"), 10));
		assertThat(read.questions()).extracting(QuestionDraft::code).containsExactly("q6");
	}

	@Test
	void readSeveralFillInBlocksAsOneQuestionWithSeveralBlanksButRefuseMixedBlocks() {
		String gift = """
				{=GB} 是强制性国家标准的代号，
				{=GB/T =%100%GB／T =%50%GB/Z} 是推荐性国家标准的代号。

				{=GB} 是强制性国家标准的代号，{~GB/T =GB/Z} 是指导性技术文件的代号。
				""";

		ParsedFile read = this.format.read(gift.getBytes(StandardCharsets.UTF_8));

		assertThat(read.questions()).hasSize(1);
		QuestionContent content = read.questions().get(0).content();
		assertThat(content.stem()).isEqualTo("{{1}} 是强制性国家标准的代号，\n{{2}} 是推荐性国家标准的代号。");
		assertThat(content.blanks()).containsExactly(List.of("GB"), List.of("GB/T", "GB／T"));
		assertThat(content.score()).isEqualTo(QuestionType.FILL.defaultScore());
		assertThat(read.warnings()).containsExactly(
				new FieldViolation("blanks", "import.file.partialAnswerDropped", List.of("GB/Z", "50"), 1));
		assertThat(read.problems())
			.containsExactly(new FieldViolation("answer", "import.gift.mixedBlocks", List.of(), 4));
	}

	@Test
	void readMissingWordChoiceQuestionWithAGap() {
		String gift = "::mw::产品质量应当检验{~不必 =必须 ~可以不}合格，不得以不合格产品冒充合格产品。";

		QuestionContent content = this.format.read(gift.getBytes(StandardCharsets.UTF_8)).questions().get(0).content();

		assertThat(content.type()).isEqualTo(QuestionType.SINGLE);
		assertThat(content.stem()).isEqualTo("产品质量应当检验_____合格，不得以不合格产品冒充合格产品。");
		assertThat(content.answer()).containsExactly("b");
	}

	@Test
	void readTrueFalseInEveryNotation() {
		String gift = """
				::t1::甲{T}

				::t2::乙{TRUE#错#对}

				::t3::丙{F}

				::t4::丁{false####解析}
				""";

		ParsedFile read = this.format.read(gift.getBytes(StandardCharsets.UTF_8));

		assertThat(read.problems()).isEmpty();
		assertThat(read.questions()).extracting((question) -> question.content().answer().get(0))
			.containsExactly("true", "true", "false", "false");
		assertThat(read.questions().get(3).content().explanation()).isEqualTo("解析");
	}

	@Test
	void readWarnsAboutWeightsTheKeyCannotHold() {
		String gift = """
				::partial::单选题{=甲 ~%50%乙 ~丙}

				::unequal::多选题{~%70%甲 ~%30%乙 ~丙}

				::one::只有一个正确项的多选题{~%100%甲 ~乙 ~丙}

				::none::没有正确答案{~甲 ~乙}
				""";

		ParsedFile read = this.format.read(gift.getBytes(StandardCharsets.UTF_8));

		assertThat(read.warnings()).containsExactly(
				new FieldViolation("answer", "import.file.partialCredit", List.of("B", "50"), 1),
				new FieldViolation("answer", "import.file.unequalWeights", List.of("30", "70"), 3),
				new FieldViolation("type", "import.file.singleCorrectMultiple", List.of(), 5));
		assertThat(read.problems())
			.containsExactly(new FieldViolation("answer", "import.file.noCorrectAnswer", List.of(), 7));
		assertThat(read.questions()).extracting((question) -> question.content().type())
			.containsExactly(QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.SINGLE);
		assertThat(read.questions().get(1).content().answer()).containsExactly("a", "b");
		assertThat(read.questions().get(2).content().answer()).containsExactly("a");
	}

	@Test
	void readMetadataCommentsAndReportBadValuesAtTheirLines() {
		String gift = """
				// [id:case-9]
				// cqo:difficulty=5
				// cqo:status=reviewed
				// cqo:score=6
				// cqo:source=《标准化法》第十条
				// cqo:reference=第一点\\n第二点
				// cqo:rubric=4|指出第一点
				// cqo:rubric=2|指出第二点
				::案例::[markdown]请分析。{}

				// cqo:difficulty=难
				// cqo:status=approved
				// cqo:colour=red
				::bad::题目{T}
				""";

		ParsedFile read = this.format.read(gift.getBytes(StandardCharsets.UTF_8));

		assertThat(read.questions()).hasSize(1);
		QuestionDraft essay = read.questions().get(0);
		assertThat(essay.code()).isEqualTo("case-9");
		assertThat(essay.difficulty()).isEqualTo(5);
		assertThat(essay.status()).isEqualTo(ReviewStatus.REVIEWED);
		assertThat(essay.content()).isEqualTo(new QuestionContent(QuestionType.ESSAY, "请分析。", null, null, null,
				"第一点\n第二点", List.of(new RubricItem(4, "指出第一点"), new RubricItem(2, "指出第二点")), 6, null, "《标准化法》第十条"));
		assertThat(read.problems()).containsExactly(
				new FieldViolation("difficulty", "import.file.metadataInvalid", List.of("difficulty", "难"), 11),
				new FieldViolation("status", "import.file.metadataInvalid", List.of("status", "approved"), 12));
		assertThat(read.warnings())
			.containsExactly(new FieldViolation("tags", "import.file.metadataUnknown", List.of("cqo:colour=red"), 13));
	}

	@Test
	void readMultiLineQuestionsWithFormatsAndCategoryResets() {
		String gift = """
				$CATEGORY: $course$/top/质量管理/质量成本

				::multi::[html]
				<p>质量成本包括：</p>
				<ul><li>预防成本</li></ul>
				{
				  =鉴定成本 # 对
				  ~[plain]销售成本
				}

				$CATEGORY: $course$/top

				::none::不属于任何类别{T}

				::desc::这是一段说明，没有答案块。
				""";

		ParsedFile read = this.format.read(gift.getBytes(StandardCharsets.UTF_8));

		assertThat(read.problems()).isEmpty();
		assertThat(read.warnings())
			.containsExactly(new FieldViolation("type", "import.file.descriptionSkipped", List.of(), 15));
		QuestionDraft multi = read.questions().get(0);
		assertThat(multi.line()).isEqualTo(3);
		assertThat(multi.tags()).containsExactly("质量管理/质量成本");
		assertThat(multi.content().stem()).isEqualTo("<p>质量成本包括：</p>\n<ul><li>预防成本</li></ul>");
		assertThat(multi.content().options()).extracting(Option::text).containsExactly("鉴定成本", "销售成本");
		assertThat(read.questions().get(1).tags()).isEmpty();
	}

	@Test
	void readGbkEncodedFile() {
		String gift = "$CATEGORY: $course$/top/质量法律法规\n\n::gbk-1::产品质量监督抽查不得向被检查人收取费用。{TRUE}\n";

		ParsedFile read = this.format.read(gift.getBytes(Charset.forName("GBK")));

		assertThat(read.problems()).isEmpty();
		QuestionDraft question = read.questions().get(0);
		assertThat(question.line()).isEqualTo(3);
		assertThat(question.tags()).containsExactly("质量法律法规");
		assertThat(question.content().stem()).isEqualTo("产品质量监督抽查不得向被检查人收取费用。");
	}

	@Test
	void readUtf8FileWithByteOrderMark() {
		byte[] text = "::bom-1::以字节顺序标记开头的文件。{=对 ~错}\n".getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, withBom, 3, text.length);

		ParsedFile read = this.format.read(withBom);

		assertThat(read.problems()).isEmpty();
		assertThat(read.questions().get(0).code()).isEqualTo("bom-1");
		assertThat(read.questions().get(0).content().stem()).isEqualTo("以字节顺序标记开头的文件。");
	}

	@Test
	void readRefusesTooManyQuestionsAndEmptyFiles() {
		String question = "{T}\n\n";
		byte[] tooMany = question.repeat(ImportLimits.MAX_QUESTIONS + 1).getBytes(StandardCharsets.UTF_8);

		assertThat(this.format.read(tooMany).problems())
			.containsExactly(new FieldViolation("file", "import.file.tooManyQuestions",
					List.of(ImportLimits.MAX_QUESTIONS), 2 * ImportLimits.MAX_QUESTIONS + 1));
		assertThat(this.format.read("// 只有注释\n".getBytes(StandardCharsets.UTF_8)).problems())
			.containsExactly(new FieldViolation("file", "import.file.noQuestions", List.of(), 1));
	}

	@Test
	void recogniseByExtensionAndContent() {
		byte[] gift = "::q1::题目{=甲 ~乙}\n".getBytes(StandardCharsets.UTF_8);
		byte[] bare = "题目{=甲 ~乙}\n".getBytes(StandardCharsets.UTF_8);
		byte[] prose = "普通文本，没有答案块。\n".getBytes(StandardCharsets.UTF_8);

		assertThat(this.format.recognise("题库.gift", prose)).isEqualTo(100);
		assertThat(this.format.recognise("题库.txt", gift)).isEqualTo(80);
		assertThat(this.format.recognise(null, gift)).isEqualTo(80);
		assertThat(this.format.recognise("题库.TXT", bare)).isEqualTo(40);
		assertThat(this.format.recognise("题库.txt", prose)).isZero();
		assertThat(this.format.recognise("题库.xml", gift)).isZero();
	}

	@Test
	void describesItself() {
		assertThat(this.format.id()).isEqualTo("gift");
		assertThat(this.format.extension()).isEqualTo("gift");
		assertThat(this.format.mediaType()).isEqualTo("text/plain;charset=UTF-8");
	}

}
