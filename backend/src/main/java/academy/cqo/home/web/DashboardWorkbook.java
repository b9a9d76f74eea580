package academy.cqo.home.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;

import academy.cqo.shared.DateFormats;
import academy.cqo.shared.SpreadsheetText;

/**
 * The dashboard's numbers as Excel: one sheet per chart (or only the chart asked for),
 * the very figures of its table view, every text cell formula-injection safe, numbers as
 * numbers, times in the platform zone.
 */
final class DashboardWorkbook {

	/** The charts, in sheet order. */
	static final List<String> CHARTS = List.of("gauges", "bars", "months", "sessions", "ce", "pending", "sampling");

	private final MessageSource messages;

	private final Locale locale;

	private final ZoneId zone;

	DashboardWorkbook(MessageSource messages, Locale locale, ZoneId zone) {
		this.messages = messages;
		this.locale = locale;
		this.zone = zone;
	}

	/**
	 * The workbook.
	 * @param dashboard the figures
	 * @param chart one of {@link #CHARTS}, or {@code null} for all
	 * @return the .xlsx bytes
	 */
	byte[] write(Dashboard dashboard, String chart) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(out, "CQO Academy", "1.0");
		for (String name : CHARTS) {
			if (chart == null || chart.equals(name)) {
				sheet(workbook, name, dashboard);
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

	/** The rows of a chart's table, header first (cells: String, Number or null). */
	List<List<Object>> rows(String chart, Dashboard d) {
		List<List<Object>> rows = new ArrayList<>();
		switch (chart) {
			case "gauges" -> {
				rows.add(headers("dash.col.figure", "dash.col.percent", "dash.col.targetPercent", "dash.col.achieved",
						"dash.col.base", "dash.col.gap", "dash.col.dueDate", "dash.col.daysLeft"));
				rows.add(gauge("dash.gauge.coverage", d.coverage()));
				rows.add(gauge("dash.gauge.training", d.training()));
			}
			case "bars" -> {
				rows.add(headers("INDUSTRY".equals(d.barsBy()) ? "dash.col.industry" : "dash.col.region",
						"dash.col.roster", "dash.col.aboveScale", "dash.col.aboveScaleFiled", "dash.col.coverage",
						"dash.col.trained", "dash.col.trainedOfRoster", "dash.col.certified", "dash.col.ceMet"));
				for (Dashboard.Bar bar : d.bars()) {
					rows.add(List.of(barName(d, bar), bar.rosterEnterprises(), bar.aboveScale(), bar.aboveScaleFiled(),
							bar.coveragePercent(), bar.trained(), bar.trainedPercent(), bar.certified(), bar.ceMet()));
				}
			}
			case "months" -> {
				rows.add(headers("dash.col.month", "dash.col.filingsApproved", "dash.col.trainedInMonth",
						"dash.col.certificatesIssued"));
				for (Dashboard.Month month : d.months()) {
					rows.add(List.of(month.month(), month.filingsApproved(), month.trained(),
							month.certificatesIssued()));
				}
			}
			case "sessions" -> {
				rows.add(headers("dash.col.session", "dash.col.closesAt", "dash.col.graded", "dash.col.passed",
						"dash.col.passPercent", "dash.col.averageScore"));
				for (Dashboard.Session session : d.sessions()) {
					rows.add(java.util.Arrays.asList(session.title(), minute(session.closesAt()), session.graded(),
							session.passed(), session.passPercent(), session.averageScore()));
				}
			}
			case "ce" -> {
				rows.add(headers("dash.col.filed", "dash.col.ceMet", "dash.col.percent"));
				rows.add(List.of(d.ce().filed(), d.ce().met(), d.ce().percent()));
			}
			case "pending" -> {
				rows.add(headers("dash.col.work", "dash.col.count"));
				rows.add(List.of(text("dash.pending.filings"), d.pending().filingsToReview()));
				rows.add(List.of(text("dash.pending.claims"), d.pending().claimsToReview()));
				rows.add(List.of(text("dash.pending.reportsDue"), d.pending().reportsDue()));
				rows.add(List.of(text("dash.pending.reportsLate"), d.pending().reportsLate()));
				rows.add(List.of(text("dash.pending.casesOverdue"), d.pending().casesOverdue()));
			}
			case "sampling" -> {
				rows.add(headers("dash.col.region", "dash.col.drawnAt", "dash.col.drawn", "dash.col.assigned",
						"dash.col.examined", "dash.col.passed", "dash.col.failed"));
				for (Dashboard.Sampling draw : d.sampling()) {
					rows.add(List.of(draw.regionName(), minute(draw.createdAt()), draw.drawn(), draw.assigned(),
							draw.examined(), draw.passed(), draw.failed()));
				}
			}
			default -> throw new IllegalArgumentException(chart);
		}
		return rows;
	}

	String barName(Dashboard d, Dashboard.Bar bar) {
		return "INDUSTRY".equals(d.barsBy()) ? text("industry." + bar.key(), bar.key()) : bar.name();
	}

	private List<Object> gauge(String key, Dashboard.Gauge gauge) {
		return List.of(text(key), gauge.percent(), gauge.targetPercent(), gauge.achieved(), gauge.base(), gauge.gap(),
				String.valueOf(gauge.dueDate()), gauge.daysLeft());
	}

	private void sheet(Workbook workbook, String chart, Dashboard dashboard) {
		Worksheet sheet = workbook.newWorksheet(text("dash.sheet." + chart));
		sheet.value(0, 0, SpreadsheetText.safe(text("dash.sheet." + chart) + " · " + dashboard.regionName()));
		List<List<Object>> rows = rows(chart, dashboard);
		for (int r = 0; r < rows.size(); r++) {
			List<Object> row = rows.get(r);
			for (int c = 0; c < row.size(); c++) {
				Object cell = row.get(c);
				if (cell instanceof Number number) {
					sheet.value(r + 1, c, number);
				}
				else if (cell != null) {
					sheet.value(r + 1, c, SpreadsheetText.safe(cell.toString()));
				}
				if (r == 0) {
					sheet.style(r + 1, c).bold().set();
					sheet.width(c, 16);
				}
			}
		}
	}

	private List<Object> headers(String... keys) {
		List<Object> headers = new ArrayList<>();
		for (String key : keys) {
			headers.add(text(key));
		}
		return headers;
	}

	private String text(String key) {
		return this.messages.getMessage(key, null, key, this.locale);
	}

	private String text(String key, String fallback) {
		return this.messages.getMessage(key, null, fallback, this.locale);
	}

	private String minute(Instant time) {
		return (time != null) ? DateFormats.MINUTE.format(time.atZone(this.zone)) : "";
	}

}
