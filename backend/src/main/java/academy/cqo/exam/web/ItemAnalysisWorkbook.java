package academy.cqo.exam.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;

import academy.cqo.exam.domain.ItemAnalysis;

/**
 * The item analysis as an Excel workbook: a summary sheet and one row per question.
 */
final class ItemAnalysisWorkbook {

	private ItemAnalysisWorkbook() {
	}

	static byte[] write(String examTitle, ItemAnalysis.Report report, MessageSource messages, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "CQO Academy", "1.0")) {
			Worksheet summary = workbook.newWorksheet(text(messages, locale, "exam.analysis.summary"));
			summary.value(0, 0, examTitle);
			summary.value(1, 0, text(messages, locale, "exam.analysis.sittings"));
			summary.value(1, 1, report.sittings());
			summary.value(2, 0, text(messages, locale, "exam.analysis.mean"));
			summary.value(2, 1, report.meanScore());
			summary.value(3, 0, text(messages, locale, "exam.analysis.sd"));
			summary.value(3, 1, report.standardDeviation());
			summary.value(4, 0, text(messages, locale, "exam.analysis.alpha"));
			if (report.cronbachAlpha() != null) {
				summary.value(4, 1, report.cronbachAlpha());
			}
			Worksheet items = workbook.newWorksheet(text(messages, locale, "exam.analysis.questions"));
			String[] headers = { "exam.analysis.col.question", "exam.analysis.col.version", "exam.analysis.col.type",
					"exam.analysis.col.attempts", "exam.analysis.col.facility", "exam.analysis.col.discrimination",
					"exam.analysis.col.pointBiserial", "exam.analysis.col.options", "exam.analysis.col.flag" };
			for (int c = 0; c < headers.length; c++) {
				items.value(0, c, text(messages, locale, headers[c]));
				items.style(0, c).bold().set();
			}
			int row = 1;
			for (ItemAnalysis.QuestionStatistics question : report.questions()) {
				items.value(row, 0, question.label());
				items.value(row, 1, question.version());
				items.value(row, 2, question.type());
				items.value(row, 3, question.attempts());
				items.value(row, 4, question.facility());
				if (question.discrimination() != null) {
					items.value(row, 5, question.discrimination());
				}
				if (question.pointBiserial() != null) {
					items.value(row, 6, question.pointBiserial());
				}
				items.value(row, 7, options(question.optionRates()));
				items.value(row, 8, question.flagged() ? text(messages, locale, "exam.analysis.flagged") : "");
				row++;
			}
			items.width(0, 50);
			items.freezePane(0, 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String options(Map<String, Double> rates) {
		StringBuilder text = new StringBuilder();
		rates.forEach((option, rate) -> {
			if (!text.isEmpty()) {
				text.append("  ");
			}
			text.append(option).append(' ').append(Math.round(rate * 100)).append('%');
		});
		return text.toString();
	}

	private static String text(MessageSource messages, Locale locale, String key) {
		return messages.getMessage(key, null, key, locale);
	}

}
