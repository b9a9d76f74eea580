package academy.cqo.questionformats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import academy.cqo.questionbank.domain.QuestionRules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bank with every kind of question and the texts that are hard to write in Moodle's
 * formats, for round trips; and helpers shared by the format tests.
 */
final class QuestionSamples {

	static final String TABLE_STEM = """
			下表为某产品的抽检结果：

			| 项目 | 标准要求 | 实测值 |
			|------|----------|--------|
			| 功率 | ≥ 1800 W | 1750 W |

			判定结论是 {含: ~ = # 等字符}？\\* 不是强调，路径 C:\\temp\\new
			""";

	private QuestionSamples() {
	}

	/**
	 * Every type, in the order writers put them back (questions without tags first, then
	 * by first tag).
	 */
	static List<QuestionDraft> everyType() {
		return List.of(
				new QuestionDraft(0, null,
						new QuestionContent(QuestionType.TRUE_FALSE, "没有标签的判断题：质量是企业的生命。", null, List.of("true"), null,
								null, null, 1, null, null),
						3, List.of(), null),
				new QuestionDraft(0, "pql-001",
						new QuestionContent(QuestionType.SINGLE, TABLE_STEM,
								List.of(new Option("a", "合格 = 符合"), new Option("b", "不合格 ~ 功率偏低 #1"),
										new Option("c", "%50% 合格"), new Option("d", "[注] 无法判定 {待定}")),
								List.of("b"), null, null, null, 1.5, "实测功率低于标准要求：\n\n> 1750 < 1800",
								"《中华人民共和国产品质量法》（2018年修正）第二十六条"),
						4, List.of("质量法律法规/产品质量法", "抽检/判定"), ReviewStatus.REVIEWED),
				new QuestionDraft(0, "pql-002", new QuestionContent(QuestionType.MULTIPLE, "销售者应当履行下列哪些义务？\n",
						List.of(new Option("a", "进货检查验收"), new Option("b", "保持产品质量"), new Option("c", "标明产品标识"),
								new Option("d", "伪造产地")),
						List.of("a", "b", "c"), null, null, null, 2, null, null), 2, List.of("质量法律法规/产品质量法"),
						ReviewStatus.DRAFT),
				new QuestionDraft(0, "std-001",
						new QuestionContent(QuestionType.FILL, "质量管理体系的英文缩写是{{1}}", null, null, List.of(List.of("QMS")),
								null, null, 2, "Quality Management System", null),
						1, List.of("质量法律法规/标准化法"), null),
				new QuestionDraft(0, "std-002",
						new QuestionContent(QuestionType.FILL, "{{1}} 是强制性国家标准的代号，{{2}} 是推荐性国家标准的代号；比例写作 {{3}}。", null,
								null,
								List.of(List.of("GB"), List.of("GB/T", "GB／T", "a=b~c#d"),
										List.of("100%", "[全部]", "x}y{z")),
								null, null, 3, "见《标准化法》第二条。", "《中华人民共和国标准化法》（2017年修订）第二条"),
						3, List.of("质量法律法规/标准化法"), ReviewStatus.REVIEWED),
				new QuestionDraft(0, "case-001", new QuestionContent(QuestionType.ESSAY, "某企业的电热水壶被抽检判定不合格，请分析其法律责任。",
						null, null, null, "第一，责令停止生产、销售；\n第二，没收违法产品 | 并处罚款。\\n 不是换行",
						List.of(new RubricItem(4, "指出停止生产、销售"), new RubricItem(3.5, "指出没收 | 罚款"),
								new RubricItem(2.5, "引用第四十九条\n并说明")),
						10, "]]> 也能写进 CDATA", "《中华人民共和国产品质量法》第四十九条"), 5, List.of("案例分析", "质量法律法规/产品质量法"),
						ReviewStatus.RETIRED));
	}

	static ExportedBank bank(List<QuestionDraft> questions) {
		return new ExportedBank("质量法律法规 · 练习题库", "供首席质量官培训使用。\n第二行说明。", List.of(), questions);
	}

	static List<QuestionDraft> withoutLines(List<QuestionDraft> questions) {
		return questions.stream().map((question) -> question.withLine(0)).toList();
	}

	static byte[] resource(String name) {
		try (InputStream in = QuestionSamples.class.getResourceAsStream("/questionbank/" + name)) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void assertValid(List<QuestionDraft> questions) {
		for (QuestionDraft question : questions) {
			assertThat(QuestionRules.check(question)).as("question at line %d", question.line()).isEmpty();
		}
	}

}
