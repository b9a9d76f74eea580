package academy.cqo.questionformats;

import java.util.List;

/**
 * The rows of the template's 示例 sheet: one filled-in question per type.
 */
final class ExcelExamples {

	private static final String PDCA_SOURCE = "GB/T 19001—2016《质量管理体系 要求》0.3.2";

	private static final String PDCA_TAG = "质量管理体系/过程方法与PDCA";

	static final List<QuestionDraft> QUESTIONS = List.of(
			new QuestionDraft(0, "example-001",
					new QuestionContent(QuestionType.SINGLE, "PDCA 循环中的“C”指的是哪一个阶段？",
							List.of(new Option("a", "策划"), new Option("b", "实施"), new Option("c", "检查"),
									new Option("d", "处置")),
							List.of("c"), List.of(), null, List.of(), 1,
							"PDCA 循环包括策划（Plan）、实施（Do）、检查（Check）、处置（Act）四个阶段，“C”即检查。", PDCA_SOURCE),
					1, List.of(PDCA_TAG), ReviewStatus.DRAFT),
			new QuestionDraft(0, "example-002",
					new QuestionContent(QuestionType.MULTIPLE, "下列哪些属于 GB/T 19000—2016 规定的质量管理原则？",
							List.of(new Option("a", "以顾客为关注焦点"), new Option("b", "过程方法"), new Option("c", "利润最大化"),
									new Option("d", "循证决策")),
							List.of("a", "b", "d"), List.of(), null, List.of(), 2,
							"七项质量管理原则是：以顾客为关注焦点、领导作用、全员积极参与、过程方法、改进、循证决策、关系管理。", "GB/T 19000—2016《质量管理体系 基础和术语》2.3"),
					2, List.of("质量管理体系/质量管理原则"), null),
			new QuestionDraft(0, "example-003",
					new QuestionContent(QuestionType.TRUE_FALSE, "建设工程本身适用《产品质量法》关于产品质量责任的规定。", List.of(),
							List.of("false"), List.of(), null, List.of(), 1,
							"建设工程不适用《产品质量法》；建设工程使用的建筑材料、建筑构配件和设备属于该法所称产品的，才适用。", "《中华人民共和国产品质量法》（2018年修正）第二条第三款"),
					1, List.of("质量法律法规/产品质量法"), null),
			new QuestionDraft(0, "example-004",
					new QuestionContent(QuestionType.FILL, "PDCA 循环包括策划、{{1}}、检查和{{2}}四个阶段。", List.of(), List.of(),
							List.of(List.of("实施", "执行"), List.of("处置", "改进")), null, List.of(), 2,
							"GB/T 19001—2016 将 PDCA 循环表述为策划、实施、检查、处置。", PDCA_SOURCE),
					2, List.of(PDCA_TAG), null),
			new QuestionDraft(0, "example-005",
					new QuestionContent(QuestionType.ESSAY, "简答：简述 PDCA 循环四个阶段的主要内容。", List.of(), List.of(), List.of(),
							"1. 策划：建立体系及其过程的目标，配备所需的资源，识别和应对风险和机遇。\n2. 实施：执行所做的策划。\n"
									+ "3. 检查：根据方针、目标、要求和所策划的活动，对过程以及形成的产品和服务进行监视和测量，并报告结果。\n" + "4. 处置：必要时，采取措施提高绩效。",
							List.of(new RubricItem(2, "策划阶段的内容"), new RubricItem(2, "实施阶段的内容"),
									new RubricItem(2, "检查阶段的内容"), new RubricItem(2, "处置阶段的内容")),
							8, "PDCA 循环使组织能够确保其过程得到充分的资源和管理，确定改进机会并采取行动。", PDCA_SOURCE),
					3, List.of(PDCA_TAG), null));

	private ExcelExamples() {
	}

}
