package academy.cqo.questionformats;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of question: single choice (单选), multiple choice (多选), true/false (判断),
 * fill-in (填空) and essay or case analysis (简答、案例分析, graded by a person).
 */
public enum QuestionType {

	SINGLE("single", 1), MULTIPLE("multiple", 2), TRUE_FALSE("true_false", 1), FILL("fill", 2), ESSAY("essay", 10);

	private final String code;

	private final double defaultScore;

	QuestionType(String code, double defaultScore) {
		this.code = code;
		this.defaultScore = defaultScore;
	}

	/**
	 * The name used in files and the API ({@code single}, {@code true_false}, …).
	 * @return the code
	 */
	public String code() {
		return this.code;
	}

	public double defaultScore() {
		return this.defaultScore;
	}

	public boolean hasOptions() {
		return this == SINGLE || this == MULTIPLE;
	}

	/**
	 * Whether the platform grades it by itself.
	 * @return {@code true} for every type but essays
	 */
	public boolean objective() {
		return this != ESSAY;
	}

	public static Optional<QuestionType> fromCode(String code) {
		return Arrays.stream(values()).filter((type) -> type.code.equals(code)).findFirst();
	}

}
