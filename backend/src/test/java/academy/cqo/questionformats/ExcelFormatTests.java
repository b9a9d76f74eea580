package academy.cqo.questionformats;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import academy.cqo.questionbank.domain.QuestionRules;
import academy.cqo.shared.FieldViolation;

import academy.cqo.shared.ZipGuard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ExcelFormatTests {

	private static final List<Object> HEADER = List.of("编号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "答案", "分值", "难度",
			"知识点", "解析", "来源", "参考答案", "评分标准", "状态");

	private final ExcelFormat format = new ExcelFormat();

	@TempDir
	Path temp;

	@Test
	void templateImportsAsAnEmptyFile() {
		ParsedFile parsed = this.format.read(this.format.template());
		assertThat(parsed.questions()).isEmpty();
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.warnings()).isEmpty();
	}

	@Test
	void templateHasDropdownsInstructionsExamplesAndAHiddenListSheet() throws IOException {
		byte[] template = this.format.template();
		assertThat(sheets(template)).containsExactly("题目 VISIBLE", "说明 VISIBLE", "示例 VISIBLE", "下拉选项 HIDDEN");
		Map<String, byte[]> entries = unzip(template);
		String questions = text(entries, "xl/worksheets/sheet1.xml");
		assertThat(questions).contains("<dataValidations count=\"3\">", "sqref=\"B2:B20001\"", "sqref=\"N2:N20001\"",
				"sqref=\"T2:T20001\"", "type=\"list\"", "showDropDown=\"false\"", "errorStyle=\"stop\"",
				"state=\"frozen\"");
		assertThat(questions).doesNotContain("null");
		assertThat(entries.keySet()).anyMatch((name) -> name.startsWith("xl/comments"));
	}

	@Test
	void templateExamplesAreValidQuestionsOfEveryType() {
		ParsedFile examples = this.format.read(this.format.template(), ExcelWorkbookWriter.EXAMPLES);
		assertThat(examples.problems()).isEmpty();
		assertThat(examples.questions()).extracting((question) -> question.content().type())
			.containsExactly(QuestionType.values());
		assertThat(examples.questions()).allSatisfy((question) -> assertThat(QuestionRules.check(question)).isEmpty());
		assertThat(SampleQuestions.withoutLines(examples.questions())).isEqualTo(ExcelExamples.QUESTIONS);
	}

	@Test
	void everyTypeRoundTrips() {
		byte[] written = this.format.write(SampleQuestions.bank(SampleQuestions.ALL));
		ParsedFile parsed = this.format.read(written);
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.warnings()).isEmpty();
		assertThat(parsed.questions()).extracting(QuestionDraft::line).containsExactly(2, 3, 4, 5, 6);
		assertThat(SampleQuestions.withoutLines(parsed.questions())).isEqualTo(SampleQuestions.ALL);
		assertThat(parsed.questions()).allSatisfy((question) -> assertThat(QuestionRules.check(question)).isEmpty());
	}

	@Test
	void optionsAreWrittenByPositionAndTheKeyFollowsThem() {
		QuestionDraft stored = new QuestionDraft(0, "x-001",
				new QuestionContent(QuestionType.MULTIPLE, "选出正确的两项",
						List.of(new Option("c", "甲"), new Option("a", "乙"), new Option("b", "丙")), List.of("a", "b"),
						List.of(), null, List.of(), 2, null, null),
				3, List.of(), null);
		ParsedFile parsed = this.format.read(this.format.write(SampleQuestions.bank(List.of(stored))));
		QuestionContent content = parsed.questions().getFirst().content();
		assertThat(content.options()).containsExactly(new Option("a", "甲"), new Option("b", "乙"), new Option("c", "丙"));
		assertThat(content.answer()).containsExactly("b", "c");
	}

	@Test
	void acceptsTheSpellingsPeopleUse() {
		byte[] file = workbook(Map.of("题目",
				List.of(List.of("题目类型", "试题内容", "A", "B", "C", "正确答案（必填）", "分数", "难度等级", "标签", "备注"),
						List.of("单选", "甲？", "一", "二", "三", "ｂ", "２分", "５", "甲/乙；丙\n丁", "忽略"),
						List.of("多项选择题", "乙？", "一", "二", "三", "A、C", "", "", "", ""),
						List.of("判断", "丙？", "", "", "", "√", "", "", "", ""),
						List.of("true_false", "丁？", "", "", "", "错误", "", "", "", ""),
						List.of("填空题", "空：｛｛１｝｝和{{ 2 }}", "", "", "", "生产者｜制造者；销售者;", "", "", "", ""),
						List.of("案例分析题", "论述", "", "", "", "答案写在答案列", "", "", "", ""))));
		ParsedFile parsed = this.format.read(file);
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.warnings()).extracting(FieldViolation::messageKey, FieldViolation::arguments)
			.containsExactly(tuple("import.xlsx.unknownColumn", List.of("备注")));
		List<QuestionDraft> questions = parsed.questions();
		assertThat(questions.get(0).content().answer()).containsExactly("b");
		assertThat(questions.get(0).content().score()).isEqualTo(2);
		assertThat(questions.get(0).difficulty()).isEqualTo(5);
		assertThat(questions.get(0).tags()).containsExactly("甲/乙", "丙", "丁");
		assertThat(questions.get(1).content().answer()).containsExactly("a", "c");
		assertThat(questions.get(1).content().score()).isEqualTo(QuestionType.MULTIPLE.defaultScore());
		assertThat(questions.get(1).difficulty()).isEqualTo(QuestionDraft.DEFAULT_DIFFICULTY);
		assertThat(questions.get(2).content().answer()).containsExactly("true");
		assertThat(questions.get(3).content().answer()).containsExactly("false");
		assertThat(questions.get(4).content().stem()).isEqualTo("空：{{1}}和{{2}}");
		assertThat(questions.get(4).content().blanks()).containsExactly(List.of("生产者", "制造者"), List.of("销售者"));
		assertThat(questions.get(5).content().type()).isEqualTo(QuestionType.ESSAY);
		assertThat(questions.get(5).content().referenceAnswer()).isEqualTo("答案写在答案列");
		assertThat(questions).allSatisfy((question) -> assertThat(QuestionRules.check(question)).isEmpty());
	}

	@Test
	void truncatedFileIsRefused() {
		byte[] whole = this.format.write(SampleQuestions.bank(SampleQuestions.ALL));
		ParsedFile parsed = this.format.read(Arrays.copyOf(whole, whole.length / 2));
		assertThat(parsed.problems())
			.extracting(FieldViolation::field, FieldViolation::messageKey, FieldViolation::line)
			.containsExactly(tuple("file", "import.xlsx.truncated", null));
	}

	@Test
	void fileThatIsNotAZipIsRefused() {
		ParsedFile parsed = this.format.read("编号,题型,题干\n1,单选题,甲".getBytes(StandardCharsets.UTF_8));
		assertThat(parsed.problems())
			.extracting(FieldViolation::field, FieldViolation::messageKey, FieldViolation::line)
			.containsExactly(tuple("file", "import.xlsx.notXlsx", null));
		assertThat(this.format.recognise("题库.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8))).isPositive();
	}

	@Test
	void zipThatIsNotAWorkbookIsRefused() throws IOException {
		byte[] zip = zip(Map.of("word/document.xml", "<w/>".getBytes(StandardCharsets.UTF_8)));
		assertThat(this.format.read(zip).problems()).extracting(FieldViolation::messageKey)
			.containsExactly("import.xlsx.notXlsx");
	}

	@Test
	void legacyExcelFileIsNamed() {
		byte[] xls = new byte[512];
		ByteBuffer.wrap(xls).order(ByteOrder.LITTLE_ENDIAN).putLong(0xE11AB1A1E011CFD0L);
		assertThat(this.format.read(xls).problems()).extracting(FieldViolation::messageKey)
			.containsExactly("import.xlsx.legacyXls");
	}

	@Test
	void zipBombIsRefusedWithoutInflatingIt() throws IOException {
		ByteArrayOutputStream packed = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(packed)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < 300; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		byte[] bomb = packed.toByteArray();
		assertThat(bomb.length).isLessThan(ImportLimits.MAX_FILE_BYTES);
		long start = System.nanoTime();
		ParsedFile parsed = this.format.read(bomb);
		long millis = (System.nanoTime() - start) / 1_000_000;
		assertThat(parsed.problems()).extracting(FieldViolation::field, FieldViolation::messageKey)
			.containsExactly(tuple("file", "import.xlsx.zipBomb"));
		assertThat(millis).as("refused after inflating about 1 MB, not 300 MB").isLessThan(1000);
	}

	@Test
	void zipGuardCountsTheUnpackedTotalAndRefusesOverlappingEntries() throws IOException {
		byte[] template = this.format.template();
		assertThat(new ZipGuard(ImportLimits.MAX_UNPACKED_BYTES, ImportLimits.MAX_COMPRESSION_RATIO).inspect(template))
			.isEqualTo(ZipGuard.Verdict.SAFE);
		assertThat(new ZipGuard(10_000, ImportLimits.MAX_COMPRESSION_RATIO).inspect(template))
			.isEqualTo(ZipGuard.Verdict.BOMB);
		assertThat(new ZipGuard(ImportLimits.MAX_UNPACKED_BYTES, ImportLimits.MAX_COMPRESSION_RATIO)
			.inspect(overlapping())).isEqualTo(ZipGuard.Verdict.BOMB);
	}

	@Test
	void wrongSheetNameIsReportedWithTheSheetsFound() {
		Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
		sheets.put("Sheet1", List.of(HEADER));
		sheets.put("Sheet2", List.of(HEADER));
		byte[] file = workbook(sheets);
		assertThat(this.format.read(file).problems())
			.extracting(FieldViolation::field, FieldViolation::messageKey, FieldViolation::arguments)
			.containsExactly(tuple("file", "import.xlsx.wrongSheet", List.of("题目", "Sheet1、Sheet2")));
	}

	@Test
	void aLoneSheetWithTheRightHeaderIsReadWhateverItsName() {
		byte[] file = workbook(Map.of("Sheet1", List.of(HEADER, row("", "判断题", "对吗？", "", "", "", "", "对"))));
		assertThat(this.format.read(file).questions()).hasSize(1);
		byte[] wrong = workbook(Map.of("Sheet1", List.of(List.of("姓名", "电话"), List.of("张三", "13800000000"))));
		assertThat(this.format.read(wrong).problems()).extracting(FieldViolation::messageKey)
			.containsExactly("import.xlsx.wrongSheet");
	}

	@Test
	void missingHeaderColumnIsNamed() {
		byte[] file = workbook(Map.of("题目", List.of(List.of("题型", "题干", "选项A"), List.of("单选题", "甲", "一"))));
		assertThat(this.format.read(file).problems())
			.extracting(FieldViolation::line, FieldViolation::field, FieldViolation::messageKey,
					FieldViolation::arguments)
			.containsExactly(tuple(1, "file", "import.xlsx.header", List.of("答案")));
	}

	@Test
	void missingColumnIsReportedAtTheRowMostLikeAHeader() {
		byte[] file = workbook(Map.of("题目", List.of(List.of("2025 年题库导入"), List.of("题型", "题干", "选项A"))));
		assertThat(this.format.read(file).problems()).extracting(FieldViolation::line, FieldViolation::arguments)
			.containsExactly(tuple(2, List.of("答案")));
	}

	@Test
	void headerBelowATitleRowIsFound() {
		byte[] file = workbook(Map.of("题目",
				List.of(List.of("2025 年题库导入"), List.of(), HEADER, row("", "判断题", "对吗？", "", "", "", "", "错"))));
		ParsedFile parsed = this.format.read(file);
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.questions()).extracting(QuestionDraft::line).containsExactly(4);
	}

	@Test
	void singleChoiceWithTwoKeysIsLeftToTheRulesWhichReportItsRow() {
		byte[] file = sheet(row("", "单选题", "甲？", "一", "二", "三", "四", "AB"));
		ParsedFile parsed = this.format.read(file);
		assertThat(parsed.problems()).isEmpty();
		QuestionDraft draft = parsed.questions().getFirst();
		assertThat(draft.line()).isEqualTo(2);
		assertThat(draft.content().answer()).containsExactly("a", "b");
		assertThat(QuestionRules.check(draft))
			.extracting(FieldViolation::line, FieldViolation::field, FieldViolation::messageKey)
			.containsExactly(tuple(2, "answer", "question.answer.single"));
	}

	@Test
	void everyBadRowIsReportedAtItsRowAndColumn() {
		byte[] file = sheet(row("", "单选题", "难度越界", "一", "二", "", "", "A", "", "6"),
				row("", "单选题", "难度不是整数", "一", "二", "", "", "A", "", "2.5"), row(),
				row("", "问答", "", "", "", "", "", ""), row("", "", "没有题型", "", "", "", "", "A"),
				row("", "单选题", "答案没有对应选项", "一", "二", "", "", "C"), row("", "多选题", "答案不是字母", "一", "二", "", "", "A和B"),
				row("", "判断题", "判断答案不对", "", "", "", "", "也许"), row("", "判断题", "判断题有选项", "一", "", "", "", "对"),
				row("", "填空题", "{{1}}", "", "", "", "", "甲", "两分"),
				row("", "简答题", "评分标准格式不对", "", "", "", "", "", "10", "", "", "", "", "参考", "要点一\n10|要点二"),
				row("", "判断题", "状态不对", "", "", "", "", "对", "", "", "", "", "", "", "", "发布"),
				row("dup", "判断题", "编号一", "", "", "", "", "对"), row("dup", "判断题", "编号二", "", "", "", "", "错"),
				row("", "判断题", "没问题", "", "", "", "", "对"));
		ParsedFile parsed = this.format.read(file);
		assertThat(parsed.problems())
			.extracting(FieldViolation::line, FieldViolation::field, FieldViolation::messageKey)
			.containsExactly(tuple(2, "difficulty", "import.xlsx.difficulty"),
					tuple(3, "difficulty", "import.xlsx.difficulty"), tuple(5, "type", "import.xlsx.type"),
					tuple(6, "type", "import.xlsx.typeRequired"), tuple(7, "answer", "import.xlsx.answerNoOption"),
					tuple(8, "answer", "import.xlsx.answerLetter"), tuple(9, "answer", "import.xlsx.trueFalse"),
					tuple(10, "options", "import.xlsx.notForType"), tuple(11, "score", "import.xlsx.score"),
					tuple(12, "rubric", "import.xlsx.rubricLine"), tuple(13, "status", "import.xlsx.status"),
					tuple(15, "code", "import.file.duplicateCode"));
		assertThat(parsed.problems().get(0).arguments()).containsExactly("6");
		assertThat(parsed.problems().get(4).arguments()).containsExactly("C");
		assertThat(parsed.problems().get(9).arguments()).containsExactly("要点一");
		assertThat(parsed.problems().get(11).arguments()).containsExactly("dup", 14);
		assertThat(parsed.questions()).extracting(QuestionDraft::line).containsExactly(14, 16);
	}

	@Test
	void formulaCellsAreReadAsTheirCachedValues() throws IOException {
		byte[] written = this.format.write(SampleQuestions.bank(List.of(SampleQuestions.SINGLE)));
		Map<String, byte[]> entries = unzip(written);
		String sheet = text(entries, "xl/worksheets/sheet1.xml");
		String answer = "<c r=\"L2\" t=\"str\"><f>LOWER(\"A\")</f><v>a</v></c>";
		String score = "<c r=\"M2\"><f>1+1</f><v>2</v></c>";
		sheet = sheet.replaceFirst("<c r=\"L2\"[^>]*>.*?</c>", answer).replaceFirst("<c r=\"M2\"[^>]*>.*?</c>", score);
		assertThat(sheet).contains(answer, score);
		entries.put("xl/worksheets/sheet1.xml", sheet.getBytes(StandardCharsets.UTF_8));
		ParsedFile parsed = this.format.read(zip(entries));
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.questions().getFirst().content().answer()).containsExactly("a");
		assertThat(parsed.questions().getFirst().content().score()).isEqualTo(2);
	}

	@Test
	void formulaWithoutACachedValueIsAProblem() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "test", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("题目");
			for (int column = 0; column < HEADER.size(); column++) {
				sheet.value(0, column, (String) HEADER.get(column));
			}
			sheet.value(1, 1, "判断题");
			sheet.value(1, 2, "对吗？");
			sheet.formula(1, 7, "IF(1=1,\"对\",\"错\")");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(this.format.read(out.toByteArray()).problems())
			.extracting(FieldViolation::line, FieldViolation::field, FieldViolation::messageKey,
					FieldViolation::arguments)
			.containsExactly(tuple(2, "answer", "import.xlsx.formulaNoValue", List.of("H2")));
	}

	@Test
	void tenThousandQuestionsAreReadBack() {
		List<QuestionDraft> questions = new ArrayList<>();
		for (int i = 1; i <= 10_000; i++) {
			QuestionDraft sample = SampleQuestions.ALL.get(i % SampleQuestions.ALL.size());
			QuestionContent content = sample.content();
			questions.add(new QuestionDraft(0, "q-" + i,
					new QuestionContent(content.type(), content.stem() + " 第" + i + "题", content.options(),
							content.answer(), content.blanks(), content.referenceAnswer(), content.rubric(),
							content.score(), content.explanation(), content.source()),
					sample.difficulty(), sample.tags(), sample.status()));
		}
		byte[] written = this.format.write(SampleQuestions.bank(questions));
		ParsedFile parsed = this.format.read(written);
		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.questions()).hasSize(10_000);
		QuestionDraft sample = parsed.questions().get(4_321);
		assertThat(sample.line()).isEqualTo(4_323);
		assertThat(sample.withLine(0)).isEqualTo(questions.get(4_321));
	}

	@Test
	void moreRowsThanTheLimitAreRefused() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "test", "1.0")) {
			Worksheet sheet = workbook.newWorksheet("题目");
			sheet.value(0, 0, "题型");
			sheet.value(0, 1, "题干");
			sheet.value(0, 2, "答案");
			for (int row = 1; row <= ImportLimits.MAX_QUESTIONS + 1; row++) {
				sheet.value(row, 0, "判断题");
				sheet.value(row, 1, "第" + row + "题");
				sheet.value(row, 2, "对");
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		assertThat(this.format.read(out.toByteArray()).problems())
			.extracting(FieldViolation::line, FieldViolation::messageKey, FieldViolation::arguments)
			.containsExactly(tuple(ImportLimits.MAX_QUESTIONS + 2, "import.file.tooManyQuestions",
					List.of(ImportLimits.MAX_QUESTIONS)));
	}

	@Test
	void writesStatusAndTheSameLayoutAsTheTemplate() throws IOException {
		byte[] written = this.format.write(SampleQuestions.bank(SampleQuestions.ALL));
		assertThat(sheets(written)).containsExactly("题目 VISIBLE", "说明 VISIBLE", "下拉选项 HIDDEN");
		assertThat(text(unzip(written), "xl/worksheets/sheet1.xml")).contains("<dataValidations count=\"3\">");
		assertThat(this.format.read(written).questions()).extracting(QuestionDraft::status)
			.containsExactly(ReviewStatus.REVIEWED, ReviewStatus.DRAFT, null, ReviewStatus.RETIRED, null);
	}

	@Test
	void recognisesWorkbooks() {
		byte[] template = this.format.template();
		assertThat(this.format.recognise("题库.xlsx", template)).isEqualTo(100);
		assertThat(this.format.recognise("upload.bin", template)).isPositive();
		assertThat(this.format.recognise("bank.yaml", "topic: x".getBytes(StandardCharsets.UTF_8))).isZero();
		assertThat(this.format.id()).isEqualTo("xlsx");
		assertThat(this.format.extension()).isEqualTo("xlsx");
		assertThat(this.format.mediaType()).isEqualTo(ExcelFormat.MEDIA_TYPE);
	}

	private static List<String> sheets(byte[] xlsx) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			return workbook.getSheets().map((sheet) -> sheet.getName() + " " + sheet.getVisibility()).toList();
		}
	}

	private static List<Object> row(Object... cells) {
		return Arrays.asList(cells);
	}

	@SafeVarargs
	private static byte[] sheet(List<Object>... rows) {
		List<List<Object>> all = new ArrayList<>();
		all.add(HEADER);
		all.addAll(List.of(rows));
		return workbook(Map.of("题目", all));
	}

	private static byte[] workbook(Map<String, List<List<Object>>> sheets) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "test", "1.0")) {
			for (Map.Entry<String, List<List<Object>>> sheet : sheets.entrySet()) {
				Worksheet worksheet = workbook.newWorksheet(sheet.getKey());
				List<List<Object>> rows = sheet.getValue();
				for (int row = 0; row < rows.size(); row++) {
					for (int column = 0; column < rows.get(row).size(); column++) {
						Object value = rows.get(row).get(column);
						if (value instanceof String text && !text.isEmpty()) {
							worksheet.value(row, column, text);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	/** The entries of an .xlsx, read through its central directory. */
	private Map<String, byte[]> unzip(byte[] xlsx) throws IOException {
		Path file = Files.write(this.temp.resolve("file-" + System.nanoTime() + ".xlsx"), xlsx);
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				entries.put(entry.getName(), zip.getInputStream(entry).readAllBytes());
			}
		}
		return entries;
	}

	private static byte[] zip(Map<String, byte[]> entries) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(entry.getKey()));
				zip.write(entry.getValue());
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	/**
	 * A zip whose central directory lists its one entry twice, both records pointing at
	 * the same bytes: the shape of the non-recursive zip bombs.
	 */
	private static byte[] overlapping() throws IOException {
		byte[] single = zip(Map.of("a.xml", "<a/>".getBytes(StandardCharsets.UTF_8)));
		ByteBuffer buffer = ByteBuffer.wrap(single).order(ByteOrder.LITTLE_ENDIAN);
		int end = single.length - 22;
		int directorySize = buffer.getInt(end + 12);
		int directoryOffset = buffer.getInt(end + 16);
		byte[] record = Arrays.copyOfRange(single, directoryOffset, directoryOffset + directorySize);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(single, 0, directoryOffset + directorySize);
		out.write(record);
		ByteBuffer eocd = ByteBuffer.wrap(Arrays.copyOfRange(single, end, single.length))
			.order(ByteOrder.LITTLE_ENDIAN);
		eocd.putShort(8, (short) 2).putShort(10, (short) 2).putInt(12, directorySize * 2);
		write(out, eocd.array());
		return out.toByteArray();
	}

	private static void write(OutputStream out, byte[] bytes) throws IOException {
		out.write(bytes);
	}

	private static String text(Map<String, byte[]> entries, String name) {
		assertThat(entries).containsKey(name);
		return new String(entries.get(name), StandardCharsets.UTF_8);
	}

}
