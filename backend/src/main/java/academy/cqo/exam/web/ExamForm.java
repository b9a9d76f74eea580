package academy.cqo.exam.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import academy.cqo.exam.ExamDefinition;
import academy.cqo.exam.MultipleChoiceScoring;
import academy.cqo.exam.ReviewPolicy;
import academy.cqo.exam.Section;
import academy.cqo.exam.domain.Grading;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.FormNumbers;
import academy.cqo.shared.InvalidInput;

/**
 * The exam editor's form as typed, every value a string so a refused form shows again as
 * it was sent. Sections are rows; a row without a type is ignored.
 *
 * @param title the title
 * @param description the description
 * @param qualifying {@code on} when the exam qualifies for the certificate
 * @param passMark the pass mark
 * @param timeLimitMinutes the time limit in minutes
 * @param maxAttempts attempts per session
 * @param coolingOffMinutes minutes between attempts
 * @param shuffleQuestions {@code on} to shuffle questions
 * @param shuffleOptions {@code on} to shuffle options
 * @param reviewPolicy the review policy's name
 * @param multipleChoiceScoring the scoring rule's name
 * @param maxFocusLosses the page-leaving limit
 * @param sections the section rows
 */
record ExamForm(String title, String description, String qualifying, String passMark, String timeLimitMinutes,
		String maxAttempts, String coolingOffMinutes, String shuffleQuestions, String shuffleOptions,
		String reviewPolicy, String multipleChoiceScoring, String maxFocusLosses, List<Row> sections) {

	static final int ROWS = 6;

	/** One section row as typed. */
	record Row(String title, String bankId, String type, String tags, String difficulties, String count,
			String scorePerQuestion) {

		static Row empty() {
			return new Row("", "", "", "", "", "", "");
		}

	}

	static ExamForm empty() {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(Row.empty());
		}
		return new ExamForm("", "", "", "60", "60", "1", "0", "on", "on", ReviewPolicy.SCORE_ONLY.name(),
				MultipleChoiceScoring.ALL_OR_NOTHING.name(), "0", rows);
	}

	static ExamForm of(ExamDefinition exam) {
		List<Row> rows = new ArrayList<>();
		for (Section section : exam.sections()) {
			rows.add(new Row(section.title(), section.bankIds().isEmpty() ? "" : section.bankIds().get(0),
					(section.type() != null) ? section.type().code() : "", String.join("；", section.tags()),
					String.join(",", section.difficulties().stream().sorted().map(String::valueOf).toList()),
					String.valueOf(section.count()), Grading.format(section.scorePerQuestion())));
		}
		while (rows.size() < ROWS) {
			rows.add(Row.empty());
		}
		return new ExamForm(exam.title(), (exam.description() != null) ? exam.description() : "",
				exam.qualifying() ? "on" : "", Grading.format(exam.passMark()),
				String.valueOf(exam.timeLimitSeconds() / 60), String.valueOf(exam.maxAttempts()),
				String.valueOf(exam.coolingOffSeconds() / 60), exam.shuffleQuestions() ? "on" : "",
				exam.shuffleOptions() ? "on" : "", exam.reviewPolicy().name(), exam.multipleChoiceScoring().name(),
				String.valueOf(exam.maxFocusLosses()), rows);
	}

	static ExamForm from(MultiValueMap<String, String> data) {
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < ROWS; i++) {
			rows.add(new Row(value(data, "sectionTitle", i), value(data, "sectionBank", i),
					value(data, "sectionType", i), value(data, "sectionTags", i), value(data, "sectionDifficulties", i),
					value(data, "sectionCount", i), value(data, "sectionScore", i)));
		}
		return new ExamForm(first(data, "title"), first(data, "description"), first(data, "qualifying"),
				first(data, "passMark"), first(data, "timeLimitMinutes"), first(data, "maxAttempts"),
				first(data, "coolingOffMinutes"), first(data, "shuffleQuestions"), first(data, "shuffleOptions"),
				first(data, "reviewPolicy"), first(data, "multipleChoiceScoring"), first(data, "maxFocusLosses"), rows);
	}

	ExamDefinition toDefinition() {
		List<FieldViolation> violations = new ArrayList<>();
		List<Section> sectionList = new ArrayList<>();
		for (Row row : this.sections) {
			if (row.type().isBlank()) {
				continue;
			}
			int index = sectionList.size();
			QuestionType type = QuestionType.fromCode(row.type()).orElse(null);
			Set<Integer> levels = new LinkedHashSet<>();
			for (String part : row.difficulties().split("[,，\\s]+")) {
				if (!part.isBlank()) {
					levels.add((int) FormNumbers.parse(part, 0, "sections[" + index + "].difficulties", violations));
				}
			}
			List<String> tagList = List.of(row.tags().split("[;；\\n]"))
				.stream()
				.map(String::strip)
				.filter((tag) -> !tag.isEmpty())
				.toList();
			sectionList.add(new Section(row.title().strip(), row.bankId().isBlank() ? List.of() : List.of(row.bankId()),
					type, tagList, levels,
					(int) FormNumbers.parse(row.count(), 0, "sections[" + index + "].count", violations), FormNumbers
						.parse(row.scorePerQuestion(), 0, "sections[" + index + "].scorePerQuestion", violations)));
		}
		double pass = FormNumbers.parse(this.passMark, 0, "passMark", violations);
		int minutes = (int) FormNumbers.parse(this.timeLimitMinutes, 0, "timeLimitSeconds", violations);
		int attempts = (int) FormNumbers.parse(this.maxAttempts, 1, "maxAttempts", violations);
		int cooling = (int) FormNumbers.parse(this.coolingOffMinutes, 0, "coolingOffSeconds", violations);
		int focus = (int) FormNumbers.parse(this.maxFocusLosses, 0, "maxFocusLosses", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return new ExamDefinition(this.title.strip(), this.description.strip(), "on".equals(this.qualifying),
				sectionList, pass, minutes * 60, "on".equals(this.shuffleQuestions), "on".equals(this.shuffleOptions),
				attempts, cooling * 60, ReviewPolicy.valueOf(orDefault(this.reviewPolicy, "SCORE_ONLY")),
				MultipleChoiceScoring.valueOf(orDefault(this.multipleChoiceScoring, "ALL_OR_NOTHING")), focus);
	}

	private static String orDefault(String value, String fallback) {
		String upper = (value != null) ? value.strip().toUpperCase(Locale.ROOT) : "";
		return upper.isEmpty() ? fallback : upper;
	}

	private static String value(MultiValueMap<String, String> data, String name, int index) {
		List<String> values = data.getOrDefault(name, List.of());
		return (index < values.size() && values.get(index) != null) ? values.get(index) : "";
	}

	private static String first(MultiValueMap<String, String> data, String name) {
		String value = data.getFirst(name);
		return (value != null) ? value : "";
	}

}
