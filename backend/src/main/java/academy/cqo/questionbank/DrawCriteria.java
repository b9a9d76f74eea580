package academy.cqo.questionbank;

import java.util.List;
import java.util.Set;

import academy.cqo.questionformats.QuestionType;

/**
 * Which questions an exam section may draw: reviewed questions of one type from some
 * banks, with any of some knowledge points (or below them) and any of some difficulties.
 *
 * @param bankIds the banks
 * @param type the question type
 * @param tags knowledge points (a question matches when one of its tags is one of these
 * or below one); empty for any
 * @param difficulties allowed difficulties; empty for any
 */
public record DrawCriteria(List<String> bankIds, QuestionType type, List<String> tags, Set<Integer> difficulties) {

	public DrawCriteria {
		bankIds = List.copyOf(bankIds);
		tags = (tags != null) ? List.copyOf(tags) : List.of();
		difficulties = (difficulties != null) ? Set.copyOf(difficulties) : Set.of();
	}

}
