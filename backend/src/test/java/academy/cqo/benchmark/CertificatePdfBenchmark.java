package academy.cqo.benchmark;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import academy.cqo.certificate.pdf.CertificateContent;
import academy.cqo.certificate.pdf.CertificatePdf;
import academy.cqo.document.CjkFonts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Certificate rendering throughput on one and on two threads (each certificate with a
 * different name and number, no photo, fonts loaded once). Not part of the build; run
 * with
 * {@code ./mvnw -B verify -pl backend -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CertificatePdfBenchmark -Drenders=400}
 * (see {@code docs/BENCHMARKS.md}).
 */
class CertificatePdfBenchmark {

	private static final String[] SURNAMES = { "张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰" };

	@Test
	void rendersCertificates() throws Exception {
		int renders = Integer.getInteger("renders", 400);
		CertificatePdf renderer = new CertificatePdf(new CjkFonts(List.of(CjkFonts.DEBIAN_NOTO_CJK)),
				academy.cqo.certificate.pdf.CertificateFixtures.messages(), Clock.systemDefaultZone());
		for (int i = 0; i < 200; i++) {
			renderer.render(content(i));
		}
		for (int threads = 1; threads <= 2; threads++) {
			AtomicLong bytes = new AtomicLong();
			long start = System.nanoTime();
			try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
				List<Future<?>> futures = new ArrayList<>();
				for (int i = 0; i < renders; i++) {
					int index = i;
					futures.add(pool.submit(() -> bytes.addAndGet(renderer.render(content(index)).length)));
				}
				for (Future<?> future : futures) {
					future.get();
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("certificates: %d threads, %d renders in %.2f s = %.0f/s, average %.1f KB%n", threads,
					renders, seconds, renders / seconds, bytes.get() / 1024.0 / renders);
			assertThat(bytes.get()).isPositive();
		}
	}

	private static CertificateContent content(int index) throws IOException {
		String name = SURNAMES[index % SURNAMES.length] + GIVEN[index % GIVEN.length]
				+ ((index % 3 == 0) ? GIVEN[(index / 3) % GIVEN.length] : "");
		return new CertificateContent("JX-2026-%06d".formatted(index + 1), name, "3601**********1238", "江西洪都精密机械制造有限公司",
				"首席质量官任职资格考核", "合格", LocalDate.of(2026, 11, 21), LocalDate.of(2029, 11, 20), "江西省质量发展促进中心", null,
				"https://cqo.example.gov.cn/v/AQEAAAB7aWQ6SlgtMjAyNi0wMDAxMjMAAAAAAAAAXf3kQ2u1sX8Zk0cQv9LbYgWnq3t4Pj7aD1eF0sTqUe2fGhIjKlMnOpQrStUvWxYz"
						+ index,
				"首席质量官任职资格证书", "Chief Quality Officer Qualification Certificate");
	}

}
