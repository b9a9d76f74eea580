package academy.cqo.questionformats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the rows of one sheet: finds the header row (the first of the first ten non-empty
 * rows that names the required columns), maps columns by their headers, skips empty rows
 * and hands every other row to {@link ExcelQuestionReader}. Rows are streamed, so a large
 * sheet is never held in memory as a whole.
 */
final class ExcelSheetReader {

	private static final int HEADER_SEARCH_ROWS = 10;

	private final Findings findings;

	private final ExcelQuestionReader questions;

	private final Map<Integer, ExcelColumn> columns = new HashMap<>();

	/**
	 * The row most like a header, for the report when no row has the required columns.
	 */
	private Map<Integer, ExcelColumn> headerGuess = Map.of();

	private int headerGuessLine = 1;

	ExcelSheetReader(Findings findings) {
		this.findings = findings;
		this.questions = new ExcelQuestionReader(findings);
	}

	/**
	 * Find the header row.
	 * @param rows the sheet's rows, positioned at the start
	 * @return the header's row number, or nothing when no row within reach names the
	 * required columns (the caller reports it, see {@link #missingColumns()})
	 */
	Optional<Integer> findHeader(Iterator<Row> rows) {
		int nonEmpty = 0;
		while (rows.hasNext() && nonEmpty < HEADER_SEARCH_ROWS) {
			Row row = rows.next();
			Map<Integer, String> headers = headers(row);
			if (headers.isEmpty()) {
				continue;
			}
			nonEmpty++;
			Map<Integer, ExcelColumn> found = new HashMap<>();
			headers
				.forEach((index, text) -> ExcelColumn.fromHeader(text).ifPresent((column) -> found.put(index, column)));
			if (found.values().containsAll(ExcelColumn.REQUIRED)) {
				mapColumns(row.getRowNum(), headers, found);
				return Optional.of(row.getRowNum());
			}
			if (nonEmpty == 1 || found.size() > this.headerGuess.size()) {
				this.headerGuess = found;
				this.headerGuessLine = row.getRowNum();
			}
		}
		return Optional.empty();
	}

	/** The required columns missing from the row most like a header. */
	String missingColumns() {
		return ExcelColumn.REQUIRED.stream()
			.filter((column) -> !this.headerGuess.containsValue(column))
			.map(ExcelColumn::header)
			.collect(Collectors.joining("、"));
	}

	/** The row most like a header. */
	int headerGuessLine() {
		return this.headerGuessLine;
	}

	private void mapColumns(int line, Map<Integer, String> headers, Map<Integer, ExcelColumn> found) {
		headers.forEach((index, text) -> {
			ExcelColumn column = found.get(index);
			if (column == null) {
				this.findings.warning(line, "file", "import.xlsx.unknownColumn", text);
			}
			else if (this.columns.containsValue(column)) {
				this.findings.warning(line, "file", "import.xlsx.duplicateColumn", text);
			}
			else {
				this.columns.put(index, column);
			}
		});
	}

	/**
	 * Read the rows after the header.
	 * @param rows the sheet's rows, positioned after the header
	 * @return the questions of the rows without problems
	 */
	List<QuestionDraft> readQuestions(Iterator<Row> rows) {
		List<QuestionDraft> drafts = new ArrayList<>();
		int count = 0;
		while (rows.hasNext()) {
			Row row = rows.next();
			int line = row.getRowNum();
			int problemsBefore = this.findings.problemCount();
			Map<ExcelColumn, String> cells = cells(row);
			if (cells.isEmpty() && this.findings.problemCount() == problemsBefore) {
				continue;
			}
			if (++count > ImportLimits.MAX_QUESTIONS) {
				this.findings.problem(line, "file", "import.file.tooManyQuestions", ImportLimits.MAX_QUESTIONS);
				break;
			}
			if (this.findings.problemCount() == problemsBefore) {
				this.questions.read(line, cells).ifPresent(drafts::add);
			}
		}
		return drafts;
	}

	private Map<ExcelColumn, String> cells(Row row) {
		Map<ExcelColumn, String> cells = new EnumMap<>(ExcelColumn.class);
		for (Cell cell : row) {
			if (cell == null) {
				continue;
			}
			ExcelColumn column = this.columns.get(cell.getColumnIndex());
			if (column == null) {
				continue;
			}
			String text = Findings.clean(text(cell, row.getRowNum(), column));
			if (text != null) {
				cells.put(column, text);
			}
		}
		return cells;
	}

	private static Map<Integer, String> headers(Row row) {
		Map<Integer, String> headers = new TreeMap<>();
		for (Cell cell : row) {
			if (cell != null && cell.getType() != CellType.EMPTY) {
				String text = Findings.clean(cell.getText());
				if (text != null) {
					headers.put(cell.getColumnIndex(), text);
				}
			}
		}
		return headers;
	}

	/**
	 * A cell as text: numbers without a needless fraction, formulas as their cached
	 * value.
	 */
	private String text(Cell cell, int line, ExcelColumn column) {
		return switch (cell.getType()) {
			case EMPTY -> null;
			case ERROR -> {
				this.findings.problem(line, column.field(), "import.xlsx.cellError", cell.getAddress().toString(),
						cell.getText());
				yield null;
			}
			case FORMULA -> {
				if (cell.getRawValue() == null) {
					this.findings.problem(line, column.field(), "import.xlsx.formulaNoValue",
							cell.getAddress().toString());
					yield null;
				}
				yield value(cell.getValue(), cell.getText());
			}
			default -> value(cell.getValue(), cell.getText());
		};
	}

	private static String value(Object value, String text) {
		if (value instanceof BigDecimal number) {
			return plain(number);
		}
		return (value instanceof Boolean bool) ? bool.toString() : text;
	}

	private static String plain(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		if (stripped.signum() == 0) {
			return "0";
		}
		return (Math.abs(stripped.scale()) > 30) ? stripped.toString() : stripped.toPlainString();
	}

}
