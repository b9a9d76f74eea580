package academy.cqo.questionformats;

import java.util.List;

/**
 * One question of every type, with the awkward texts the codecs must carry: a Markdown
 * table, a multi-blank fill-in, an essay rubric, options whose text looks like YAML.
 */
final class SampleQuestions {

	static final String TABLE_STEM = """
			案例分析：某企业对两条生产线的抽检结果如下。

			| 生产线 | 抽检数 | 不合格数 |
			| --- | --- | --- |
			| 一线 | 200 | 3 |
			| 二线 | 200 | 11 |

			请分析二线不合格率偏高的可能原因，并提出改进措施。""";

	static final QuestionDraft SINGLE = new QuestionDraft(0, "pql-001",
			new QuestionContent(QuestionType.SINGLE, "首席质量官一般应设在企业的哪一层级？",
					List.of(new Option("a", "企业决策层"), new Option("b", "车间班组层"), new Option("c", "质检部门内部的科员岗位"),
							new Option("d", "企业外聘的第三方咨询机构")),
					List.of("a"), List.of(), null, List.of(), 1, "首席质量官一般应设在企业决策层。", "种子通知 001：三、（一）1"),
			1, List.of("首席质量官制度/岗位设置与聘任"), ReviewStatus.REVIEWED);

	static final QuestionDraft MULTIPLE = new QuestionDraft(0, "qms-002",
			new QuestionContent(QuestionType.MULTIPLE, "下列哪些属于质量管理原则？\n（多选）",
					List.of(new Option("a", "以顾客为关注焦点"), new Option("b", "过程方法"), new Option("c", "利润最大化"),
							new Option("d", "key: value # 看起来像 YAML"), new Option("e", "true")),
					List.of("a", "b", "d"), List.of(), null, List.of(), 2.5, "七项质量管理原则。\n\n- 以顾客为关注焦点\n- 过程方法",
					"GB/T 19000—2016 2.3"),
			4, List.of("质量管理体系/原则", "质量管理体系/术语"), ReviewStatus.DRAFT);

	static final QuestionDraft TRUE_FALSE = new QuestionDraft(
			0, "pql-027", new QuestionContent(QuestionType.TRUE_FALSE, "建设工程本身适用《产品质量法》关于产品质量责任的规定。", List.of(),
					List.of("false"), List.of(), null, List.of(), 1, null, "《中华人民共和国产品质量法》（2018年修正）第二条第三款"),
			1, List.of(), null);

	static final QuestionDraft FILL = new QuestionDraft(0, "001",
			new QuestionContent(QuestionType.FILL, "生产者、销售者对抽查检验的结果有异议的，可以自收到检验结果之日起{{1}}日内申请{{2}}。", List.of(),
					List.of(), List.of(List.of("十五", "15"), List.of("复检")), null, List.of(), 2, "见第十五条。", null),
			2, List.of("质量法律法规/产品质量法"), ReviewStatus.RETIRED);

	static final QuestionDraft ESSAY = new QuestionDraft(0, null,
			new QuestionContent(QuestionType.ESSAY, TABLE_STEM, List.of(), List.of(), List.of(),
					"1. 人：操作人员培训不足。\n2. 机：设备老化。\n3. 措施：开展因果分析并验证。",
					List.of(new RubricItem(4, "指出产品质量法第二十六条的要求"), new RubricItem(3.5, "分析原因（人、机、料、法、环）"),
							new RubricItem(2.5, "提出可验证的改进措施")),
					10, "用因果图分析。", "《中华人民共和国产品质量法》（2018年修正）第二十六条"),
			3, List.of("质量工具/因果图"), null);

	static final List<QuestionDraft> ALL = List.of(SINGLE, MULTIPLE, TRUE_FALSE, FILL, ESSAY);

	private SampleQuestions() {
	}

	static ExportedBank bank(List<QuestionDraft> questions) {
		return new ExportedBank("样例题库", "用于测试的题库。\n第二行说明。", List.of("首席质量官制度/岗位设置与聘任"), questions);
	}

	static List<QuestionDraft> withoutLines(List<QuestionDraft> questions) {
		return questions.stream().map((question) -> question.withLine(0)).toList();
	}

}
