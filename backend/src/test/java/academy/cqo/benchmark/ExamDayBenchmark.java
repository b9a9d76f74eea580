package academy.cqo.benchmark;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import academy.cqo.testsupport.ApplicationProcess;
import academy.cqo.testsupport.Eventually;
import academy.cqo.testsupport.People;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exam-day scenario against the application running as its own process on the
 * embedded store: N candidates sign in, all start the same exam within the same second,
 * each saves an answer every few seconds (random think time), a tenth go offline for a
 * while and resend what they queued, half submit early and the rest are submitted by the
 * server at the deadline. Every acknowledged save is recorded by this client and checked
 * against the final attempts: the lost-answer count must be zero. Not part of the build;
 * run with
 * {@code ./mvnw -B verify -pl backend -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ExamDayBenchmark -Dcandidates=1000}
 * (see {@code docs/BENCHMARKS.md}).
 */
class ExamDayBenchmark {

	private static final String PASSWORD = "Qual1ty#Safe";

	/** The server's heap, as on the exam-day scenario of issue 17. */
	private static final String HEAP = System.getProperty("heap", "1g");

	/**
	 * The JFR settings of {@code -Djfr=true}:
	 * {@code -DjfrSettings=profile,/path/extra.jfc} adds events to the profile (say,
	 * every compilation with its duration).
	 */
	private static final String JFR_SETTINGS = System.getProperty("jfrSettings", "profile");

	/**
	 * {@code -DprobeFromRelease=true}: the probe starts at the release, as before the
	 * twenty-fourth session (to compare with earlier runs).
	 */
	private static final boolean PROBE_FROM_RELEASE = Boolean.getBoolean("probeFromRelease");

	/** Think time before each answer, in milliseconds (0.5–3 s, mean 1.75 s). */
	private static final long THINK_MIN = 500;

	private static final long THINK_MAX = 3000;

	private final int candidates = Integer.getInteger("candidates", 1000);

	private final int examSeconds = Integer.getInteger("examSeconds", 120);

	/**
	 * {@code -DstartsOnly=true}: the N candidates only start, all at once, in
	 * {@code -DstartRounds} fresh sessions one after another (default 3), and nothing
	 * else happens: what a start alone costs.
	 */
	private final boolean startsOnly = Boolean.getBoolean("startsOnly");

	private final int startRounds = Integer.getInteger("startRounds", 3);

	private final BenchmarkApi api = new BenchmarkApi();

	private final ConcurrentLinkedQueue<Long> startLatencies = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Long> saveLatencies = new ConcurrentLinkedQueue<>();

	/**
	 * Save latencies of saves sent after the last start had been answered (steady state).
	 */
	private final ConcurrentLinkedQueue<Long> steadySaveLatencies = new ConcurrentLinkedQueue<>();

	/** Save latencies by the ten seconds since the release in which they were sent. */
	private final Map<Long, ConcurrentLinkedQueue<Long>> saveLatenciesByTenSeconds = new ConcurrentHashMap<>();

	private final AtomicInteger started = new AtomicInteger();

	/** Server CPU time since the release, read when the last start was answered. */
	private volatile java.util.function.LongSupplier startCpu = () -> 0;

	private volatile long startCpuMillis;

	private volatile long examCpuMillis;

	/**
	 * Server CPU time and saves counted when the last start was answered and when the
	 * first submit was sent: between the two the server does nothing but saves (and the
	 * probe and its sweeps), so their quotient is what a save costs.
	 */
	private volatile long[] savesOnlyFrom;

	private final java.util.concurrent.atomic.AtomicReference<long[]> savesOnlyUntil = new java.util.concurrent.atomic.AtomicReference<>();

	/** The server's CPU by thread at the two ends of the saves-only interval. */
	private volatile Map<String, Long> threadsFrom = Map.of();

	/** The server's CPU by thread and the load client's CPU at the release. */
	private volatile Map<String, Long> threadsAtRelease = Map.of();

	private volatile long clientAtRelease;

	private volatile long clientAllStarted;

	/**
	 * The load client's CPU by thread at the release and when the last start was
	 * answered.
	 */
	private volatile Map<String, Long> clientThreadsAtRelease = Map.of();

	private volatile Map<String, Long> clientThreadsAllStarted = Map.of();

	/** What the warm-up did (printed in the reports). */
	private volatile String warmUp = "no warm-up";

	private volatile Map<String, Long> threadsUntil = Map.of();

	private volatile java.util.function.Supplier<Map<String, Long>> threadCpu = Map::of;

	/** Saves offered (sent after the think time) and acknowledged, per second. */
	private final Map<Long, AtomicInteger> offeredPerSecond = new ConcurrentHashMap<>();

	private final Map<Long, AtomicInteger> acceptedPerSecond = new ConcurrentHashMap<>();

	/** The slowest save sent in each second, in microseconds. */
	private final Map<Long, AtomicLong> slowestPerSecond = new ConcurrentHashMap<>();

	private volatile long releasedAt;

	/** Whether the probe's latencies are kept (from the release on). */
	private volatile boolean probing;

	/** Latencies of the request path alone, probed during the exam. */
	private final ConcurrentLinkedQueue<Long> healthLatencies = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Long> healthWithTokenLatencies = new ConcurrentLinkedQueue<>();

	private volatile long allStartedAt = Long.MAX_VALUE;

	private final AtomicInteger errors = new AtomicInteger();

	private final java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();

	private volatile int stillOpen;

	private final AtomicInteger refusedAfterDeadline = new AtomicInteger();

	private final AtomicLong saves = new AtomicLong();

	/**
	 * Per attempt and question, the highest acknowledged sequence number and its answer.
	 */
	private final Map<String, Map<String, Acknowledged>> acknowledged = new ConcurrentHashMap<>();

	/** Which candidate's token owns each attempt. */
	private final Map<String, String> owners = new ConcurrentHashMap<>();

	record Acknowledged(long seq, List<String> response) {
	}

	@TempDir
	Path dataDir;

	@Test
	void examDay() throws Exception {
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, Map.of("CQO_DEMO", "true"), HEAP);
				ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			String trainer = this.api.token(app, "trainer", "Cqo@2026demo");
			String session = session(app, trainer, 1);
			List<String> tokens = prepareCandidates(app, threads);
			System.out.printf("Prepared %d candidates%n", tokens.size());
			// The request path is probed from the warm-up on, as health checks run all
			// day; only what it measures from the release on is reported. Started at the
			// release, its first requests (paths the warm-up had not taken) sent compiled
			// framework code back to the interpreter in the middle of the burst
			// (docs/BENCHMARKS.md, twenty-fourth session).
			Thread probe = PROBE_FROM_RELEASE ? null : Thread.ofVirtual().start(() -> probe(app, tokens.get(0)));
			warmUp(app, trainer, threads);
			if (this.startsOnly) {
				if (probe != null) {
					probe.interrupt();
				}
				startsOnly(app, trainer, tokens, threads);
				return;
			}

			CountDownLatch ready = new CountDownLatch(1);
			CountDownLatch done = new CountDownLatch(tokens.size());
			List<Map<String, Object>> attempts = Collections.synchronizedList(new ArrayList<>());
			long examStart = System.nanoTime();
			this.releasedAt = examStart;
			for (int i = 0; i < tokens.size(); i++) {
				String token = tokens.get(i);
				int index = i;
				threads.submit(() -> {
					try {
						ready.await();
						Map<String, Object> attempt = start(app, token, session);
						attempts.add(attempt);
						this.owners.put((String) attempt.get("id"), token);
						takeExam(app, token, attempt, index);
					}
					catch (Exception ex) {
						this.errors.incrementAndGet();
						if (this.firstError.compareAndSet(null, ex.toString())) {
							System.err.println("First error: " + ex);
						}
					}
					finally {
						done.countDown();
					}
				});
			}
			jcmd(app, "JFR.start", "name=examday", "settings=" + JFR_SETTINGS,
					"filename=" + Path.of("target/exam-day-" + tokens.size() + ".jfr").toAbsolutePath());
			long cpuBefore = app.cpuMillis();
			this.threadsAtRelease = app.cpuMillisByThread();
			this.clientAtRelease = clientCpuMillis();
			this.clientThreadsAtRelease = ApplicationProcess.cpuMillisByThread(ProcessHandle.current().pid());
			this.probing = true;
			if (probe == null) {
				probe = Thread.ofVirtual().start(() -> probe(app, tokens.get(0)));
			}
			ready.countDown();
			this.startCpu = () -> app.cpuMillis() - cpuBefore;
			this.threadCpu = app::cpuMillisByThread;
			done.await();
			long examMillis = (System.nanoTime() - examStart) / 1_000_000;
			this.examCpuMillis = app.cpuMillis() - cpuBefore;
			probe.interrupt();
			jcmd(app, "JFR.stop", "name=examday");
			try {
				Eventually.await("every attempt submitted (by its candidate or by the server)", Duration.ofMinutes(3),
						() -> noneOpen(app));
			}
			catch (AssertionError ex) {
				System.err.println(ex.getMessage() + " (counted in the report)");
			}
			int lost = verify(app, tokens, attempts);
			String report = report(tokens.size(), examMillis, lost);
			System.out.println(report);
			Files.writeString(Path.of("target/exam-day-benchmark-" + tokens.size() + ".txt"), report);
			assertThat(attempts).as("attempts started").hasSize(tokens.size());
			assertThat(this.stillOpen).as("attempts still open after the deadline and grace").isZero();
			assertThat(lost).as("acknowledged answers missing from final attempts").isZero();
			assertThat(this.errors.get()).as("errors").isZero();
		}
	}

	/**
	 * Warm the server up (JIT) with a few rounds of starts, saves and submits in another
	 * session, as a real platform is warm long before an exam day: three rounds of 30
	 * candidates, or with {@code -DwarmupSeconds=S} as many rounds as S seconds take (the
	 * JIT compilers were still compiling hundreds of methods every five seconds four
	 * minutes after a start: see {@code docs/BENCHMARKS.md}).
	 */
	@SuppressWarnings("unchecked")
	private void warmUp(ApplicationProcess app, String trainer, ExecutorService threads) throws Exception {
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			String username = People.username();
			this.api.send(app, "POST", "/api/v1/auth/register", null,
					People.registration(username, People.idNumber(), "360102"));
			tokens.add(this.api.token(app, username, PASSWORD));
		}
		long from = System.nanoTime();
		long warmUntil = from + Duration.ofSeconds(Long.getLong("warmupSeconds", 0)).toNanos();
		AtomicInteger starts = new AtomicInteger();
		AtomicInteger saved = new AtomicInteger();
		AtomicInteger submits = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		java.util.concurrent.atomic.AtomicReference<String> firstFailure = new java.util.concurrent.atomic.AtomicReference<>();
		String session = null;
		int rounds = 0;
		for (; rounds < 3 || System.nanoTime() < warmUntil; rounds++) {
			if (rounds % 3 == 0) {
				// three attempts each per session
				session = session(app, trainer, 3);
			}
			String warmSession = session;
			CountDownLatch done = new CountDownLatch(tokens.size());
			for (String token : tokens) {
				threads.submit(() -> {
					try {
						Map<String, Object> attempt = this.api.send(app, "POST",
								"/api/v1/exam-sessions/" + warmSession + "/attempts", token, Map.of());
						starts.incrementAndGet();
						for (Map<String, Object> question : (List<Map<String, Object>>) attempt.get("questions")) {
							HttpResponse<String> response = this.api.raw(app, "PUT",
									"/api/v1/attempts/" + attempt.get("id") + "/answers/" + question.get("questionId"),
									token,
									Map.of("response", answerFor(question, ThreadLocalRandom.current()), "seq", 1));
							if (response.statusCode() / 100 == 2) {
								saved.incrementAndGet();
							}
							else if (failed.incrementAndGet() == 1) {
								firstFailure.set("save → " + response.statusCode() + " " + response.body());
							}
						}
						this.api.send(app, "POST", "/api/v1/attempts/" + attempt.get("id") + "/submit", token,
								Map.of());
						submits.incrementAndGet();
					}
					catch (Exception ex) {
						// counted and reported: a warm-up that does not start is no
						// warm-up
						if (failed.incrementAndGet() == 1) {
							firstFailure.set(ex.toString());
						}
					}
					finally {
						done.countDown();
					}
				});
			}
			done.await();
		}
		this.warmUp = String.format(
				"warm-up: %.0f s, %d rounds of %d candidates in %d sessions: %d starts, %d saves, %d submits, %d failed%s; health probe from the %s",
				(System.nanoTime() - from) / 1e9, rounds, tokens.size(), (rounds + 2) / 3, starts.get(), saved.get(),
				submits.get(), failed.get(), (firstFailure.get() != null) ? " (first: " + firstFailure.get() + ")" : "",
				PROBE_FROM_RELEASE ? "release" : "warm-up on");
		System.out.println(this.warmUp);
	}

	/**
	 * Rounds of synchronised starts and nothing else, each in a fresh session of a fresh
	 * exam (so the first start of each round prepares the draw inputs, as on an exam
	 * day): per round the start latencies and the server's CPU from the release until the
	 * last start was answered, divided by the starts. The JFR (with {@code -Djfr=true})
	 * covers the last round.
	 */
	private void startsOnly(ApplicationProcess app, String trainer, List<String> tokens, ExecutorService threads)
			throws Exception {
		StringBuilder report = new StringBuilder(String.format(
				"Starts only: %d candidates start at once, %d rounds, embedded store, -Xmx%s %s, %s%n  %s%n",
				tokens.size(), this.startRounds, HEAP, ApplicationProcess.jvmFlags(), Instant.now(), this.warmUp));
		long laterCpu = 0;
		long laterStarts = 0;
		for (int round = 1; round <= this.startRounds; round++) {
			String session = session(app, trainer, 1);
			ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
			CountDownLatch ready = new CountDownLatch(1);
			CountDownLatch done = new CountDownLatch(tokens.size());
			AtomicInteger created = new AtomicInteger();
			for (String token : tokens) {
				threads.submit(() -> {
					try {
						ready.await();
						long t = System.nanoTime();
						HttpResponse<String> response = this.api.raw(app, "POST",
								"/api/v1/exam-sessions/" + session + "/attempts", token, Map.of());
						latencies.add((System.nanoTime() - t) / 1_000);
						if (response.statusCode() == 201) {
							created.incrementAndGet();
						}
						else {
							this.errors.incrementAndGet();
							this.firstError.compareAndSet(null,
									"start → " + response.statusCode() + " " + response.body());
						}
					}
					catch (Exception ex) {
						this.errors.incrementAndGet();
						this.firstError.compareAndSet(null, ex.toString());
					}
					finally {
						done.countDown();
					}
				});
			}
			if (round == Math.min(2, this.startRounds)) {
				jcmd(app, "JFR.start", "name=starts", "settings=" + JFR_SETTINGS,
						"filename=" + Path.of("target/exam-day-starts-" + tokens.size() + ".jfr").toAbsolutePath());
			}
			long cpuBefore = app.cpuMillis();
			long clientBefore = clientCpuMillis();
			Map<String, Long> threadsBefore = app.cpuMillisByThread();
			long t = System.nanoTime();
			ready.countDown();
			done.await();
			long wall = (System.nanoTime() - t) / 1_000_000;
			long cpu = app.cpuMillis() - cpuBefore;
			long clientCpu = clientCpuMillis() - clientBefore;
			String byThread = byThreadGroup(threadsBefore, app.cpuMillisByThread(), tokens.size(), "start");
			if (round == this.startRounds) {
				jcmd(app, "JFR.stop", "name=starts");
			}
			if (round > 1) {
				laterCpu += cpu;
				laterStarts += tokens.size();
			}
			List<Long> sorted = sorted(latencies);
			report.append(String.format(
					"  round %d: %d created of %d; start p50 %s  p95 %s  p99 %s  max %s; all answered in %.2f s; server CPU %d ms = %.2f ms per start (load client: %.2f ms per start)%s%n",
					round, created.get(), tokens.size(), ms(sorted, 50), ms(sorted, 95), ms(sorted, 99),
					ms(sorted, 100), wall / 1000.0, cpu, (double) cpu / tokens.size(),
					(double) clientCpu / tokens.size(), byThread));
		}
		if (laterStarts > 0) {
			report.append(String.format("  rounds 2–%d: server CPU %.2f ms per start%n", this.startRounds,
					(double) laterCpu / laterStarts));
		}
		report.append(String.format("  errors: %d (first: %s)%n", this.errors.get(), this.firstError.get()));
		System.out.println(report);
		Files.writeString(Path.of("target/exam-day-starts-" + tokens.size() + ".txt"), report);
		assertThat(this.errors.get()).as("errors").isZero();
	}

	private List<String> prepareCandidates(ApplicationProcess app, ExecutorService threads) throws Exception {
		List<String> tokens = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch prepared = new CountDownLatch(this.candidates);
		java.util.concurrent.Semaphore parallel = new java.util.concurrent.Semaphore(8);
		for (int i = 0; i < this.candidates; i++) {
			threads.submit(() -> {
				try {
					parallel.acquire();
					String username = People.username();
					this.api.send(app, "POST", "/api/v1/auth/register", null,
							People.registration(username, People.idNumber(), "360102"));
					tokens.add(this.api.token(app, username, PASSWORD));
				}
				catch (Exception ex) {
					System.err.println("Could not prepare a candidate: " + ex.getMessage());
				}
				finally {
					parallel.release();
					prepared.countDown();
				}
			});
		}
		prepared.await();
		return tokens;
	}

	private Map<String, Object> start(ApplicationProcess app, String token, String session) throws Exception {
		long t = System.nanoTime();
		Map<String, Object> attempt = this.api.send(app, "POST", "/api/v1/exam-sessions/" + session + "/attempts",
				token, Map.of());
		this.startLatencies.add((System.nanoTime() - t) / 1_000);
		if (this.started.incrementAndGet() == this.candidates) {
			this.allStartedAt = System.nanoTime();
			this.startCpuMillis = this.startCpu.getAsLong();
			this.savesOnlyFrom = new long[] { this.startCpuMillis, this.saves.get() };
			this.threadsFrom = this.threadCpu.get();
			this.clientAllStarted = clientCpuMillis();
			this.clientThreadsAllStarted = ApplicationProcess.cpuMillisByThread(ProcessHandle.current().pid());
		}
		return attempt;
	}

	@SuppressWarnings("unchecked")
	private void takeExam(ApplicationProcess app, String token, Map<String, Object> attempt, int index)
			throws Exception {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String id = (String) attempt.get("id");
		List<Map<String, Object>> questions = (List<Map<String, Object>>) attempt.get("questions");
		Instant deadline = Instant.parse((String) attempt.get("deadline"));
		boolean submitsEarly = index % 2 == 0;
		boolean goesOffline = index % 10 == 3;
		Map<String, List<String>> queued = new java.util.LinkedHashMap<>();
		Map<String, Long> seqs = new java.util.HashMap<>();
		Instant offlineFrom = Instant.now().plusSeconds(this.examSeconds / 4);
		Instant offlineUntil = offlineFrom.plusSeconds(20);
		int answered = 0;
		while (Instant.now().isBefore(deadline.minusSeconds(2))) {
			Thread.sleep(random.nextLong(THINK_MIN, THINK_MAX));
			Map<String, Object> question = questions.get(random.nextInt(questions.size()));
			String questionId = (String) question.get("questionId");
			List<String> response = answerFor(question, random);
			long seq = seqs.merge(questionId, 1L, Long::sum);
			boolean offline = goesOffline && Instant.now().isAfter(offlineFrom) && Instant.now().isBefore(offlineUntil);
			if (offline) {
				queued.put(questionId, response);
				continue;
			}
			for (Map.Entry<String, List<String>> waiting : queued.entrySet()) {
				save(app, token, id, waiting.getKey(), waiting.getValue(), seqs.merge(waiting.getKey(), 1L, Long::sum));
			}
			queued.clear();
			save(app, token, id, questionId, response, seq);
			answered++;
			if (submitsEarly && answered >= questions.size()) {
				if (this.savesOnlyUntil.get() == null) {
					if (this.savesOnlyUntil.compareAndSet(null,
							new long[] { this.startCpu.getAsLong(), this.saves.get() })) {
						this.threadsUntil = this.threadCpu.get();
					}
				}
				this.api.send(app, "POST", "/api/v1/attempts/" + id + "/submit", token, Map.of());
				return;
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> answerFor(Map<String, Object> question, ThreadLocalRandom random) {
		if ("true_false".equals(question.get("type"))) {
			return List.of(random.nextBoolean() ? "true" : "false");
		}
		List<Map<String, Object>> options = (List<Map<String, Object>>) question.get("options");
		return List.of((String) options.get(random.nextInt(options.size())).get("id"));
	}

	private void save(ApplicationProcess app, String token, String attempt, String questionId, List<String> response,
			long seq) throws Exception {
		long t = System.nanoTime();
		this.offeredPerSecond.computeIfAbsent(second(t), (k) -> new AtomicInteger()).incrementAndGet();
		HttpResponse<String> result = this.api.raw(app, "PUT", "/api/v1/attempts/" + attempt + "/answers/" + questionId,
				token, Map.of("response", response, "seq", seq));
		long micros = (System.nanoTime() - t) / 1_000;
		this.saveLatencies.add(micros);
		long sent = second(t);
		this.slowestPerSecond.computeIfAbsent(sent, (k) -> new AtomicLong()).accumulateAndGet(micros, Math::max);
		this.saveLatenciesByTenSeconds.computeIfAbsent(sent / 10, (k) -> new ConcurrentLinkedQueue<>()).add(micros);
		if (t > this.allStartedAt) {
			this.steadySaveLatencies.add(micros);
		}
		this.saves.incrementAndGet();
		if (result.statusCode() == 200) {
			@SuppressWarnings("unchecked")
			Map<String, Object> body = BenchmarkApi.JSON.readValue(result.body(), Map.class);
			long storedSeq = ((Number) body.get("seq")).longValue();
			this.acceptedPerSecond.computeIfAbsent(second(System.nanoTime()), (k) -> new AtomicInteger())
				.incrementAndGet();
			if (storedSeq == seq) {
				this.acknowledged.computeIfAbsent(attempt, (k) -> new ConcurrentHashMap<>())
					.merge(questionId, new Acknowledged(seq, response), (a, b) -> (a.seq() >= b.seq()) ? a : b);
			}
		}
		else if (result.statusCode() == 409) {
			this.refusedAfterDeadline.incrementAndGet();
		}
		else {
			this.errors.incrementAndGet();
			this.firstError.compareAndSet(null, "save → " + result.statusCode() + " " + result.body());
		}
	}

	/**
	 * With {@code -Djfr=true}, run a JFR command in the server (a CPU profile of the exam
	 * phase: {@code jfr print --events jdk.ExecutionSample target/exam-day-N.jfr}).
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

	private long second(long nanos) {
		return (nanos - this.releasedAt) / 1_000_000_000L;
	}

	/**
	 * Every 50 ms from the warm-up to the end of the exam, the health endpoint without
	 * and with a bearer token (security filters, JWT parsing, JSON codec, no store): what
	 * the request path costs beside a save under the same load (kept from the release
	 * on).
	 */
	private void probe(ApplicationProcess app, String token) {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				Thread.sleep(50);
				long t = System.nanoTime();
				this.api.raw(app, "GET", "/actuator/health", null, null);
				long plain = (System.nanoTime() - t) / 1_000;
				t = System.nanoTime();
				this.api.raw(app, "GET", "/actuator/health", token, null);
				long withToken = (System.nanoTime() - t) / 1_000;
				if (this.probing) {
					this.healthLatencies.add(plain);
					this.healthWithTokenLatencies.add(withToken);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			System.err.println("Probe stopped: " + ex);
		}
	}

	private boolean noneOpen(ApplicationProcess app) throws Exception {
		for (Map.Entry<String, String> owner : this.owners.entrySet()) {
			if ("IN_PROGRESS"
				.equals(this.api.send(app, "GET", "/api/v1/attempts/" + owner.getKey(), owner.getValue(), null)
					.get("status"))) {
				return false;
			}
		}
		return true;
	}

	@SuppressWarnings("unchecked")
	private int verify(ApplicationProcess app, List<String> tokens, List<Map<String, Object>> attempts)
			throws Exception {
		int lost = 0;
		int open = 0;
		for (Map.Entry<String, String> owner : this.owners.entrySet()) {
			String id = owner.getKey();
			Map<String, Object> attempt = this.api.send(app, "GET", "/api/v1/attempts/" + id, owner.getValue(), null);
			if ("IN_PROGRESS".equals(attempt.get("status"))) {
				open++;
			}
			Map<String, Map<String, Object>> answers = (Map<String, Map<String, Object>>) attempt.get("answers");
			for (Map.Entry<String, Acknowledged> ack : this.acknowledged.getOrDefault(id, Map.of()).entrySet()) {
				Map<String, Object> stored = answers.get(ack.getKey());
				long storedSeq = (stored != null) ? ((Number) stored.get("seq")).longValue() : -1;
				if (storedSeq < ack.getValue().seq() || (storedSeq == ack.getValue().seq()
						&& !stored.get("response").equals(ack.getValue().response()))) {
					lost++;
				}
			}
		}
		this.stillOpen = open;
		return lost;
	}

	private String report(int n, long examMillis, int lost) {
		List<Long> starts = sorted(this.startLatencies);
		List<Long> saveTimes = sorted(this.saveLatencies);
		List<Long> steady = sorted(this.steadySaveLatencies);
		long steadyFrom = second(this.allStartedAt) + 1;
		long offered = 0;
		long accepted = 0;
		double worst = Double.MAX_VALUE;
		StringBuilder perSecond = new StringBuilder();
		for (long second = steadyFrom; second < steadyFrom + 20; second++) {
			int o = this.offeredPerSecond.getOrDefault(second, new AtomicInteger()).get();
			int a = this.acceptedPerSecond.getOrDefault(second, new AtomicInteger()).get();
			offered += o;
			accepted += a;
			if (o > 0) {
				worst = Math.min(worst, (double) a / o);
			}
			perSecond.append(String.format("%s%d: %.0f %% (slowest %.0f ms)", perSecond.isEmpty() ? "" : "; ", second,
					(o > 0) ? 100.0 * a / o : 0,
					this.slowestPerSecond.getOrDefault(second, new AtomicLong()).get() / 1000.0));
		}
		long saveCount = this.saves.get();
		return String.format(
				"""
						Exam-day scenario: %d candidates, %d-second exam, think time %d–%d ms, embedded store, -Xmx%s %s, %s
						  %s
						  starts (all released at once): p50 %s  p95 %s  p99 %s  max %s
						  saves: %d in %.1f s = %.0f/s; p50 %s  p95 %s  p99 %s  max %s
						  saves once every candidate had started: %d; p50 %s  p95 %s  p99 %s  max %s
						  20 s after the last start: offered %.0f saves/s, accepted %.0f/s (%.1f %%; worst second %.1f %%); open-loop rate N / 1.75 s = %.0f/s
						  accepted of offered by second after the release (the 20 above): %s
						  request path alone (health, every 50 ms): no token p50 %s p99 %s; bearer token p50 %s p99 %s
						  server CPU: %d ms until the last start was answered (%.1f ms per start, saves included); %d ms in all (%.2f ms per save, starts included)%s
						  save p99 by the ten seconds after the release in which it was sent: %s
						  server CPU while the server only took saves (last start answered → first submit): %s
						  refused after deadline + grace: %d   errors: %d (first: %s)   lost acknowledged answers: %d   attempts started: %d, still open: %d
						""",
				n, this.examSeconds, THINK_MIN, THINK_MAX, HEAP, ApplicationProcess.jvmFlags(), Instant.now(),
				this.warmUp, ms(starts, 50), ms(starts, 95), ms(starts, 99), ms(starts, 100), saveCount,
				examMillis / 1000.0, saveCount * 1000.0 / examMillis, ms(saveTimes, 50), ms(saveTimes, 95),
				ms(saveTimes, 99), ms(saveTimes, 100), steady.size(), ms(steady, 50), ms(steady, 95), ms(steady, 99),
				ms(steady, 100), offered / 20.0, accepted / 20.0, (offered > 0) ? 100.0 * accepted / offered : 0,
				(worst == Double.MAX_VALUE) ? 0 : 100 * worst, n / 1.75, perSecond,
				ms(sorted(this.healthLatencies), 50), ms(sorted(this.healthLatencies), 99),
				ms(sorted(this.healthWithTokenLatencies), 50), ms(sorted(this.healthWithTokenLatencies), 99),
				this.startCpuMillis, (double) this.startCpuMillis / n, this.examCpuMillis,
				(saveCount > 0) ? (double) this.examCpuMillis / saveCount : 0, untilAllStarted(n), savesByTenSeconds(),
				savesOnly(), this.refusedAfterDeadline.get(), this.errors.get(), this.firstError.get(), lost,
				this.owners.size(), this.stillOpen);
	}

	private String savesByTenSeconds() {
		StringBuilder line = new StringBuilder();
		new java.util.TreeMap<>(this.saveLatenciesByTenSeconds)
			.forEach((tens, latencies) -> line.append(String.format("%s%d–%d s %s (%d)", line.isEmpty() ? "" : "; ",
					tens * 10, tens * 10 + 10, ms(sorted(latencies), 99), latencies.size())));
		return line.toString();
	}

	/** Until the last start was answered: the server by thread group, the load client. */
	private String untilAllStarted(int n) {
		if (this.threadsFrom.isEmpty()) {
			return "";
		}
		return byThreadGroup(this.threadsAtRelease, this.threadsFrom, n, "start (saves included)")
				+ String.format("; load client %.2f", (double) (this.clientAllStarted - this.clientAtRelease) / n)
				+ byThreadGroup(this.clientThreadsAtRelease, this.clientThreadsAllStarted, n, "start, load client")
					.replace("\n    ", "\n      ");
	}

	private String savesOnly() {
		long[] from = this.savesOnlyFrom;
		long[] until = this.savesOnlyUntil.get();
		if (from == null || until == null || until[1] <= from[1]) {
			return "no such interval (a submit came before the last start was answered)";
		}
		long cpu = until[0] - from[0];
		long saveCount = until[1] - from[1];
		return String.format("%d ms for %d saves (%.2f ms per save)", cpu, saveCount, (double) cpu / saveCount)
				+ byThreadGroup(this.threadsFrom, this.threadsUntil, saveCount, "save");
	}

	/**
	 * An interval's server CPU by thread group, per request, largest first (the groups
	 * that used less than 1 % of it together as "other"); a thread that ended within the
	 * interval is left out (its time is in the process's total only).
	 */
	private static String byThreadGroup(Map<String, Long> from, Map<String, Long> until, long requests,
			String request) {
		if (until.isEmpty()) {
			return "";
		}
		Map<String, Long> used = new java.util.HashMap<>();
		until.forEach((thread, millis) -> used.merge(ApplicationProcess.threadGroup(thread),
				millis - from.getOrDefault(thread, 0L), Long::sum));
		long total = used.values().stream().mapToLong(Long::longValue).sum();
		StringBuilder line = new StringBuilder("\n    by thread group, ms per " + request + ":");
		long other = 0;
		for (Map.Entry<String, Long> group : used.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.toList()) {
			if (group.getValue() * 100 < total) {
				other += group.getValue();
				continue;
			}
			line.append(String.format(" %s %.2f;", group.getKey(), (double) group.getValue() / requests));
		}
		return line.append(String.format(" other %.2f", (double) other / requests)).toString();
	}

	/** The CPU time this process (the load client) has used so far, in milliseconds. */
	private static long clientCpuMillis() {
		return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
	}

	private static List<Long> sorted(ConcurrentLinkedQueue<Long> values) {
		List<Long> list = new ArrayList<>(values);
		Collections.sort(list);
		return list;
	}

	private static String ms(List<Long> sortedMicros, int percentile) {
		if (sortedMicros.isEmpty()) {
			return "-";
		}
		int index = Math.min(sortedMicros.size() - 1, (int) Math.ceil(percentile / 100.0 * sortedMicros.size()) - 1);
		return String.format("%.1f ms", sortedMicros.get(Math.max(0, index)) / 1000.0);
	}

	@SuppressWarnings("unchecked")
	private String session(ApplicationProcess app, String trainer, int attempts) throws Exception {
		List<Map<String, Object>> banks = BenchmarkApi.JSON
			.readValue(this.api.raw(app, "GET", "/api/v1/question-banks", trainer, null).body(), List.class);
		String bank = banks.stream()
			.filter((b) -> Boolean.TRUE.equals(b.get("official")))
			.map((b) -> (String) b.get("id"))
			.findFirst()
			.orElseThrow();
		Map<String, Object> exam = this.api.send(app, "POST", "/api/v1/exams", trainer,
				Map.of("title", "考试日压力测试", "sections",
						List.of(Map.of("title", "单选", "bankIds", List.of(bank), "type", "single", "count", 10,
								"scorePerQuestion", 5),
								Map.of("title", "判断", "bankIds", List.of(bank), "type", "true_false", "count", 10,
										"scorePerQuestion", 5)),
						"passMark", 60, "timeLimitSeconds", this.examSeconds, "maxAttempts", attempts));
		Map<String, Object> session = this.api.send(app, "POST", "/api/v1/exam-sessions", trainer,
				Map.of("examId", exam.get("id"), "title", "压力测试场次", "opensAt",
						Instant.now().minusSeconds(60).toString(), "closesAt",
						Instant.now().plus(Duration.ofHours(2)).toString()));
		return (String) session.get("id");
	}

}
