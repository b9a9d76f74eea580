package academy.cqo.exam;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An attempt as its candidate sees it: the paper without keys, the acknowledged answers,
 * the server's deadline and clock, and the result once released.
 *
 * @param id the attempt
 * @param sessionId the session
 * @param examTitle the exam's title
 * @param number 1 for the first attempt
 * @param status {@code IN_PROGRESS}, {@code SUBMITTED} or {@code GRADED}
 * @param startedAt when it started
 * @param deadline when it ends (server time)
 * @param serverTime the server's clock now, to compute the time left
 * @param questions the paper in the order shown
 * @param answers acknowledged answers by question id
 * @param flagged questions flagged for review
 * @param result the result, when released
 * @param browserToken the token of the page that holds the attempt (only when a page
 * opened it)
 */
public record AttemptView(String id, String sessionId, String examTitle, int number, String status, Instant startedAt,
		Instant deadline, Instant serverTime, List<Question> questions, Map<String, Answer> answers,
		List<String> flagged, Result result, String browserToken) {

	/**
	 * A question as shown: never its key.
	 *
	 * @param questionId the question
	 * @param version the exact version
	 * @param type its type's code
	 * @param stem the Markdown stem
	 * @param stemHtml the stem as safe HTML
	 * @param options the options in the order shown
	 * @param blanks how many blanks (fill-in)
	 * @param score what it is worth
	 */
	public record Question(String questionId, int version, String type, String stem, String stemHtml,
			List<Option> options, int blanks, double score) {
	}

	/**
	 * An option as shown.
	 *
	 * @param id its stable id (what an answer names)
	 * @param text its Markdown text
	 * @param html its safe HTML
	 * @param letter the letter it is shown under
	 */
	public record Option(String id, String text, String html, String letter) {
	}

	/**
	 * An acknowledged answer.
	 *
	 * @param response what was answered
	 * @param seq its sequence number
	 * @param savedAt when it was saved
	 */
	public record Answer(List<String> response, long seq, Instant savedAt) {
	}

	/**
	 * The result.
	 *
	 * @param score the score ({@code null} while essays await marking)
	 * @param maxScore the highest possible score
	 * @param passMark the points needed to pass
	 * @param passed whether it passed ({@code null} while essays await marking)
	 * @param questions per question, as far as the exam lets candidates review
	 * @param topics points per knowledge point (always, also when no key is shown)
	 */
	public record Result(Double score, double maxScore, double passMark, Boolean passed, List<QuestionReview> questions,
			List<TopicScore> topics) {
	}

	/**
	 * Points earned on one knowledge point.
	 *
	 * @param topic the knowledge point's path (or the section's title)
	 * @param earned points earned
	 * @param possible points possible
	 * @param questions how many questions it had
	 */
	public record TopicScore(String topic, double earned, double possible, int questions) {
	}

	/**
	 * One question in the review.
	 *
	 * @param questionId the question
	 * @param awarded its points
	 * @param correct whether the answer was fully correct
	 * @param key the correct answer (review policy ANSWERS or EXPLANATIONS)
	 * @param explanation the explanation (review policy EXPLANATIONS)
	 */
	public record QuestionReview(String questionId, Double awarded, Boolean correct, List<Object> key,
			String explanation) {
	}

}
