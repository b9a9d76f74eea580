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
 * comes from one address here). Beside the client's latencies it reports the server's own
 * (Micrometer's {@code http.server.requests} percentiles over the last 20–25 s, read
 * right after each timed run: the time from the web filter to the response, without the
 * client's queueing on the same 2 cores). With {@code -Drate=N} it then offers each
 * endpoint N requests a second, open loop, for {@code seconds} (latency from the moment a
 * request was due, so a stalled server is not hidden by clients that wait). Not part of
 * the build; run with
 * {@code ./mvnw -B -pl backend -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=VerificationBenchmark}.
 */
class VerificationBenchmark {

	private final int connections = Integer.getInteger("connections", 32);

	private final int seconds = Integer.getInteger("seconds", 20);

	private final int rate = Integer.getInteger("rate", 0);

	private final HttpClient http = HttpClient.newBuilder()
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	@TempDir
	Path dataDir;

	@Test
	void verificationKeepsUpWithHealth() throws Exception {
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, Map.of("CQO_DEMO", "true",
				"CQO_CERTIFICATE_VERIFICATIONSPERMINUTE", "100000000", "SPRING_APPLICATION_JSON", SERVER_PERCENTILES),
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

			String metrics = new QuestionBankApi(client, "admin-jx").token();
			run(app, "/actuator/health");
			run(app, verify);
			long cpu = app.cpuMillis();
			Result health = run(app, "/actuator/health");
			long healthCpu = app.cpuMillis() - cpu;
			String healthServer = serverPercentiles(app, metrics, "/actuator/health");
			jcmd(app, "JFR.start", "name=verification", "settings=profile",
					"filename=" + Path.of("target/verification.jfr").toAbsolutePath());
			cpu = app.cpuMillis();
			Result verifications = run(app, verify);
			long verifyCpu = app.cpuMillis() - cpu;
			jcmd(app, "JFR.stop", "name=verification");
			String verifyServer = serverPercentiles(app, metrics, "/api/v1/verifications/{token}");
			String report = String.format(
					"""
							Verification against health, %d connections, %d s each, embedded store, %s
							  health:       %.0f/s  p50 %.1f ms  p99 %.1f ms  errors %d  server CPU %.3f ms per request  (server %s)
							  verification: %.0f/s  p50 %.1f ms  p99 %.1f ms  errors %d  server CPU %.3f ms per request  (server %s)
							  verification / health: %.2f
							""",
					this.connections, this.seconds, Instant.now(), health.perSecond(), health.p(50), health.p(99),
					health.errors(), (double) healthCpu / health.count(), healthServer, verifications.perSecond(),
					verifications.p(50), verifications.p(99), verifications.errors(),
					(double) verifyCpu / verifications.count(), verifyServer,
					verifications.perSecond() / health.perSecond());
			if (this.rate > 0) {
				Result healthAtRate = runAtRate(app, "/actuator/health");
				Result verifyAtRate = runAtRate(app, verify);
				report += String.format("""
						Open loop, %d requests/s offered for %d s each
						  health:       %.0f/s  p50 %.1f ms  p99 %.1f ms  max %.1f ms  errors %d
						  verification: %.0f/s  p50 %.1f ms  p99 %.1f ms  max %.1f ms  errors %d
						""", this.rate, this.seconds, healthAtRate.perSecond(), healthAtRate.p(50), healthAtRate.p(99),
						healthAtRate.p(100), healthAtRate.errors(), verifyAtRate.perSecond(), verifyAtRate.p(50),
						verifyAtRate.p(99), verifyAtRate.p(100), verifyAtRate.errors());
				assertThat(verifyAtRate.errors()).isZero();
			}
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

	/**
	 * Percentiles of {@code http.server.requests} over a window of 20–25 s (Micrometer's
	 * decaying window: five buffers of 5 s).
	 */
	private static final String SERVER_PERCENTILES = """
			{"management.metrics.distribution.percentiles.http.server.requests": "0.5,0.99,0.999",
			 "management.metrics.distribution.expiry.http.server.requests": "25s",
			 "management.metrics.distribution.buffer-length.http.server.requests": "5"}""";

	/**
	 * The server's own p50 / p99 / p99.9 for one URI pattern, from the Prometheus scrape.
	 */
	private String serverPercentiles(ApplicationProcess app, String token, String uri) throws Exception {
		String scrape = this.http
			.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/prometheus"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		StringBuilder found = new StringBuilder();
		for (String quantile : List.of("0.5", "0.99", "0.999")) {
			double worst = scrape.lines()
				.filter((line) -> line.startsWith("http_server_requests_seconds{")
						&& line.contains("uri=\"" + uri + "\"") && line.contains("quantile=\"" + quantile + "\""))
				.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
				.max()
				.orElse(Double.NaN);
			found.append(found.isEmpty() ? "" : " / ").append(String.format("%.1f", worst * 1000));
		}
		return "p50 / p99 / p99.9 " + found + " ms";
	}

	/**
	 * Offer {@code rate} requests a second for {@code seconds}, each on its own virtual
	 * thread, whatever the answers take; each latency counts from when the request was
	 * due.
	 */
	private Result runAtRate(ApplicationProcess app, String path) throws Exception {
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		AtomicInteger errors = new AtomicInteger();
		long total = (long) this.rate * this.seconds;
		long start = System.nanoTime();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (long i = 0; i < total; i++) {
				long due = start + i * 1_000_000_000L / this.rate;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					java.util.concurrent.locks.LockSupport.parkNanos(wait);
				}
				threads.submit(() -> {
					try {
						if (get(app, path).statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
					latencies.add((System.nanoTime() - due) / 1_000);
				});
			}
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Result(sorted, sorted.size() / elapsed, errors.get());
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
