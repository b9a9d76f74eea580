package academy.cqo.questionformats;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words the Excel template uses for types, statuses and true/false keys, and the
 * other spellings it accepts (full-width forms and case do not matter).
 */
final class ExcelVocabulary {

	/** The type names offered in the template's dropdown, in order. */
	static final List<String> TYPE_NAMES = List.of("单选题", "多选题", "判断题", "填空题", "简答题");

	/** The status names offered in the template's dropdown, in order. */
	static final List<String> STATUS_NAMES = List.of("草稿", "已审核", "已停用");

	/** The difficulties offered in the template's dropdown. */
	static final List<Integer> DIFFICULTIES = List.of(1, 2, 3, 4, 5);

	private static final Map<String, QuestionType> TYPES = new HashMap<>();

	private static final Map<String, ReviewStatus> STATUSES = new HashMap<>();

	private static final Set<String> TRUE = Set.of("对", "正确", "√", "✓", "✔", "t", "true", "是", "y", "yes", "1");

	private static final Set<String> FALSE = Set.of("错", "错误", "×", "✗", "✘", "x", "f", "false", "否", "n", "no", "0");

	static {
		names(QuestionType.SINGLE, "单选题", "单选", "单项选择题", "单项选择");
		names(QuestionType.MULTIPLE, "多选题", "多选", "多项选择题", "多项选择");
		names(QuestionType.TRUE_FALSE, "判断题", "判断", "是非题", "truefalse");
		names(QuestionType.FILL, "填空题", "填空");
		names(QuestionType.ESSAY, "简答题", "简答", "案例分析题", "案例分析", "论述题", "问答题");
		for (QuestionType type : QuestionType.values()) {
			TYPES.put(type.code(), type);
		}
		STATUSES.put("草稿", ReviewStatus.DRAFT);
		STATUSES.put("已审核", ReviewStatus.REVIEWED);
		STATUSES.put("审核通过", ReviewStatus.REVIEWED);
		STATUSES.put("已停用", ReviewStatus.RETIRED);
		STATUSES.put("停用", ReviewStatus.RETIRED);
		for (ReviewStatus status : ReviewStatus.values()) {
			STATUSES.put(status.code(), status);
		}
	}

	private ExcelVocabulary() {
	}

	private static void names(QuestionType type, String... names) {
		for (String name : names) {
			TYPES.put(name, type);
		}
	}

	static Optional<QuestionType> type(String text) {
		return Optional.ofNullable(TYPES.get(fold(text)));
	}

	static String typeName(QuestionType type) {
		return TYPE_NAMES.get(type.ordinal());
	}

	static Optional<ReviewStatus> status(String text) {
		return Optional.ofNullable(STATUSES.get(fold(text)));
	}

	static String statusName(ReviewStatus status) {
		return STATUS_NAMES.get(status.ordinal());
	}

	/**
	 * The key of a true/false question.
	 * @param text the 答案 cell
	 * @return {@code true} or {@code false}, or nothing when the text is neither
	 */
	static Optional<Boolean> trueFalse(String text) {
		String folded = fold(text);
		if (TRUE.contains(folded)) {
			return Optional.of(true);
		}
		return FALSE.contains(folded) ? Optional.of(false) : Optional.empty();
	}

	static String trueFalseName(boolean value) {
		return value ? "对" : "错";
	}

	/** Half-width, lower case, no white space. */
	static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s", "").toLowerCase(Locale.ROOT);
	}

}
