package academy.cqo.questionbank.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import academy.cqo.questionbank.QuestionView;
import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionDraft;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.questionformats.ReviewStatus;
import academy.cqo.questionformats.RubricItem;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * A question in the API. {@code key} is the answer key: the correct option ids of a
 * choice question, {@code [true]} or {@code [false]} for a true/false question, the
 * accepted texts per blank ({@code [["生产者"], ["销售者", "销售商"]]}) for a fill-in question,
 * empty for an essay.
 */
record QuestionJson(String id, String bankId, String code, Long number, String type, String stem, List<Option> options,
		List<Object> key, Double score, Integer difficulty, List<String> tags, String explanation, String source,
		String referenceAnswer, List<RubricItem> rubric, String status, Integer version, Boolean delivered,
		Long revision, Instant updatedAt, String updatedBy, List<QuestionView.VersionInfo> versions) {

	static QuestionJson of(QuestionView view) {
		QuestionContent content = view.content();
		return new QuestionJson(view.id(), view.bankId(), view.code(), view.number(), content.type().code(),
				content.stem(), content.options(), keyOf(content), content.score(), view.difficulty(), view.tags(),
				content.explanation(), content.source(), content.referenceAnswer(), content.rubric(),
				view.status().code(), view.version(), view.delivered(), view.revision(), view.updatedAt(),
				view.updatedBy(), view.versions());
	}

	static List<Object> keyOf(QuestionContent content) {
		return switch (content.type()) {
			case SINGLE, MULTIPLE -> List.copyOf(content.answer());
			case TRUE_FALSE -> List.of(content.trueFalseAnswer());
			case FILL -> List.copyOf(content.blanks());
			case ESSAY -> List.of();
		};
	}

	/**
	 * The question as a draft to check and store.
	 * @return the draft
	 * @throws InvalidInput naming every field that cannot even be read
	 */
	QuestionDraft toDraft() {
		List<FieldViolation> violations = new ArrayList<>();
		QuestionType questionType = QuestionType.fromCode(this.type).orElse(null);
		if (questionType == null) {
			violations.add(FieldViolation.of("type", "question.type.unknown", String.valueOf(this.type)));
		}
		ReviewStatus reviewStatus = null;
		if (this.status != null && !this.status.isBlank()) {
			reviewStatus = ReviewStatus.fromCode(this.status).orElse(null);
			if (reviewStatus == null) {
				violations.add(FieldViolation.of("status", "question.status.unknown", this.status));
			}
		}
		List<String> answer = new ArrayList<>();
		List<List<String>> blanks = new ArrayList<>();
		if (questionType != null && this.key != null) {
			readKey(questionType, answer, blanks, violations);
		}
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		double points = (this.score != null) ? this.score : questionType.defaultScore();
		QuestionContent content = new QuestionContent(questionType, this.stem, this.options, answer, blanks,
				this.referenceAnswer, this.rubric, points, this.explanation, this.source);
		int level = (this.difficulty != null) ? this.difficulty : QuestionDraft.DEFAULT_DIFFICULTY;
		return new QuestionDraft(
				0, blankToNull(this.code), content, level, (this.tags != null)
						? this.tags.stream().map(String::strip).filter((t) -> !t.isEmpty()).toList() : List.of(),
				reviewStatus);
	}

	private void readKey(QuestionType questionType, List<String> answer, List<List<String>> blanks,
			List<FieldViolation> violations) {
		for (Object item : this.key) {
			switch (questionType) {
				case SINGLE, MULTIPLE -> {
					if (item instanceof String id) {
						answer.add(id);
					}
					else {
						violations.add(FieldViolation.of("key", "question.key.optionIds"));
					}
				}
				case TRUE_FALSE -> {
					if (item instanceof Boolean value) {
						answer.add(value.toString());
					}
					else if ("true".equals(item) || "false".equals(item)) {
						answer.add((String) item);
					}
					else {
						violations.add(FieldViolation.of("key", "question.answer.trueFalse"));
					}
				}
				case FILL -> {
					if (item instanceof List<?> accepted && accepted.stream().allMatch(String.class::isInstance)) {
						blanks.add(accepted.stream().map(String.class::cast).toList());
					}
					else {
						violations.add(FieldViolation.of("key", "question.key.blanks"));
					}
				}
				case ESSAY -> violations.add(FieldViolation.of("key", "question.key.essay"));
			}
		}
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
