package academy.cqo.benchmark;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import academy.cqo.testsupport.ApplicationProcess;
import academy.cqo.testsupport.People;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds the data directory for the recovery-time measurement of issue 17 ("ready in under
 * 5 s on a store holding 2,000 attempts"): the platform runs as its own process on the
 * demo store, N candidates register and start one exam each (20 questions), answer every
 * question, half of them submit (graded), and the process is then killed with
 * {@code SIGKILL} in the middle of the exam: the other half stay in progress, their
 * deadline three hours away, as after a crash during an exam. Not part of the build; run
 * with
 * {@code ./mvnw -B verify -pl backend -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=RecoveryStoreBenchmark -Drecovery.dataDir=/tmp/cqo-2000}
 * ({@code -Dattempts=2000} by default), then measure restarts on copies of that directory
 * with {@code deploy/measure-startup.sh} (see {@code docs/BENCHMARKS.md}).
 */
class RecoveryStoreBenchmark {

	private final int attempts = Integer.getInteger("attempts", 2000);

	private final Path dataDir = Path.of(System.getProperty("recovery.dataDir", "target/recovery-store"));

	private final BenchmarkApi api = new BenchmarkApi();

	private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

	@Test
	void seedStoreWithAttemptsThenCrash() throws Exception {
		assertThat(this.dataDir.resolve("store")).as("a fresh data directory").doesNotExist();
		Files.createDirectories(this.dataDir);
		long begun = System.nanoTime();
		AtomicInteger started = new AtomicInteger();
		AtomicInteger submitted = new AtomicInteger();
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, Map.of("CQO_DEMO", "true"), "1g");
				ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			String trainer = this.api.token(app, "trainer", "Cqo@2026demo");
			String session = session(app, trainer);
			Semaphore parallel = new Semaphore(8);
			for (int i = 0; i < this.attempts; i++) {
				boolean submits = i % 2 == 0;
				threads.submit(() -> {
					try {
						parallel.acquire();
						takeExam(app, session, submits);
						started.incrementAndGet();
						if (submits) {
							submitted.incrementAndGet();
						}
					}
					catch (Exception ex) {
						this.failures.add(ex.toString());
					}
					finally {
						parallel.release();
					}
				});
			}
			threads.shutdown();
			assertThat(threads.awaitTermination(2, java.util.concurrent.TimeUnit.HOURS)).isTrue();
			app.kill();
		}
		long bytes = Files.size(this.dataDir.resolve("store/cqo.mv.db"));
		System.out.printf("Seeded %s: %d attempts (%d submitted, %d in progress), store %.1f MB, in %d s%n",
				this.dataDir.toAbsolutePath(), started.get(), submitted.get(), started.get() - submitted.get(),
				bytes / 1e6, (System.nanoTime() - begun) / 1_000_000_000L);
		assertThat(this.failures).as("requests answered other than 2xx").isEmpty();
		assertThat(started.get()).isEqualTo(this.attempts);
	}

	@SuppressWarnings("unchecked")
	private void takeExam(ApplicationProcess app, String session, boolean submits) throws Exception {
		String username = People.username();
		this.api.send(app, "POST", "/api/v1/auth/register", null,
				People.registration(username, People.idNumber(), "360102"));
		String token = this.api.token(app, username, "Qual1ty#Safe");
		Map<String, Object> attempt = this.api.send(app, "POST", "/api/v1/exam-sessions/" + session + "/attempts",
				token, Map.of());
		String id = (String) attempt.get("id");
		for (Map<String, Object> question : (List<Map<String, Object>>) attempt.get("questions")) {
			List<String> response = "true_false".equals(question.get("type")) ? List.of("true")
					: List.of((String) ((List<Map<String, Object>>) question.get("options")).get(0).get("id"));
			this.api.send(app, "PUT", "/api/v1/attempts/" + id + "/answers/" + question.get("questionId"), token,
					Map.of("response", response, "seq", 1));
		}
		if (submits) {
			this.api.send(app, "POST", "/api/v1/attempts/" + id + "/submit", token, Map.of());
		}
	}

	@SuppressWarnings("unchecked")
	private String session(ApplicationProcess app, String trainer) throws Exception {
		HttpResponse<String> banks = this.api.raw(app, "GET", "/api/v1/question-banks", trainer, null);
		String bank = ((List<Map<String, Object>>) BenchmarkApi.JSON.readValue(banks.body(), List.class)).stream()
			.filter((b) -> Boolean.TRUE.equals(b.get("official")))
			.map((b) -> (String) b.get("id"))
			.findFirst()
			.orElseThrow();
		Map<String, Object> exam = this.api.send(app, "POST", "/api/v1/exams", trainer,
				Map.of("title", "恢复时间测试", "sections",
						List.of(Map.of("title", "单选", "bankIds", List.of(bank), "type", "single", "count", 10,
								"scorePerQuestion", 5),
								Map.of("title", "判断", "bankIds", List.of(bank), "type", "true_false", "count", 10,
										"scorePerQuestion", 5)),
						"passMark", 60, "timeLimitSeconds", 3 * 3600));
		Map<String, Object> created = this.api.send(app, "POST", "/api/v1/exam-sessions", trainer,
				Map.of("examId", exam.get("id"), "title", "恢复时间场次", "opensAt",
						Instant.now().minusSeconds(60).toString(), "closesAt",
						Instant.now().plus(Duration.ofDays(1)).toString()));
		return (String) created.get("id");
	}

}
