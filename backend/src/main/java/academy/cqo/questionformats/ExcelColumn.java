package academy.cqo.questionformats;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The columns of the Excel template, in template order. A column is found in an uploaded
 * sheet by its header: the Chinese name or one of the names other exam systems use,
 * ignoring white space, full-width forms, a {@code *} and a note in parentheses
 * ({@code 题型（必填）} is {@code 题型}).
 */
enum ExcelColumn {

	CODE("编号", "code", 12, "题号", "试题编号", "编码", "ID"),

	TYPE("题型", "type", 10, "题目类型", "试题类型", "类型"),

	STEM("题干", "stem", 50, "题目", "题目内容", "试题内容", "试题题干"),

	OPTION_A("选项A", "options", 18, "A"),

	OPTION_B("选项B", "options", 18, "B"),

	OPTION_C("选项C", "options", 18, "C"),

	OPTION_D("选项D", "options", 18, "D"),

	OPTION_E("选项E", "options", 18, "E"),

	OPTION_F("选项F", "options", 18, "F"),

	OPTION_G("选项G", "options", 18, "G"),

	OPTION_H("选项H", "options", 18, "H"),

	ANSWER("答案", "answer", 14, "正确答案", "标准答案"),

	SCORE("分值", "score", 8, "分数"),

	DIFFICULTY("难度", "difficulty", 8, "难度等级", "难易度", "难易程度"),

	TAGS("知识点", "tags", 26, "标签"),

	EXPLANATION("解析", "explanation", 40, "答案解析", "试题解析"),

	SOURCE("来源", "source", 30, "出处"),

	REFERENCE_ANSWER("参考答案", "referenceAnswer", 40),

	RUBRIC("评分标准", "rubric", 32, "评分要点"),

	STATUS("状态", "status", 10, "审核状态");

	/** The columns a sheet must have. */
	static final List<ExcelColumn> REQUIRED = List.of(TYPE, STEM, ANSWER);

	/** The option columns, A to H. */
	static final List<ExcelColumn> OPTIONS = List.of(OPTION_A, OPTION_B, OPTION_C, OPTION_D, OPTION_E, OPTION_F,
			OPTION_G, OPTION_H);

	private final String header;

	private final String field;

	private final double width;

	private final List<String> aliases;

	ExcelColumn(String header, String field, double width, String... aliases) {
		this.header = header;
		this.field = field;
		this.width = width;
		this.aliases = List.of(aliases);
	}

	String header() {
		return this.header;
	}

	/** The field name problems in this column are reported under. */
	String field() {
		return this.field;
	}

	double width() {
		return this.width;
	}

	/** The template position, 0-based. */
	int index() {
		return ordinal();
	}

	/** The option id of an option column: {@code a} for 选项A. */
	String optionId() {
		return String.valueOf((char) ('a' + OPTIONS.indexOf(this)));
	}

	/**
	 * The column a header names.
	 * @param header the header cell's text
	 * @return the column, if the header is known
	 */
	static Optional<ExcelColumn> fromHeader(String header) {
		String name = normalise(header);
		return Stream.of(values())
			.filter((column) -> normalise(column.header).equals(name)
					|| column.aliases.stream().anyMatch((alias) -> normalise(alias).equals(name)))
			.findFirst();
	}

	private static String normalise(String header) {
		String folded = Normalizer.normalize(header, Normalizer.Form.NFKC);
		return folded.replaceAll("\\([^)]*\\)", "").replaceAll("[\\s*]", "").toUpperCase(Locale.ROOT);
	}

}
