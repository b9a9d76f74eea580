package academy.cqo.identity.web;

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

import academy.cqo.identity.AuditEntry;
import academy.cqo.shared.DateFormats;
import academy.cqo.shared.SpreadsheetText;

/**
 * The filtered audit log as an Excel workbook, times in the platform zone; text a
 * spreadsheet would read as a formula is escaped.
 */
final class AuditWorkbook {

	private static final String[] HEADERS = { "admin.audit.col.at", "admin.audit.col.actor", "admin.audit.col.action",
			"admin.audit.col.subject", "admin.audit.col.detail", "admin.audit.col.address" };

	private AuditWorkbook() {
	}

	static byte[] write(List<AuditEntry> entries, MessageSource messages, Locale locale, ZoneId zone) {
		DateTimeFormatter time = DateFormats.SECOND.withZone(zone);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "CQO Academy", "1.0")) {
			Worksheet sheet = workbook.newWorksheet(messages.getMessage("admin.audit.heading", null, locale));
			for (int c = 0; c < HEADERS.length; c++) {
				sheet.value(0, c, messages.getMessage(HEADERS[c], null, locale));
				sheet.style(0, c).bold().set();
			}
			int row = 1;
			for (AuditEntry entry : entries) {
				sheet.value(row, 0, time.format(entry.at()));
				sheet.value(row, 1, SpreadsheetText.safe(entry.actor()));
				sheet.value(row, 2, messages.getMessage("audit." + entry.action(), null, entry.action(), locale));
				sheet.value(row, 3, SpreadsheetText.safe(entry.subject()));
				sheet.value(row, 4, SpreadsheetText.safe(entry.detail()));
				sheet.value(row, 5, SpreadsheetText.safe(entry.address()));
				row++;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
