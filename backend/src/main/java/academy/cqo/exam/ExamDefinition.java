package academy.cqo.exam;

import java.util.List;

/**
 * What an exam is: its blueprint and rules.
 *
 * @param title the exam's title (首席质量官任职资格考核)
 * @param description what it is for
 * @param qualifying whether passing it leads to the CQO qualification certificate
 * @param sections the blueprint's sections
 * @param passMark the points needed to pass
 * @param timeLimitSeconds the time limit
 * @param shuffleQuestions whether questions are shuffled within each section
 * @param shuffleOptions whether options are shuffled
 * @param maxAttempts attempts per candidate and session
 * @param coolingOffSeconds time between the end of one attempt and the start of the next
 * @param reviewPolicy what a candidate may review afterwards
 * @param multipleChoiceScoring how multiple-choice answers score
 * @param maxFocusLosses leaving the exam page this many times submits the attempt; 0 for
 * no limit
 */
public record ExamDefinition(String title, String description, boolean qualifying, List<Section> sections,
		double passMark, int timeLimitSeconds, boolean shuffleQuestions, boolean shuffleOptions, int maxAttempts,
		int coolingOffSeconds, ReviewPolicy reviewPolicy, MultipleChoiceScoring multipleChoiceScoring,
		int maxFocusLosses) {

	public ExamDefinition {
		sections = (sections != null) ? List.copyOf(sections) : List.of();
		reviewPolicy = (reviewPolicy != null) ? reviewPolicy : ReviewPolicy.SCORE_ONLY;
		multipleChoiceScoring = (multipleChoiceScoring != null) ? multipleChoiceScoring
				: MultipleChoiceScoring.ALL_OR_NOTHING;
	}

	public double totalScore() {
		return this.sections.stream().mapToDouble(Section::total).sum();
	}

	public int questionCount() {
		return this.sections.stream().mapToInt(Section::count).sum();
	}

}
