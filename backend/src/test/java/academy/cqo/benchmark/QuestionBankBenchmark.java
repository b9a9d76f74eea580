package academy.cqo.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.questionformats.ExcelFormat;
import academy.cqo.questionformats.ExportedBank;
import academy.cqo.questionformats.Option;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionDraft;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Import speed (10,000 questions from the Excel template, through the API, into the
 * embedded store) and list speed at 20,000 questions in one bank. Not part of the build;
 * run it with
 * {@code ./mvnw -B verify -pl backend -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=QuestionBankBenchmark}
 * and see {@code docs/BENCHMARKS.md}. It asserts what was imported, and prints timings.
 */
@IntegrationTest
class QuestionBankBenchmark {

	static final int QUESTIONS = 10_000;

	@Autowired
	WebTestClient client;

	@Autowired
	ExcelFormat excel;

	@Test
	void importTenThousandQuestionsTwiceThenListTwentyThousand() {
		QuestionBankApi api = new QuestionBankApi(this.client, "trainer");
		String bank = api.createBank("基准测试题库-" + System.nanoTime());
		byte[] first = workbook(0);
		byte[] second = workbook(QUESTIONS);
		System.out.printf("Workbook: %,d questions, %,d bytes%n", QUESTIONS, first.length);

		api.imported(bank, "warm-up.xlsx", workbook(10_000_000));
		long start = System.nanoTime();
		Map<String, Object> result = api.imported(bank, "first.xlsx", first);
		long firstMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(result.get("imported")).isEqualTo(QUESTIONS);

		start = System.nanoTime();
		result = api.imported(bank, "second.xlsx", second);
		long secondMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(result.get("imported")).isEqualTo(QUESTIONS);

		start = System.nanoTime();
		result = api.imported(bank, "again.xlsx", first);
		long againMillis = (System.nanoTime() - start) / 1_000_000;
		assertThat(result.get("unchanged")).isEqualTo(QUESTIONS);

		System.out.printf("Import of %,d questions into an empty bank: %,d ms%n", QUESTIONS, firstMillis);
		System.out.printf("Import of %,d more (bank then holds %,d): %,d ms%n", QUESTIONS, 2 * QUESTIONS + 10,
				secondMillis);
		System.out.printf("Re-import of the first file (all unchanged): %,d ms%n", againMillis);

		String base = "/api/v1/question-banks/" + bank + "/questions?size=20";
		for (String query : List.of("", "&page=500", "&type=multiple", "&tag=基准/主题7", "&difficulty=4", "&q=第12345题",
				"&type=single&tag=基准/主题3&difficulty=2&page=20")) {
			api.getJson(base + query);
			int rounds = 10;
			long total = 0;
			long matches = 0;
			for (int i = 0; i < rounds; i++) {
				long t = System.nanoTime();
				Map<String, Object> page = api.getJson(base + query);
				total += System.nanoTime() - t;
				matches = ((Number) page.get("total")).longValue();
			}
			System.out.printf("List %-55s %,6d matches, %,5d ms per page%n", "'" + query + "'", matches,
					total / rounds / 1_000_000);
		}
	}

	private byte[] workbook(int offset) {
		List<QuestionDraft> drafts = new ArrayList<>();
		int count = (offset >= 10_000_000) ? 10 : QUESTIONS;
		for (int i = 0; i < count; i++) {
			int n = offset + i;
			drafts.add(draft(n));
		}
		return this.excel.write(new ExportedBank("benchmark", null, List.of(), drafts));
	}

	private static QuestionDraft draft(int n) {
		QuestionType type = QuestionType.values()[n % 4];
		String stem = "基准测试第" + n + "题：依照相关规定，下列关于质量管理的说法中，哪一项" + ((type == QuestionType.FILL) ? "是{{1}}" : "正确") + "？";
		List<Option> options = type.hasOptions() ? List.of(new Option("a", "选项甲" + n), new Option("b", "选项乙" + n),
				new Option("c", "选项丙" + n), new Option("d", "选项丁" + n)) : List.of();
		List<String> answer = switch (type) {
			case SINGLE -> List.of("b");
			case MULTIPLE -> List.of("a", "c");
			case TRUE_FALSE -> List.of("true");
			default -> List.of();
		};
		List<List<String>> blanks = (type == QuestionType.FILL) ? List.of(List.of("答案" + n)) : List.of();
		QuestionContent content = new QuestionContent(type, stem, options, answer, blanks, null, List.of(),
				type.defaultScore(), "解析：第" + n + "题的依据。", "基准测试");
		return new QuestionDraft(0, "B" + n, content, 1 + n % 5, List.of("基准/主题" + (n % 10)), null);
	}

}
