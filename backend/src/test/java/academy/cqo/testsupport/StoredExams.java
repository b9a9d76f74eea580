package academy.cqo.testsupport;

import java.util.List;

import org.bson.Document;

/**
 * Exams as the exam module stores them, for tests and benchmarks that seed the store
 * directly (results, tallies) instead of authoring through the API.
 */
public final class StoredExams {

	private StoredExams() {
	}

	/**
	 * A qualifying exam's definition without sections: pass mark 60, an hour, two
	 * attempts, scores only shown, all-or-nothing multiple choice.
	 * @param title the exam's title
	 * @return the {@code definition} field of an {@code exams} document
	 */
	public static Document qualifyingDefinition(String title) {
		return new Document("title", title).append("qualifying", true)
			.append("sections", List.of())
			.append("passMark", 60.0)
			.append("timeLimitSeconds", 3600)
			.append("shuffleQuestions", false)
			.append("shuffleOptions", false)
			.append("coolingOffSeconds", 0)
			.append("maxFocusLosses", 0)
			.append("maxAttempts", 2)
			.append("reviewPolicy", "SCORE_ONLY")
			.append("multipleChoiceScoring", "ALL_OR_NOTHING");
	}

}
