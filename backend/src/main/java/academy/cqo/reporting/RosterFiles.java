package academy.cqo.reporting;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.ZipGuard;

/**
 * Reads a roster file into rows of text: an .xlsx workbook (inspected by the zip guard
 * first) or a CSV file in UTF-8 (with or without a byte-order mark) or GBK, with quoted
 * fields as spreadsheets write them.
 */
final class RosterFiles {

	private static final ZipGuard GUARD = new ZipGuard(100L * 1024 * 1024, 100);

	private RosterFiles() {
	}

	/**
	 * A row with its number in the file (1 is the header).
	 *
	 * @param number the row number
	 * @param cells the cells' text, blank cells as {@code null}
	 */
	record Line(int number, List<String> cells) {

		String cell(int column) {
			return (column < this.cells.size()) ? this.cells.get(column) : null;
		}

		boolean blank() {
			return this.cells.stream().allMatch((cell) -> cell == null || cell.isBlank());
		}

	}

	static List<Line> read(byte[] bytes) {
		if (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == 'K') {
			return workbook(bytes);
		}
		return csv(text(bytes));
	}

	private static List<Line> workbook(byte[] bytes) {
		if (GUARD.inspect(bytes) != ZipGuard.Verdict.SAFE) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "roster.import.unreadable")), true);
		}
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(bytes))) {
			List<Line> lines = new ArrayList<>();
			for (Row row : workbook.getFirstSheet().read()) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < row.getCellCount(); c++) {
					Cell cell = row.getCell(c);
					String text = (cell != null) ? cell.getText() : null;
					cells.add((text != null && !text.isBlank()) ? text.strip() : null);
				}
				lines.add(new Line(row.getRowNum(), cells));
			}
			return lines;
		}
		catch (IOException | RuntimeException ex) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "roster.import.unreadable")), true);
		}
	}

	private static String text(byte[] bytes) {
		int start = (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF) ? 3 : 0;
		ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			try {
				return Charset.forName("GBK")
					.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString();
			}
			catch (CharacterCodingException notGbk) {
				throw new InvalidInput(List.of(FieldViolation.of("file", "roster.import.unreadable")), true);
			}
		}
	}

	/** RFC 4180 fields: commas, quotes doubled inside quoted fields, CRLF or LF lines. */
	static List<Line> csv(String text) {
		List<Line> lines = new ArrayList<>();
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		int number = 1;
		int lineStart = 1;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"') {
					if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\n') {
						number++;
					}
					cell.append(c);
				}
			}
			else if (c == '"' && cell.isEmpty()) {
				quoted = true;
			}
			else if (c == ',') {
				cells.add(value(cell));
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				cells.add(value(cell));
				lines.add(new Line(lineStart, cells));
				cells = new ArrayList<>();
				number++;
				lineStart = number;
			}
			else {
				cell.append(c);
			}
		}
		if (!cell.isEmpty() || !cells.isEmpty()) {
			cells.add(value(cell));
			lines.add(new Line(lineStart, cells));
		}
		return lines;
	}

	private static String value(StringBuilder cell) {
		String text = cell.toString().strip();
		cell.setLength(0);
		return text.isEmpty() ? null : text;
	}

}
