package academy.cqo.questionformats;

import java.math.BigDecimal;

/**
 * Scores are written without a needless fraction: {@code 2}, not {@code 2.0}; {@code 0.5}
 * stays {@code 0.5}.
 */
public final class Scores {

	private Scores() {
	}

	public static String format(double score) {
		return BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
	}

}
