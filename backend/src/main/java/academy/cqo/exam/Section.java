package academy.cqo.exam;

import java.util.List;
import java.util.Set;

import academy.cqo.questionbank.DrawCriteria;
import academy.cqo.questionformats.QuestionType;

/**
 * One section of a blueprint: draw {@code count} reviewed questions of one type from some
 * banks, by knowledge point and difficulty, each worth {@code scorePerQuestion}.
 *
 * @param title the section's title (一、单项选择题)
 * @param bankIds the banks to draw from
 * @param type the question type
 * @param tags knowledge points (any of them, or below); empty for any
 * @param difficulties difficulties allowed; empty for any
 * @param count how many questions
 * @param scorePerQuestion points per question
 */
public record Section(String title, List<String> bankIds, QuestionType type, List<String> tags,
		Set<Integer> difficulties, int count, double scorePerQuestion) {

	public Section {
		bankIds = (bankIds != null) ? List.copyOf(bankIds) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		difficulties = (difficulties != null) ? Set.copyOf(difficulties) : Set.of();
	}

	public DrawCriteria criteria() {
		return new DrawCriteria(this.bankIds, this.type, this.tags, this.difficulties);
	}

	public double total() {
		return this.count * this.scorePerQuestion;
	}

}
