package academy.cqo.questionbank.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.util.MultiValueMap;

import academy.cqo.questionbank.QuestionView;
import academy.cqo.questionbank.domain.QuestionRules;
import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionDraft;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.questionformats.ReviewStatus;
import academy.cqo.questionformats.RubricItem;
import academy.cqo.questionformats.Scores;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.FormNumbers;
import academy.cqo.shared.InvalidInput;

/**
 * The question editor's form, as typed: every value a string, so that a refused form is
 * shown again exactly as it was sent. Blanks are one line per blank with alternatives
 * separated by {@code |}; the rubric one line per item as {@code points|criterion}; tags
 * one per line.
 *
 * @param type the type's code
 * @param stem the stem
 * @param options the option rows (always {@link QuestionRules#MAX_OPTIONS})
 * @param trueFalse {@code true} or {@code false}
 * @param blanks the blanks
 * @param referenceAnswer an essay's reference answer
 * @param rubric an essay's rubric
 * @param score the score
 * @param difficulty the difficulty
 * @param tags the tags
 * @param explanation the explanation
 * @param source the source
 * @param status the status code
 * @param revision the revision the editor started from, or empty for a new question
 */
record QuestionForm(String type, String stem, List<OptionRow> options, String trueFalse, String blanks,
		String referenceAnswer, String rubric, String score, String difficulty, String tags, String explanation,
		String source, String status, String revision) {

	/** One option row: its stable id, text and whether it is correct. */
	record OptionRow(String id, String text, boolean correct) {
	}

	static QuestionForm empty() {
		return new QuestionForm(QuestionType.SINGLE.code(), "", rows(List.of(), List.of()), "true", "", "", "", "", "3",
				"", "", "", ReviewStatus.DRAFT.code(), "");
	}

	static QuestionForm of(QuestionView question) {
		QuestionContent content = question.content();
		List<String> blankLines = content.blanks().stream().map((accepted) -> String.join(" | ", accepted)).toList();
		List<String> rubricLines = content.rubric()
			.stream()
			.map((item) -> Scores.format(item.points()) + "|" + item.criterion())
			.toList();
		return new QuestionForm(content.type().code(), content.stem(), rows(content.options(), content.answer()),
				String.valueOf(content.trueFalseAnswer()), String.join("\n", blankLines),
				nullToEmpty(content.referenceAnswer()), String.join("\n", rubricLines), Scores.format(content.score()),
				String.valueOf(question.difficulty()), String.join("\n", question.tags()),
				nullToEmpty(content.explanation()), nullToEmpty(content.source()), question.status().code(),
				String.valueOf(question.revision()));
	}

	private static List<OptionRow> rows(List<Option> options, List<String> answer) {
		List<OptionRow> rows = new ArrayList<>();
		Set<String> used = new HashSet<>();
		for (Option option : options) {
			rows.add(new OptionRow(option.id(), option.text(), answer.contains(option.id())));
			used.add(option.id());
		}
		char next = 'a';
		while (rows.size() < QuestionRules.MAX_OPTIONS) {
			while (used.contains(String.valueOf(next))) {
				next++;
			}
			used.add(String.valueOf(next));
			rows.add(new OptionRow(String.valueOf(next), "", false));
		}
		return rows;
	}

	static QuestionForm from(MultiValueMap<String, String> data) {
		List<String> ids = data.getOrDefault("optionId", List.of());
		List<String> texts = data.getOrDefault("optionText", List.of());
		List<String> correct = data.getOrDefault("correct", List.of());
		List<OptionRow> options = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			String text = (i < texts.size()) ? texts.get(i) : "";
			options.add(new OptionRow(ids.get(i), text, correct.contains(ids.get(i))));
		}
		return new QuestionForm(value(data, "type"), value(data, "stem"), options, value(data, "trueFalse"),
				value(data, "blanks"), value(data, "referenceAnswer"), value(data, "rubric"), value(data, "score"),
				value(data, "difficulty"), value(data, "tags"), value(data, "explanation"), value(data, "source"),
				value(data, "status"), value(data, "revision"));
	}

	/**
	 * The question the form describes.
	 * @return the draft
	 * @throws InvalidInput naming each field that cannot be read
	 */
	QuestionDraft toDraft() {
		List<FieldViolation> violations = new ArrayList<>();
		QuestionType questionType = QuestionType.fromCode(this.type).orElse(null);
		if (questionType == null) {
			violations.add(FieldViolation.of("type", "question.type.unknown", this.type));
			throw new InvalidInput(violations);
		}
		List<Option> optionList = new ArrayList<>();
		List<String> answer = new ArrayList<>();
		if (questionType.hasOptions()) {
			for (OptionRow row : this.options) {
				if (!row.text().isBlank()) {
					optionList.add(new Option(row.id(), row.text().strip()));
					if (row.correct()) {
						answer.add(row.id());
					}
				}
			}
		}
		if (questionType == QuestionType.TRUE_FALSE) {
			answer.add("false".equals(this.trueFalse) ? "false" : "true");
		}
		List<List<String>> blankList = (questionType == QuestionType.FILL) ? blanks(this.blanks) : List.of();
		List<RubricItem> rubricItems = (questionType == QuestionType.ESSAY) ? rubric(violations) : List.of();
		double points = FormNumbers.parse(this.score, questionType.defaultScore(), "score", violations);
		int level = (int) FormNumbers.parse(this.difficulty, QuestionDraft.DEFAULT_DIFFICULTY, "difficulty",
				violations);
		ReviewStatus reviewStatus = ReviewStatus.fromCode(this.status).orElse(ReviewStatus.DRAFT);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		QuestionContent content = new QuestionContent(questionType, this.stem.strip(), optionList, answer, blankList,
				(questionType == QuestionType.ESSAY) ? this.referenceAnswer : null, rubricItems, points,
				this.explanation, this.source.strip());
		List<String> tagList = this.tags.lines().map(String::strip).filter((tag) -> !tag.isEmpty()).distinct().toList();
		return new QuestionDraft(0, null, content, level, tagList, reviewStatus);
	}

	private static List<List<String>> blanks(String text) {
		List<List<String>> result = new ArrayList<>();
		for (String line : text.lines().toList()) {
			if (line.isBlank()) {
				continue;
			}
			result.add(List.of(line.split("[|｜]")).stream().map(String::strip).filter((a) -> !a.isEmpty()).toList());
		}
		return result;
	}

	private List<RubricItem> rubric(List<FieldViolation> violations) {
		List<RubricItem> items = new ArrayList<>();
		for (String line : this.rubric.lines().toList()) {
			if (line.isBlank()) {
				continue;
			}
			String[] parts = line.split("[|｜]", 2);
			try {
				items.add(new RubricItem(Double.parseDouble(parts[0].strip()),
						(parts.length > 1) ? parts[1].strip() : ""));
			}
			catch (NumberFormatException ex) {
				violations.add(FieldViolation.of("rubric", "question.rubric.line", line.strip()));
			}
		}
		return items;
	}

	private static String value(MultiValueMap<String, String> data, String name) {
		String value = data.getFirst(name);
		return (value != null) ? value : "";
	}

	private static String nullToEmpty(String text) {
		return (text != null) ? text : "";
	}

}
