package academy.cqo.home.web;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard workbook holds the table views' numbers as numbers, times in the platform
 * zone, and text that a spreadsheet would take for a formula as text.
 */
class DashboardWorkbookTests {

	private static Dashboard dashboard() {
		Dashboard.Gauge gauge = new Dashboard.Gauge(0.5, 1.0, 2, 4, 2, LocalDate.of(2025, 12, 31), 0, false);
		return new Dashboard("360100", "江西省 南昌市", "CITY", 2026, gauge, gauge, "REGION",
				List.of(new Dashboard.Bar("360102", "=HYPERLINK(\"http://evil\")", 6, 4, 2, 0.5, 1, 0.1667, 1, 0)),
				List.of(new Dashboard.Month("2026-12", 3, 1, 2)), List.of(), new Dashboard.Ce(3, 1, 0.3333),
				new Dashboard.Pending(1, 2, 3, 4, 5, null), List.of(new Dashboard.Sampling("d1", "360102",
						"+cmd|' /C calc'!A0", Instant.parse("2026-12-04T16:30:00Z"), 5, 2, 2, 1, 1, List.of())));
	}

	private static List<List<String>> sheet(byte[] xlsx, String name) throws Exception {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<List<String>> rows = new ArrayList<>();
			for (Row row : workbook.findSheet(name).orElseThrow().read()) {
				List<String> cells = new ArrayList<>();
				row.forEach((cell) -> cells.add((cell == null) ? "" : (cell.getType() == CellType.NUMBER)
						? "#" + cell.asNumber().stripTrailingZeros().toPlainString() : cell.getText()));
				rows.add(cells);
			}
			return rows;
		}
	}

	@Test
	void formulasStayTextNumbersStayNumbersAndTimesAreInThePlatformZone() throws Exception {
		DashboardWorkbook workbook = new DashboardWorkbook(new StaticMessageSource(), Locale.SIMPLIFIED_CHINESE,
				ZoneId.of("Asia/Shanghai"));
		byte[] xlsx = workbook.write(dashboard(), null);
		List<List<String>> bars = sheet(xlsx, "dash.sheet.bars");
		assertThat(bars.get(2)).containsExactly("'=HYPERLINK(\"http://evil\")", "#6", "#4", "#2", "#50", "#1", "#17",
				"#1", "#0");
		List<List<String>> sampling = sheet(xlsx, "dash.sheet.sampling");
		assertThat(sampling.get(2)).containsExactly("'+cmd|' /C calc'!A0", "2026-12-05 00:30", "#5", "#2", "#2", "#1",
				"#1");
		assertThat(sheet(xlsx, "dash.sheet.pending").get(6)).containsExactly("dash.pending.casesOverdue", "#5");
		byte[] one = workbook.write(dashboard(), "months");
		try (ReadableWorkbook only = new ReadableWorkbook(new ByteArrayInputStream(one))) {
			assertThat(only.getSheets().map((s) -> s.getName()).toList()).containsExactly("dash.sheet.months");
		}
	}

}
