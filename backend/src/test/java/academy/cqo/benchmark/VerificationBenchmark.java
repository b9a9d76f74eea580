package academy.cqo.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.ApplicationProcess;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public verification against the health endpoint in the same run: the application runs
 * as its own process on the embedded store ({@code -Xmx1g}), a candidate passes the demo
 * qualification exam and gets a certificate, then {@code connections} clients ask, as
 * fast as they are answered, first for {@code /actuator/health} and then for
 * {@code /api/v1/verifications/{token}} of that certificate, each for {@code seconds}
 * (after as long a warm-up of both). The rate limit per address is lifted (every request
 * comes from one address here). Not part of the build; run with
 * {@code ./mvnw -B -pl backend -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=VerificationBenchmark}.
 */
class VerificationBenchmark {

	private final int connections = Integer.getInteger("connections", 32);

	private final int seconds = Integer.getInteger("seconds", 20);

	private final HttpClient http = HttpClient.newBuilder()
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@TempDir
	Path dataDir;

	@Test
	void verificationKeepsUpWithHealth() throws Exception {
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir,
				Map.of("CQO_DEMO", "true", "CQO_CERTIFICATE_VERIFICATIONSPERMINUTE", "100000000"),
				System.getProperty("heap", "1g"))) {
			WebTestClient client = WebTestClient.bindToServer()
				.baseUrl(app.baseUrl())
				.responseTimeout(Duration.ofMinutes(2))
				.build();
			QuestionBankApi candidate = QuestionBankApi.newCandidate(client, Map.of("fullName", "欧阳质量"));
			Map<String, Object> certificate = Qualification.pass(candidate, new QuestionBankApi(client, "trainer"));
			String url = (String) certificate.get("verificationUrl");
			String verify = "/api/v1/verifications/" + url.substring(url.lastIndexOf("/v/") + 3);
			assertThat(get(app, verify).body()).contains("\"VALID\"");

			run(app, "/actuator/health");
			run(app, verify);
			long cpu = app.cpuMillis();
			Result health = run(app, "/actuator/health");
			long healthCpu = app.cpuMillis() - cpu;
			jcmd(app, "JFR.start", "name=verification", "settings=profile",
					"filename=" + Path.of("target/verification.jfr").toAbsolutePath());
			cpu = app.cpuMillis();
			Result verifications = run(app, verify);
			long verifyCpu = app.cpuMillis() - cpu;
			jcmd(app, "JFR.stop", "name=verification");
			String report = String.format("""
					Verification against health, %d connections, %d s each, embedded store, %s
					  health:       %.0f/s  p50 %.1f ms  p99 %.1f ms  errors %d  server CPU %.3f ms per request
					  verification: %.0f/s  p50 %.1f ms  p99 %.1f ms  errors %d  server CPU %.3f ms per request
					  verification / health: %.2f
					""", this.connections, this.seconds, Instant.now(), health.perSecond(), health.p(50), health.p(99),
					health.errors(), (double) healthCpu / health.count(), verifications.perSecond(),
					verifications.p(50), verifications.p(99), verifications.errors(),
					(double) verifyCpu / verifications.count(), verifications.perSecond() / health.perSecond());
			System.out.println(report);
			Files.writeString(Path.of("target/verification-benchmark.txt"), report);
			assertThat(verifications.errors()).isZero();
			assertThat(health.errors()).isZero();
		}
	}

	record Result(List<Long> micros, double perSecond, int errors) {

		int count() {
			return this.micros.size();
		}

		double p(int percentile) {
			if (this.micros.isEmpty()) {
				return 0;
			}
			int index = Math.min(this.micros.size() - 1, (int) Math.ceil(percentile / 100.0 * this.micros.size()) - 1);
			return this.micros.get(Math.max(0, index)) / 1000.0;
		}

	}

	private Result run(ApplicationProcess app, String path) throws Exception {
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger errors = new AtomicInteger();
		long start = System.nanoTime();
		long end = start + Duration.ofSeconds(this.seconds).toNanos();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < this.connections; i++) {
				running.add(threads.submit(() -> {
					while (System.nanoTime() < end) {
						long t = System.nanoTime();
						try {
							if (get(app, path).statusCode() != 200) {
								errors.incrementAndGet();
							}
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
						latencies.add((System.nanoTime() - t) / 1_000);
					}
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Result(sorted, sorted.size() / elapsed, errors.get());
	}

	/**
	 * With {@code -Djfr=true}, run a JFR command in the server (a CPU profile of the
	 * timed verifications: {@code jfr view hot-methods target/verification.jfr}).
	 */
	private static void jcmd(ApplicationProcess app, String... command) throws Exception {
		if (!Boolean.getBoolean("jfr")) {
			return;
		}
		Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
		List<String> line = new ArrayList<>(List.of(java.resolveSibling("jcmd").toString(), Long.toString(app.pid())));
		line.addAll(List.of(command));
		new ProcessBuilder(line).inheritIO().start().waitFor();
	}

	private HttpResponse<String> get(ApplicationProcess app, String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
