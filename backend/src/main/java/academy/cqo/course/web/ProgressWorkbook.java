package academy.cqo.course.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;

import academy.cqo.course.CourseProgress;
import academy.cqo.course.CourseView;
import academy.cqo.shared.DateFormats;
import academy.cqo.shared.SpreadsheetText;

/**
 * The enrolled candidates' progress as an Excel workbook, one row per candidate. Text a
 * spreadsheet would read as a formula ({@code = + - @}) is written with a leading
 * apostrophe.
 */
final class ProgressWorkbook {

	private ProgressWorkbook() {
	}

	static byte[] write(CourseView course, List<CourseProgress> enrolled, MessageSource messages, Locale locale,
			ZoneId zone) {
		DateTimeFormatter time = DateFormats.MINUTE.withZone(zone);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "CQO Academy", "1.0")) {
			Worksheet sheet = workbook.newWorksheet(text(messages, locale, "course.export.sheet"));
			sheet.value(0, 0, SpreadsheetText.safe(course.title()));
			String[] headers = { "course.export.username", "course.export.name", "course.export.region",
					"course.export.enrolled", "course.export.modules", "course.export.minutes", "course.export.percent",
					"course.export.completed" };
			for (int c = 0; c < headers.length; c++) {
				sheet.value(1, c, text(messages, locale, headers[c]));
				sheet.style(1, c).bold().set();
			}
			int row = 2;
			for (CourseProgress progress : enrolled) {
				sheet.value(row, 0, SpreadsheetText.safe(progress.username()));
				sheet.value(row, 1, SpreadsheetText.safe(progress.fullName()));
				sheet.value(row, 2, SpreadsheetText.safe(progress.regionCode()));
				sheet.value(row, 3, (progress.enrolledAt() != null) ? time.format(progress.enrolledAt()) : "");
				sheet.value(row, 4, progress.completedModules() + " / " + progress.modules().size());
				sheet.value(row, 5, progress.creditedSeconds() / 60);
				sheet.value(row, 6, progress.percent());
				sheet.value(row, 7, (progress.completedAt() != null) ? time.format(progress.completedAt()) : "");
				row++;
			}
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static String text(MessageSource messages, Locale locale, String key) {
		return messages.getMessage(key, null, key, locale);
	}

}
