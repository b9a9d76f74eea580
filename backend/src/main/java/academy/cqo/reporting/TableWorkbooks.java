package academy.cqo.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import academy.cqo.shared.SpreadsheetText;

/**
 * Report tables as Excel: the title and subtitle above the header row, every text cell
 * formula-injection safe, whole numbers as numbers.
 */
final class TableWorkbooks {

	private TableWorkbooks() {
	}

	static byte[] write(Table table, String sheetName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "CQO Academy", "1.0");
		Worksheet sheet = workbook.newWorksheet(sheetName);
		int columns = table.headers().size();
		sheet.value(0, 0, SpreadsheetText.safe(table.title()));
		sheet.range(0, 0, 0, columns - 1).merge();
		sheet.style(0, 0).bold().fontSize(14).horizontalAlignment("center").set();
		sheet.value(1, 0, SpreadsheetText.safe(table.subtitle()));
		sheet.range(1, 0, 1, columns - 1).merge();
		for (int c = 0; c < columns; c++) {
			sheet.value(2, c, table.headers().get(c));
			sheet.style(2, c).bold().borderStyle("thin").wrapText(true).set();
			sheet.width(c, Math.max(8, table.widths()[c] * 6));
		}
		int r = 3;
		for (List<String> row : table.rows()) {
			cells(sheet, r++, row);
		}
		if (table.totals() != null) {
			cells(sheet, r, table.totals());
			for (int c = 0; c < columns; c++) {
				sheet.style(r, c).bold().set();
			}
		}
		try {
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void cells(Worksheet sheet, int r, List<String> row) {
		for (int c = 0; c < row.size(); c++) {
			String text = row.get(c);
			if (text != null && text.matches("\\d{1,9}")) {
				sheet.value(r, c, Long.parseLong(text));
			}
			else {
				sheet.value(r, c, SpreadsheetText.safe(text));
			}
		}
	}

}
