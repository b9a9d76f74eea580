package academy.cqo.questionformats;

import java.util.List;

import org.dhatim.fastexcel.Worksheet;

/**
 * The Chinese instructions of the Excel template: the 说明 sheet and the notes on the
 * header cells.
 */
final class ExcelGuide {

	private static final String ANSWER_RULES = "单选题、多选题填选项字母，如 B 或 ACD（可用逗号、顿号分隔，不区分大小写）；"
			+ "判断题填“对”或“错”（也可填 正确/错误、√/×、T/F）；填空题按空的顺序填写，各空之间用分号“；”分隔，"
			+ "同一空的多个可接受答案用竖线“|”分隔，如：实施|执行；处置；简答题留空，参考答案写在“参考答案”列。";

	private static final List<String> LINES = List
		.of("首席质量官培训考核平台 · 题目导入模板说明", "", "一、在“题目”工作表中每行填写一道题。第 1 行是表头，请勿修改表头名称；列的顺序可以调整，多余的列会被忽略，空行会被跳过。",
				"二、“示例”工作表给出了每种题型的填写示例，仅供参考，不会被导入。", "三、各列填写说明：", "编号（可选）：题目在题库中的稳定编号，如 pql-001，同一文件内不得重复；留空则由系统分配。",
				"题型（必填）：单选题、多选题、判断题、填空题、简答题（案例分析题按简答题处理，也可填“案例分析题”）。",
				"题干（必填）：题目内容，支持 Markdown（含表格）。填空题用 {{1}}、{{2}}…… 标出每个空的位置。",
				"选项A～选项H：单选题、多选题的选项，至少 2 个；其他题型留空。导入后选项按列依次编为 a～h。", "答案（必填列）：" + ANSWER_RULES,
				"分值（可选）：大于 0、不超过 100 的数；留空时单选题 1 分、多选题 2 分、判断题 1 分、填空题 2 分、简答题 10 分。", "难度（可选）：1（易）到 5（难）的整数，留空为 3。",
				"知识点（可选）：知识点路径，层级之间用“/”分隔；多个知识点用分号“；”或换行分隔，如：质量法律法规/产品质量法。", "解析（可选）：答案解析，支持 Markdown。",
				"来源（可选）：出处，如法律条款、标准条款或通知文号。", "参考答案（简答题）：参考答案，支持 Markdown。",
				"评分标准（简答题，可选）：每行一条，格式为“分值|评分要点”，如：4|指出产品质量法第二十六条的要求；各条分值之和应等于题目分值。", "状态（可选）：草稿、已审核或已停用；留空时按导入时的设置处理。",
				"四、导入规则：文件不超过 " + (ImportLimits.MAX_FILE_BYTES / 1024 / 1024) + " MB，题目不超过 "
						+ ImportLimits.MAX_QUESTIONS + " 道。文件中只要有一处错误，整个文件都不会导入；系统会列出每个错误所在的行和列，修改后重新上传即可。",
				"五、含公式的单元格按其计算结果导入；请勿合并单元格，也不要在表头上方插入行。");

	private ExcelGuide() {
	}

	static void write(Worksheet guide) {
		guide.width(0, 120);
		guide.style(0).wrapText(true).set();
		for (int row = 0; row < LINES.size(); row++) {
			guide.value(row, 0, LINES.get(row));
			guide.style(row, 0).wrapText(true).verticalAlignment("top").set();
		}
		guide.style(0, 0).bold().fontSize(14).set();
	}

	/**
	 * The note on a header cell.
	 * @param column the column
	 * @return the note, or {@code null} when the header says enough
	 */
	static String note(ExcelColumn column) {
		return switch (column) {
			case CODE -> "可选。题目在题库中的稳定编号，同一文件内不得重复。";
			case TYPE -> "必填。单选题、多选题、判断题、填空题、简答题。";
			case STEM -> "必填。支持 Markdown；填空题用 {{1}}、{{2}} 标出空的位置。";
			case OPTION_A -> "单选题、多选题的选项，从选项A起依次填写。";
			case ANSWER -> ANSWER_RULES;
			case SCORE -> "可选。留空按题型默认分值。";
			case DIFFICULTY -> "可选。1（易）到 5（难），留空为 3。";
			case TAGS -> "可选。层级用“/”分隔，多个用分号或换行分隔。";
			case RUBRIC -> "简答题可选。每行一条：分值|评分要点，分值之和等于题目分值。";
			case STATUS -> "可选。草稿、已审核、已停用。";
			default -> null;
		};
	}

}
