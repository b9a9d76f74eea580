package academy.cqo.exam.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import academy.cqo.exam.ExamDefinition;
import academy.cqo.exam.Exams;
import academy.cqo.exam.MultipleChoiceScoring;
import academy.cqo.exam.ReviewPolicy;
import academy.cqo.exam.Section;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * Exams in the API. Question types are the question bank's codes ({@code single},
 * {@code multiple}, {@code true_false}, {@code fill}, {@code essay}); the review policy
 * is {@code score_only}, {@code answers} or {@code explanations}; multiple-choice scoring
 * {@code all_or_nothing} or {@code half_for_correct_subset}.
 */
record ExamJson(String id, String title, String description, Boolean qualifying, List<SectionJson> sections,
		Double passMark, Integer timeLimitSeconds, Boolean shuffleQuestions, Boolean shuffleOptions,
		Integer maxAttempts, Integer coolingOffSeconds, String reviewPolicy, String multipleChoiceScoring,
		Integer maxFocusLosses, Double totalScore, Integer questionCount, String createdBy, Instant createdAt,
		String regionCode, List<String> sharedWith) {

	record SectionJson(String title, List<String> bankIds, String type, List<String> tags, Set<Integer> difficulties,
			Integer count, Double scorePerQuestion) {
	}

	static ExamJson of(Exams.Exam exam) {
		ExamDefinition definition = exam.definition();
		List<SectionJson> sections = definition.sections()
			.stream()
			.map((section) -> new SectionJson(section.title(), section.bankIds(),
					(section.type() != null) ? section.type().code() : null, section.tags(), section.difficulties(),
					section.count(), section.scorePerQuestion()))
			.toList();
		return new ExamJson(exam.id(), definition.title(), definition.description(), definition.qualifying(), sections,
				definition.passMark(), definition.timeLimitSeconds(), definition.shuffleQuestions(),
				definition.shuffleOptions(), definition.maxAttempts(), definition.coolingOffSeconds(),
				definition.reviewPolicy().name().toLowerCase(Locale.ROOT),
				definition.multipleChoiceScoring().name().toLowerCase(Locale.ROOT), definition.maxFocusLosses(),
				definition.totalScore(), definition.questionCount(), exam.createdBy(), exam.createdAt(),
				exam.stewardship().regionCode(), exam.stewardship().sharedWith());
	}

	List<Section> toSections() {
		List<FieldViolation> violations = new ArrayList<>();
		List<Section> result = new ArrayList<>();
		List<SectionJson> input = (this.sections != null) ? this.sections : List.of();
		for (int i = 0; i < input.size(); i++) {
			SectionJson section = input.get(i);
			QuestionType type = null;
			if (section.type() != null) {
				type = QuestionType.fromCode(section.type()).orElse(null);
				if (type == null) {
					violations
						.add(FieldViolation.of("sections[" + i + "].type", "question.type.unknown", section.type()));
				}
			}
			result.add(new Section((section.title() != null) ? section.title().strip() : "", section.bankIds(), type,
					section.tags(), section.difficulties(), or(section.count(), 0),
					or(section.scorePerQuestion(), 1.0)));
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return result;
	}

	ExamDefinition toDefinition() {
		List<Section> sectionList = toSections();
		return new ExamDefinition(this.title, this.description, or(this.qualifying, false), sectionList,
				or(this.passMark, 0.0), or(this.timeLimitSeconds, 0), or(this.shuffleQuestions, true),
				or(this.shuffleOptions, true), or(this.maxAttempts, 1), or(this.coolingOffSeconds, 0),
				parse(ReviewPolicy.class, this.reviewPolicy, "reviewPolicy", ReviewPolicy.SCORE_ONLY),
				parse(MultipleChoiceScoring.class, this.multipleChoiceScoring, "multipleChoiceScoring",
						MultipleChoiceScoring.ALL_OR_NOTHING),
				or(this.maxFocusLosses, 0));
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, E fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput(List.of(FieldViolation.of(field, "exam.value.unknown", value)));
		}
	}

}
