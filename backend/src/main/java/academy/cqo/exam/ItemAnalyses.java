package academy.cqo.exam;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.exam.domain.ItemAnalysis;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptDocument.PaperQuestion;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;
import academy.cqo.exam.persistence.AttemptDocument.SavedAnswer;
import academy.cqo.exam.persistence.AttemptStore;
import academy.cqo.identity.CurrentUser;
import academy.cqo.questionformats.QuestionType;

/**
 * Item statistics of an exam over its graded attempts (the arithmetic is
 * {@link ItemAnalysis}).
 */
@Service
public class ItemAnalyses {

	private static final int LABEL_LENGTH = 40;

	private final AttemptStore store;

	ItemAnalyses(AttemptStore store) {
		this.store = store;
	}

	/**
	 * How many questions an exam's item analysis flags for review, for a trainer's
	 * overview.
	 *
	 * @param sittings graded papers analysed
	 * @param flagged questions flagged (low or negative discrimination)
	 */
	public record AnalysisFlags(int sittings, long flagged) {
	}

	/**
	 * The flags of an exam's item analysis.
	 * @param examId the exam
	 * @param staff staff who may see its analysis
	 * @return the counts
	 */
	public Mono<AnalysisFlags> analysisFlags(String examId, CurrentUser staff) {
		return analysis(examId, staff).map((report) -> new AnalysisFlags(report.sittings(),
				report.questions().stream().filter(ItemAnalysis.QuestionStatistics::flagged).count()));
	}

	/**
	 * Item statistics over every graded attempt of an exam.
	 * @param examId the exam
	 * @param staff a trainer or administrator
	 * @return the report
	 */
	public Mono<ItemAnalysis.Report> analysis(String examId, CurrentUser staff) {
		CurrentUser.requireStaff(staff);
		return this.store.findGradedByExam(examId).map(ItemAnalyses::sitting).collectList().map(ItemAnalysis::of);
	}

	/**
	 * One graded paper as the analysis reads it: points per question, the options chosen
	 * (none for fill-in and essay), the stem shortened to a label.
	 * @param attempt the graded attempt
	 * @return the sitting
	 */
	static ItemAnalysis.Sitting sitting(AttemptDocument attempt) {
		List<ItemAnalysis.Item> items = new ArrayList<>();
		for (int i = 0; i < attempt.paper().size(); i++) {
			PaperQuestion question = attempt.paper().get(i);
			QuestionResult result = (i < attempt.results().size()) ? attempt.results().get(i) : null;
			SavedAnswer answer = attempt.answers().get(question.questionId());
			String stem = question.content().stem().strip().replaceAll("\\s+", " ");
			String label = (stem.length() > LABEL_LENGTH) ? stem.substring(0, LABEL_LENGTH) + "…" : stem;
			List<String> chosen = (answer != null && question.content().type() != QuestionType.FILL
					&& question.content().type() != QuestionType.ESSAY) ? answer.response() : List.of();
			items.add(new ItemAnalysis.Item(question.questionId(), question.version(), label,
					question.content().type().code(),
					(result != null && result.awarded() != null) ? result.awarded() : 0, question.score(), chosen));
		}
		return new ItemAnalysis.Sitting((attempt.score() != null) ? attempt.score() : 0, items);
	}

}
