package academy.cqo.questionbank;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.questionbank.domain.ImportState;
import academy.cqo.questionbank.persistence.ImportDocument;
import academy.cqo.questionbank.persistence.ImportJournal;
import academy.cqo.questionbank.persistence.QuestionDocument;
import academy.cqo.questionbank.persistence.QuestionStore;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.questionformats.ReviewStatus;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports and exports through the API: every format round-trips, a good file is counted
 * exactly, a bad one is refused as a whole with every problem located and the bank left
 * unchanged, and an import interrupted by a crash is undone or finished at start-up.
 */
@IntegrationTest
class QuestionImportIntegrationTests {

	/** A bank in the repository's own format with every type of question. */
	static final String SAMPLE_YAML = """
			topic: sample
			title: 样例
			tags:
			  - 质量法律法规/产品质量法
			  - 质量管理/统计技术
			questions:
			  - id: smp-001
			    type: single
			    difficulty: 2
			    tags: [质量法律法规/产品质量法]
			    stem: |
			      谁应当对其生产的产品质量负责？
			    options:
			      - {id: a, text: "生产者"}
			      - {id: b, text: "消费者"}
			      - {id: c, text: "行业协会"}
			      - {id: d, text: "检验机构"}
			    answer: [a]
			    explanation: |
			      生产者应当对其生产的产品质量负责。
			    source: 《中华人民共和国产品质量法》第二十六条
			  - id: smp-002
			    type: multiple
			    difficulty: 3
			    tags: [质量法律法规/产品质量法]
			    stem: |
			      下列哪些属于产品标识应当包含的内容？（含特殊字符 ~ = # { } :）
			    options:
			      - {id: a, text: "产品质量检验合格证明"}
			      - {id: b, text: "中文标明的产品名称"}
			      - {id: c, text: "广告代言人姓名"}
			      - {id: d, text: "生产厂厂名和厂址"}
			    answer: [a, b, d]
			    explanation: |
			      见第二十七条。
			    source: 《中华人民共和国产品质量法》第二十七条
			  - id: smp-003
			    type: true_false
			    difficulty: 1
			    tags: [质量法律法规/产品质量法]
			    stem: |
			      销售者应当建立并执行进货检查验收制度。
			    answer: true
			    explanation: |
			      第三十三条。
			    source: 《中华人民共和国产品质量法》第三十三条
			  - id: smp-004
			    type: fill
			    difficulty: 2
			    tags: [质量管理/统计技术]
			    stem: |
			      过程能力指数 Cp 等于公差范围除以 {{1}} 倍标准差；控制图的控制限通常取 {{2}}。

			      | 指数 | 含义 |
			      | --- | --- |
			      | Cp | 潜在能力 |
			    blanks: [["6", "六"], ["±3σ", "正负三西格玛"]]
			    explanation: |
			      Cp = T / 6σ。
			    source: GB/T 4091-2001
			  - id: smp-005
			    type: essay
			    difficulty: 4
			    score: 10
			    tags: [质量法律法规/产品质量法]
			    stem: |
			      某企业发现已售产品存在缺陷，请结合产品质量法分析其应承担的责任。
			    referenceAnswer: |
			      应当停止销售、召回并承担赔偿责任……
			    rubric:
			      - {points: 4, criterion: 指出生产者的产品质量责任}
			      - {points: 6, criterion: 说明召回和赔偿的要求}
			    explanation: |
			      综合运用第二十六条、第四十一条。
			    source: 《中华人民共和国产品质量法》第二十六条、第四十一条
			""";

	@Autowired
	WebTestClient client;

	@Autowired
	ImportJournal journal;

	@Autowired
	QuestionStore questions;

	@Autowired
	QuestionImports imports;

	QuestionBankApi trainer() {
		return new QuestionBankApi(this.client, "trainer");
	}

	static String bankName() {
		return "导入测试-" + People.username();
	}

	@Nested
	class GoodFiles {

		@Test
		void whenAFileIsImportedThenEveryQuestionIsCountedAndReImportingChangesNothing() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());

			Map<String, Object> first = trainer.imported(bank, "sample.yaml", utf8(SAMPLE_YAML));
			assertThat(first).containsEntry("format", "yaml").containsEntry("imported", 5);
			assertThat((List<?>) first.get("warnings")).isEmpty();

			Map<String, Object> again = trainer.imported(bank, "sample.yaml", utf8(SAMPLE_YAML));
			assertThat(again).containsEntry("imported", 0).containsEntry("unchanged", 5).containsEntry("updated", 0);
			assertThat(trainer.questionCount(bank)).isEqualTo(5);
		}

		@Test
		void whenAFileChangesAQuestionThenItGetsANewVersionAndDuplicatesAreSkippedWithTheirLine() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());
			trainer.imported(bank, "sample.yaml", utf8(SAMPLE_YAML));

			String changed = SAMPLE_YAML.replace("谁应当对其生产的产品质量负责？", "依照产品质量法，谁应当对其生产的产品质量负责？")
				.replace("  - id: smp-005", String.join("\n", "  - id: smp-006", "    type: true_false",
						"    difficulty: 1", "    tags: [质量法律法规/产品质量法]", "    stem: |", "      销售者应当建立并执行进货检查验收制度！",
						"    answer: true", "    explanation: |", "      重复。", "    source: 同上", "  - id: smp-005"));
			Map<String, Object> result = trainer.imported(bank, "sample.yaml", utf8(changed));

			assertThat(result).containsEntry("updated", 1)
				.containsEntry("skippedDuplicates", 1)
				.containsEntry("unchanged", 4);
			@SuppressWarnings("unchecked")
			Map<String, Object> warning = ((List<Map<String, Object>>) result.get("warnings")).get(0);
			assertThat(warning).containsEntry("field", "stem").containsEntry("code", "import.duplicate");
			assertThat((Integer) warning.get("line")).isGreaterThan(60);
			assertThat((String) warning.get("message")).contains("smp-003");

			Map<String, Object> question = trainer.allQuestions(bank)
				.stream()
				.filter((q) -> "smp-001".equals(q.get("code")))
				.findFirst()
				.orElseThrow();
			assertThat(question.get("version")).isEqualTo(2);
			assertThat((String) question.get("stem")).startsWith("依照产品质量法");
			trainer.get("/api/v1/questions/" + question.get("id") + "/versions/1")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.content.stem")
				.value((String stem) -> assertThat(stem).startsWith("谁应当"));
		}

		@ParameterizedTest
		@ValueSource(strings = { "xlsx", "gift", "moodle-xml", "yaml" })
		void whenABankIsExportedThenImportingTheFileGivesAnIdenticalBank(String format) {
			QuestionBankApi trainer = trainer();
			String original = trainer.createBank(bankName());
			trainer.imported(original, "sample.yaml", utf8(SAMPLE_YAML));
			trainer
				.post("/api/v1/question-banks/" + original + "/questions/bulk",
						Map.of("ids", List.of(idOf(trainer, original, "smp-003")), "action", "review"))
				.expectStatus()
				.isOk();

			byte[] exported = trainer.export(original, format);
			String copy = trainer.createBank(bankName());
			String fileName = "export." + Map.of("moodle-xml", "xml").getOrDefault(format, format);
			Map<String, Object> result = trainer.imported(copy, fileName, exported);

			assertThat(result).containsEntry("format", format).containsEntry("imported", 5);
			assertThat(QuestionBankIntegrationTests.comparable(trainer.allQuestions(copy)))
				.containsExactlyInAnyOrderElementsOf(
						QuestionBankIntegrationTests.comparable(trainer.allQuestions(original)));
		}

		@Test
		void whenAGiftFileIsInGbkThenItsChineseIsReadCorrectly() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.createBank(bankName());
			String gift = """
					// 从 Moodle 导出
					$CATEGORY: $course$/top/质量法律法规/计量法

					::mlaw-001:: 我国的法定计量单位以国际单位制单位为基础。{T}

					::mlaw-002:: 计量检定必须执行什么？{=计量检定规程 ~产品标准 ~企业标准 ~行业惯例}
					""";
			byte[] gbk = gift.getBytes(Charset.forName("GBK"));
			Map<String, Object> result = trainer.imported(bank, "计量法.gift", gbk);
			assertThat(result).containsEntry("imported", 2);
			List<Map<String, Object>> stored = trainer.allQuestions(bank);
			assertThat(stored).extracting((q) -> q.get("stem"))
				.anySatisfy((stem) -> assertThat((String) stem).contains("法定计量单位以国际单位制单位为基础"));
			assertThat(stored).allSatisfy((q) -> assertThat(q.get("tags")).isEqualTo(List.of("质量法律法规/计量法")));
		}

		@Test
		void whenTheTemplateIsDownloadedThenItIsAnXlsxThatImportsAsEmpty() {
			QuestionBankApi trainer = trainer();
			byte[] template = trainer.get("/api/v1/question-banks/template.xlsx")
				.expectStatus()
				.isOk()
				.expectHeader()
				.contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
				.expectBody(byte[].class)
				.returnResult()
				.getResponseBody();
			assertThat(template).startsWith('P', 'K');
			String bank = trainer.createBank(bankName());
			List<Map<String, Object>> errors = trainer.refused(bank, "模板.xlsx", template);
			assertThat(errors).extracting((e) -> e.get("code")).containsExactly("import.file.noQuestions");
		}

	}

	@Nested
	class BadFiles {

		@Test
		void whenAnXlsxIsTruncatedThenRefusedAndTheBankIsUnchanged() {
			QuestionBankApi trainer = trainer();
			String bank = bankWithSample(trainer);
			byte[] whole = trainer.export(bank, "xlsx");
			byte[] truncated = Arrays.copyOf(whole, whole.length / 2);

			List<Map<String, Object>> errors = trainer.refused(bank, "题库.xlsx", truncated);

			assertThat(errors).extracting((e) -> e.get("field")).containsExactly("file");
			assertThat((String) errors.get(0).get("code")).startsWith("import.xlsx.");
			assertUnchanged(trainer, bank);
		}

		@Test
		void whenTheSheetIsWrongThenTheSheetsFoundAreNamed() throws IOException {
			QuestionBankApi trainer = trainer();
			String bank = bankWithSample(trainer);
			byte[] workbook = workbook("成绩表", List.of(List.of("姓名", "分数"), List.of("张三", "90")));

			List<Map<String, Object>> errors = trainer.refused(bank, "成绩.xlsx", workbook);

			assertThat(errors).hasSize(1);
			assertThat(errors.get(0)).containsEntry("code", "import.xlsx.wrongSheet");
			assertThat((String) errors.get(0).get("message")).contains("成绩表");
			assertUnchanged(trainer, bank);
		}

		@Test
		void whenARowGivesASingleChoiceQuestionTwoKeysThenTheRowAndFieldAreNamed() throws IOException {
			QuestionBankApi trainer = trainer();
			String bank = bankWithSample(trainer);
			byte[] workbook = workbook("题目",
					List.of(List.of("题型", "题干", "选项A", "选项B", "选项C", "答案", "知识点"),
							List.of("单选题", "产品质量由谁负责？", "生产者", "消费者", "协会", "A", "质量法律法规/产品质量法"),
							List.of("单选题", "计量单位以什么为基础？", "国际单位制", "市制", "英制", "AB", "质量法律法规/计量法")));

			List<Map<String, Object>> errors = trainer.refused(bank, "题目.xlsx", workbook);

			assertThat(errors).hasSize(1);
			assertThat(errors.get(0)).containsEntry("line", 3)
				.containsEntry("field", "answer")
				.containsEntry("code", "question.answer.single");
			assertUnchanged(trainer, bank);
		}

		@Test
		void whenAFileIsOverTenMegabytesThenRefusedBeforeReading() {
			QuestionBankApi trainer = trainer();
			String bank = bankWithSample(trainer);
			byte[] big = new byte[10 * 1024 * 1024 + 1];
			Arrays.fill(big, (byte) 'x');

			List<Map<String, Object>> errors = trainer.refused(bank, "big.gift", big);

			assertThat(errors).extracting((e) -> e.get("code")).containsExactly("import.file.tooLarge");
			assertThat(errors.get(0)).containsEntry("field", "file");
			assertUnchanged(trainer, bank);
		}

		@Test
		void whenAStemCarriesScriptThenTheLineAndTheUnsafePartAreNamed() {
			QuestionBankApi trainer = trainer();
			String bank = bankWithSample(trainer);
			String gift = """
					::ok-1:: 一道正常的题目。{T}

					::xss-1:: 请看<script>alert(document.cookie)</script>后作答。{T}
					""";

			List<Map<String, Object>> errors = trainer.refused(bank, "xss.gift", utf8(gift));

			assertThat(errors).hasSize(1);
			assertThat(errors.get(0)).containsEntry("line", 3)
				.containsEntry("field", "stem")
				.containsEntry("code", "question.field.unsafe");
			assertThat((String) errors.get(0).get("message")).contains("<script>");
			assertUnchanged(trainer, bank);
		}

		@Test
		void whenAGiftBraceIsNotClosedThenItsLineIsNamedAndEveryOtherProblemToo() {
			QuestionBankApi trainer = trainer();
			String bank = bankWithSample(trainer);
			String gift = """
					::b-1:: 第一题没有闭合的答案块 {=对 ~错

					::b-2:: 第二题是数值题 {#3.14}

					::b-3:: 第三题正常。{F}
					""";

			List<Map<String, Object>> errors = trainer.refused(bank, "bad.gift", utf8(gift));

			assertThat(errors).extracting((e) -> e.get("line")).contains(1, 3);
			assertThat(errors).extracting((e) -> (String) e.get("message"))
				.allSatisfy((m) -> assertThat(m).isNotBlank());
			assertUnchanged(trainer, bank);
		}

		@Test
		void whenAFileIsNotAQuestionFileThenTheFormatsAreListed() {
			QuestionBankApi trainer = trainer();
			String bank = bankWithSample(trainer);
			List<Map<String, Object>> errors = trainer.refused(bank, "photo.png",
					new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 });
			assertThat(errors.get(0)).containsEntry("code", "import.file.unknownFormat");
			assertUnchanged(trainer, bank);
		}

		@Test
		void whenProblemsAreReportedInEnglishThenTheMessagesAreEnglish() {
			QuestionBankApi trainer = trainer();
			String bank = bankWithSample(trainer);
			byte[] big = new byte[10 * 1024 * 1024 + 1];
			String message = (String) trainer.upload(bank, "big.gift", big, "en")
				.expectStatus()
				.isEqualTo(422)
				.expectBody(QuestionBankApi.JSON)
				.returnResult()
				.getResponseBody()
				.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equals("errors"))
				.map((entry) -> ((List<Map<String, Object>>) entry.getValue()).get(0).get("message"))
				.findFirst()
				.orElseThrow();
			assertThat(message).contains("larger than 10 MB");
		}

	}

	@Nested
	class Interruptions {

		@Test
		void whenAnImportDiedBeforeCommittingThenItsQuestionsNeverShowAndAreRemoved() {
			QuestionBankApi trainer = trainer();
			String bank = bankWithSample(trainer);
			String importId = QuestionStore.newId();
			Instant longAgo = Instant.now().minusSeconds(3600);
			StepVerifier
				.create(QuestionImportIntegrationTests.this.journal
					.begin(new ImportDocument(importId, bank, ImportState.WRITING.name(), "crashed.yaml", "yaml", 1, 0,
							0, longAgo, "trainer", null))
					.then(QuestionImportIntegrationTests.this.questions.insert(pending(bank, importId, 900))))
				.expectNextCount(1)
				.verifyComplete();
			assertUnchanged(trainer, bank);

			StepVerifier.create(QuestionImportIntegrationTests.this.imports.recover(Instant.now())).verifyComplete();

			assertUnchanged(trainer, bank);
			StepVerifier.create(QuestionImportIntegrationTests.this.questions.findByFingerprint(bank, "crash-900"))
				.verifyComplete();
		}

		@Test
		void whenAnImportDiedAfterCommittingThenItIsFinishedAtStartUp() {
			QuestionBankApi trainer = trainer();
			String bank = bankWithSample(trainer);
			String importId = QuestionStore.newId();
			StepVerifier
				.create(QuestionImportIntegrationTests.this.journal
					.begin(new ImportDocument(importId, bank, ImportState.COMMITTING.name(), "committed.yaml", "yaml",
							1, 0, 0, Instant.now(), "trainer", null))
					.then(QuestionImportIntegrationTests.this.questions.insert(pending(bank, importId, 901))))
				.expectNextCount(1)
				.verifyComplete();

			StepVerifier.create(QuestionImportIntegrationTests.this.imports.run()).verifyComplete();

			assertThat(trainer.questionCount(bank)).isEqualTo(6);
		}

		private QuestionDocument pending(String bank, String importId, int number) {
			QuestionContent content = new QuestionContent(QuestionType.TRUE_FALSE, "中断的导入写下的题目" + number, List.of(),
					List.of("true"), List.of(), null, List.of(), 1, null, null);
			return new QuestionDocument(QuestionStore.newId(), bank, "crash-" + number, number, content, 3, List.of(),
					ReviewStatus.DRAFT, 1, false, 0, "crash-" + number, "crash", importId, Instant.now(), "trainer",
					Instant.now(), "trainer");
		}

	}

	String bankWithSample(QuestionBankApi trainer) {
		String bank = trainer.createBank(bankName());
		trainer.imported(bank, "sample.yaml", utf8(SAMPLE_YAML));
		return bank;
	}

	static void assertUnchanged(QuestionBankApi trainer, String bank) {
		List<Map<String, Object>> stored = trainer.allQuestions(bank);
		assertThat(stored).hasSize(5);
		assertThat(stored).extracting((q) -> q.get("code"))
			.containsExactly("smp-001", "smp-002", "smp-003", "smp-004", "smp-005");
		assertThat(stored).allSatisfy((q) -> assertThat(q.get("version")).isEqualTo(1));
	}

	static String idOf(QuestionBankApi trainer, String bank, String code) {
		return (String) trainer.allQuestions(bank)
			.stream()
			.filter((q) -> code.equals(q.get("code")))
			.findFirst()
			.orElseThrow()
			.get("id");
	}

	static byte[] workbook(String sheetName, List<List<String>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook workbook = new Workbook(out, "test", "1.0")) {
			Worksheet sheet = workbook.newWorksheet(sheetName);
			for (int r = 0; r < rows.size(); r++) {
				for (int c = 0; c < rows.get(r).size(); c++) {
					sheet.value(r, c, rows.get(r).get(c));
				}
			}
		}
		return out.toByteArray();
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static Map<String, Object> copy(Map<String, Object> map) {
		return new HashMap<>(map);
	}

}
