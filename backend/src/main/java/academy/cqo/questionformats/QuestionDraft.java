package academy.cqo.questionformats;

import java.util.List;

/**
 * One question as read from a file (or written to one), before it is checked and stored.
 *
 * @param line the line (text formats) or row (Excel) where the question starts, 1-based;
 * 0 when written
 * @param code the question's stable code in the bank (YAML {@code id}, Moodle
 * {@code idnumber}, GIFT {@code [id:…]}, Excel 编号), or {@code null} to let the bank
 * assign one
 * @param content what the question says
 * @param difficulty 1 (easy) to 5 (hard)
 * @param tags knowledge-point paths, levels separated by {@code /}
 * @param status the review status, or {@code null} for the importer's default
 */
public record QuestionDraft(int line, String code, QuestionContent content, int difficulty, List<String> tags,
		ReviewStatus status) {

	/** Difficulty of questions whose format does not say. */
	public static final int DEFAULT_DIFFICULTY = 3;

	public QuestionDraft {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

	public QuestionDraft withLine(int line) {
		return new QuestionDraft(line, this.code, this.content, this.difficulty, this.tags, this.status);
	}

}
