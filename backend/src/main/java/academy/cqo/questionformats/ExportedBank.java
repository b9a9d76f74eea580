package academy.cqo.questionformats;

import java.util.List;

/**
 * A bank as written to a file.
 *
 * @param name the bank's name
 * @param description the bank's description, or {@code null}
 * @param taxonomy the bank's knowledge-point paths
 * @param questions the questions, in the bank's order
 */
public record ExportedBank(String name, String description, List<String> taxonomy, List<QuestionDraft> questions) {

	public ExportedBank {
		taxonomy = List.copyOf(taxonomy);
		questions = List.copyOf(questions);
	}

}
