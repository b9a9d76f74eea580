package academy.cqo.reporting;

import java.util.List;

/**
 * A report table as the notices print it: a title, a line under it (region and date),
 * column headers, rows and an optional totals row. Rendered to Excel by
 * {@link TableWorkbooks} and to A4 PDF by {@link TablePdfs}.
 *
 * @param title the title
 * @param subtitle the line under the title
 * @param headers the column headers
 * @param widths relative column widths
 * @param rows the rows (text; numbers as text)
 * @param totals the totals row, or {@code null}
 */
record Table(String title, String subtitle, List<String> headers, float[] widths, List<List<String>> rows,
		List<String> totals) {

	Table {
		headers = List.copyOf(headers);
		rows = List.copyOf(rows);
	}

}
