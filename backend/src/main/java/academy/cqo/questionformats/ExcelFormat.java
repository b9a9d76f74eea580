package academy.cqo.questionformats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.stream.XMLStreamException;

import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import academy.cqo.shared.ZipGuard;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.springframework.stereotype.Component;

import academy.cqo.shared.FieldViolation;

/**
 * The platform's Excel template (.xlsx), like the templates Chinese exam systems offer:
 * one question per row of the 题目 sheet, columns found by their Chinese headers, a 说明
 * sheet, a 示例 sheet in the downloadable template, and dropdowns for type, difficulty and
 * status. An upload is inspected as a zip before it is parsed (see {@link ZipGuard}).
 */
@Component
public class ExcelFormat implements QuestionFormat {

	/** The media type of .xlsx files. */
	public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The sheet questions are read from. */
	public static final String SHEET = ExcelWorkbookWriter.QUESTIONS;

	private final ZipGuard guard = new ZipGuard(ImportLimits.MAX_UNPACKED_BYTES, ImportLimits.MAX_COMPRESSION_RATIO);

	private final ExcelWorkbookWriter writer = new ExcelWorkbookWriter();

	@Override
	public String id() {
		return "xlsx";
	}

	@Override
	public String extension() {
		return "xlsx";
	}

	@Override
	public String mediaType() {
		return MEDIA_TYPE;
	}

	@Override
	public int recognise(String fileName, byte[] content) {
		String name = (fileName != null) ? fileName.toLowerCase(Locale.ROOT).strip() : "";
		boolean excelName = name.endsWith(".xlsx") || name.endsWith(".xlsm");
		if (ZipGuard.looksLikeZip(content)) {
			if (excelName) {
				return 100;
			}
			return contains(content, "xl/workbook.xml") ? 90 : 0;
		}
		if (ZipGuard.looksLikeLegacy(content)) {
			return (excelName || name.endsWith(".xls")) ? 60 : 20;
		}
		return excelName ? 50 : 0;
	}

	@Override
	public ParsedFile read(byte[] content) {
		return read(content, SHEET);
	}

	/**
	 * Read the questions of one sheet (the 题目 sheet for uploads; tests read the
	 * template's 示例 sheet too).
	 */
	ParsedFile read(byte[] content, String sheetName) {
		if (content.length > ImportLimits.MAX_FILE_BYTES) {
			return fileProblem("import.file.tooLarge", ImportLimits.MAX_FILE_BYTES / 1024 / 1024);
		}
		return switch (this.guard.inspect(content)) {
			case NOT_ZIP -> fileProblem("import.xlsx.notXlsx");
			case LEGACY -> fileProblem("import.xlsx.legacyXls");
			case TRUNCATED -> fileProblem("import.xlsx.truncated");
			case BOMB -> fileProblem("import.xlsx.zipBomb", ImportLimits.MAX_UNPACKED_BYTES / 1024 / 1024,
					ImportLimits.MAX_COMPRESSION_RATIO);
			case SAFE -> readWorkbook(content, sheetName);
		};
	}

	private ParsedFile readWorkbook(byte[] content, String sheetName) {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
			List<Sheet> sheets = workbook.getSheets().toList();
			Optional<Sheet> named = sheets.stream()
				.filter((sheet) -> sheet.getName().strip().equals(sheetName))
				.findFirst();
			if (named.isEmpty() && sheets.size() != 1) {
				return wrongSheet(sheets, sheetName);
			}
			Sheet sheet = named.orElse(sheets.getFirst());
			try (Stream<Row> rows = sheet.openStream()) {
				return readSheet(rows.iterator(), named.isPresent(), sheets, sheetName);
			}
		}
		catch (IOException | UncheckedIOException | ExcelReaderException | NumberFormatException ex) {
			return fileProblem("import.xlsx.notXlsx");
		}
		catch (RuntimeException ex) {
			return (ex.getCause() instanceof XMLStreamException) ? fileProblem("import.xlsx.notXlsx")
					: Findings.unreadable(ex);
		}
	}

	private ParsedFile readSheet(Iterator<Row> rows, boolean named, List<Sheet> sheets, String sheetName) {
		Findings findings = new Findings();
		ExcelSheetReader reader = new ExcelSheetReader(findings);
		if (reader.findHeader(rows).isEmpty()) {
			if (!named) {
				return wrongSheet(sheets, sheetName);
			}
			findings.problem(reader.headerGuessLine(), "file", "import.xlsx.header", reader.missingColumns());
			return findings.result(List.of());
		}
		return findings.result(reader.readQuestions(rows));
	}

	private static ParsedFile wrongSheet(List<Sheet> sheets, String sheetName) {
		String names = sheets.stream().map(Sheet::getName).collect(Collectors.joining("、"));
		return fileProblem("import.xlsx.wrongSheet", sheetName, names);
	}

	private static ParsedFile fileProblem(String messageKey, Object... arguments) {
		return ParsedFile.failed(new FieldViolation("file", messageKey, List.of(arguments), null));
	}

	@Override
	public byte[] write(ExportedBank bank) {
		return this.writer.write(bank.questions(), List.of());
	}

	/**
	 * The downloadable template: an empty 题目 sheet (importable as it is), the 说明
	 * instructions and a 示例 sheet with one example per type.
	 * @return the .xlsx bytes
	 */
	public byte[] template() {
		return this.writer.write(List.of(), ExcelExamples.QUESTIONS);
	}

	private static boolean contains(byte[] content, String text) {
		byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i <= content.length - needle.length; i++) {
			if (content[i] == needle[0] && matchesAt(content, i, needle)) {
				return true;
			}
		}
		return false;
	}

	private static boolean matchesAt(byte[] content, int start, byte[] needle) {
		for (int j = 1; j < needle.length; j++) {
			if (content[start + j] != needle[j]) {
				return false;
			}
		}
		return true;
	}

}
