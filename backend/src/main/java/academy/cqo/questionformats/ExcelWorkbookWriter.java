package academy.cqo.questionformats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Range;
import org.dhatim.fastexcel.VisibilityState;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes the platform's Excel workbook: the 题目 sheet (header, dropdowns, frozen header
 * row, wrapped text), the 说明 instructions, optionally the 示例 sheet, and a hidden sheet
 * holding the dropdown lists.
 */
final class ExcelWorkbookWriter {

	static final String QUESTIONS = "题目";

	static final String GUIDE = "说明";

	static final String EXAMPLES = "示例";

	static final String LISTS = "下拉选项";

	private static final int LAST_ROW = ImportLimits.MAX_QUESTIONS;

	private static final int LAST_COLUMN = ExcelColumn.values().length - 1;

	/**
	 * Write a workbook.
	 * @param questions the questions of the 题目 sheet, in order
	 * @param examples the questions of the 示例 sheet; no such sheet when empty
	 * @return the .xlsx bytes
	 */
	byte[] write(List<QuestionDraft> questions, List<QuestionDraft> examples) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "CQO Academy", "1.0")) {
			Worksheet sheet = workbook.newWorksheet(QUESTIONS);
			Worksheet guide = workbook.newWorksheet(GUIDE);
			Worksheet exampleSheet = examples.isEmpty() ? null : workbook.newWorksheet(EXAMPLES);
			Worksheet lists = workbook.newWorksheet(LISTS);
			Dropdowns dropdowns = writeLists(lists);
			writeQuestionSheet(sheet, questions, dropdowns);
			ExcelGuide.write(guide);
			if (exampleSheet != null) {
				writeQuestionSheet(exampleSheet, examples, dropdowns);
			}
			workbook.setActiveTab(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** The dropdown lists, on a hidden sheet: types, difficulties, statuses. */
	private static Dropdowns writeLists(Worksheet lists) {
		List<String> types = ExcelVocabulary.TYPE_NAMES;
		List<Integer> difficulties = ExcelVocabulary.DIFFICULTIES;
		List<String> statuses = ExcelVocabulary.STATUS_NAMES;
		for (int i = 0; i < types.size(); i++) {
			lists.value(i, 0, types.get(i));
		}
		for (int i = 0; i < difficulties.size(); i++) {
			lists.value(i, 1, difficulties.get(i));
		}
		for (int i = 0; i < statuses.size(); i++) {
			lists.value(i, 2, statuses.get(i));
		}
		lists.setVisibilityState(VisibilityState.HIDDEN);
		return new Dropdowns(lists.range(0, 0, types.size() - 1, 0), lists.range(0, 1, difficulties.size() - 1, 1),
				lists.range(0, 2, statuses.size() - 1, 2));
	}

	private static void writeQuestionSheet(Worksheet sheet, List<QuestionDraft> questions, Dropdowns dropdowns) {
		writeHeader(sheet);
		int row = 1;
		for (QuestionDraft question : questions) {
			writeRow(sheet, row++, question);
		}
		if (!questions.isEmpty()) {
			sheet.range(1, 0, questions.size(), LAST_COLUMN).style().wrapText(true).verticalAlignment("top").set();
		}
		dropdown(sheet, ExcelColumn.TYPE, dropdowns.types(), "题型", "请从下拉列表中选择题型。");
		dropdown(sheet, ExcelColumn.DIFFICULTY, dropdowns.difficulties(), "难度", "难度为 1（易）到 5（难）的整数。");
		dropdown(sheet, ExcelColumn.STATUS, dropdowns.statuses(), "状态", "请从下拉列表中选择状态，或留空。");
		sheet.freezePane(0, 1);
	}

	private static void writeHeader(Worksheet sheet) {
		for (ExcelColumn column : ExcelColumn.values()) {
			int index = column.index();
			sheet.value(0, index, column.header());
			sheet.width(index, column.width());
			sheet.style(index).wrapText(true).verticalAlignment("top").set();
			String note = ExcelGuide.note(column);
			if (note != null) {
				sheet.comment(0, index, note);
			}
			boolean required = ExcelColumn.REQUIRED.contains(column);
			sheet.style(0, index)
				.bold()
				.fillColor(required ? "F8CBAD" : "DDEBF7")
				.borderStyle(BorderStyle.THIN)
				.horizontalAlignment("center")
				.verticalAlignment("center")
				.set();
		}
		sheet.rowHeight(0, 22);
	}

	private static void dropdown(Worksheet sheet, ExcelColumn column, Range list, String title, String message) {
		sheet.range(1, column.index(), LAST_ROW, column.index())
			.validateWithList(list)
			.allowBlank(true)
			.showDropdown(true)
			.errorStyle(DataValidationErrorStyle.STOP)
			.showErrorMessage(true)
			.errorTitle(title)
			.error(message);
	}

	private static void writeRow(Worksheet sheet, int row, QuestionDraft question) {
		QuestionContent content = question.content();
		text(sheet, row, ExcelColumn.CODE, question.code());
		text(sheet, row, ExcelColumn.TYPE, ExcelVocabulary.typeName(content.type()));
		text(sheet, row, ExcelColumn.STEM, content.stem());
		List<Option> options = content.options();
		for (int i = 0; i < Math.min(options.size(), ExcelColumn.OPTIONS.size()); i++) {
			text(sheet, row, ExcelColumn.OPTIONS.get(i), options.get(i).text());
		}
		text(sheet, row, ExcelColumn.ANSWER, answer(content));
		sheet.value(row, ExcelColumn.SCORE.index(), new BigDecimal(Scores.format(content.score())));
		sheet.value(row, ExcelColumn.DIFFICULTY.index(), question.difficulty());
		text(sheet, row, ExcelColumn.TAGS, String.join("；", question.tags()));
		text(sheet, row, ExcelColumn.EXPLANATION, content.explanation());
		text(sheet, row, ExcelColumn.SOURCE, content.source());
		text(sheet, row, ExcelColumn.REFERENCE_ANSWER, content.referenceAnswer());
		text(sheet, row, ExcelColumn.RUBRIC, rubric(content.rubric()));
		if (question.status() != null) {
			text(sheet, row, ExcelColumn.STATUS, ExcelVocabulary.statusName(question.status()));
		}
	}

	private static void text(Worksheet sheet, int row, ExcelColumn column, String text) {
		if (text != null && !text.isEmpty()) {
			sheet.value(row, column.index(), text);
		}
	}

	/**
	 * The 答案 cell. Options are written by position, so the key is written as the letters
	 * of the key options' positions, whatever their stored ids.
	 */
	static String answer(QuestionContent content) {
		if (content.type().hasOptions()) {
			List<String> ids = content.options().stream().map(Option::id).toList();
			StringBuilder letters = new StringBuilder();
			for (String key : content.answer()) {
				int position = ids.indexOf(key);
				if (position >= 0 && position < ExcelColumn.OPTIONS.size()) {
					letters.append((char) ('A' + position));
				}
			}
			return letters.toString();
		}
		return switch (content.type()) {
			case TRUE_FALSE ->
				content.answer().isEmpty() ? null : ExcelVocabulary.trueFalseName(content.trueFalseAnswer());
			case FILL ->
				content.blanks().stream().map((blank) -> String.join("|", blank)).collect(Collectors.joining("；"));
			default -> null;
		};
	}

	private static String rubric(List<RubricItem> rubric) {
		return rubric.stream()
			.map((item) -> Scores.format(item.points()) + "|"
					+ ((item.criterion() != null) ? item.criterion().replace('\n', ' ') : ""))
			.collect(Collectors.joining("\n"));
	}

	/** The cells of the hidden sheet each dropdown offers. */
	private record Dropdowns(Range types, Range difficulties, Range statuses) {
	}

}
