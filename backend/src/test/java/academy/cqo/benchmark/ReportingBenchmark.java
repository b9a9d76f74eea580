package academy.cqo.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.platform.Sweep;
import academy.cqo.reporting.CountyProjection;
import academy.cqo.reporting.DashboardCounters;
import academy.cqo.reporting.ExamTallies;
import academy.cqo.shared.Region;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.RegionLevel;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.StoredExams;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reporting at province scale: 50,000 roster enterprises, 30,000 current filings and
 * 20,000 valid certificates across 100 Jiangxi counties (seeded directly in bulk), then
 * the province's coverage report, one county's coverage report and that county's 附件2
 * Excel of 2,000 rows, each timed over several runs (p95 = the slowest of them at these
 * run counts), with a JFR profile of the timed part. Not part of the build; run it with
 * {@code ./mvnw -B verify -pl backend -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReportingBenchmark}
 * and see {@code docs/BENCHMARKS.md}.
 */
@IntegrationTest
class ReportingBenchmark {

	static final int ROSTER = 50_000;

	static final int FILINGS = 30_000;

	static final int CERTIFICATES = 20_000;

	static final int BIG_COUNTY_ROWS = 2_000;

	/** Qualifying exam sessions, spread over the last twelve months. */
	static final int SESSIONS = 200;

	/** Graded attempts that passed (one per candidate, the CQOs of the first filings). */
	static final int PASSES = Integer.getInteger("passes", 20_000);

	/** Graded attempts that failed (CQOs who did not pass). */
	static final int FAILURES = Integer.getInteger("failures", 5_000);

	/**
	 * Questions on each seeded paper (the attempts' size is what a scan deserialises).
	 */
	static final int PAPER = Integer.getInteger("paper", 10);

	static final int RUNS = Integer.getInteger("runs", 5);

	/**
	 * How long the province dashboard is given before the exam tallies are built (0, the
	 * default, skips that call: measured in the fourth session, docs/BENCHMARKS.md).
	 */
	static final int BEFORE_SECONDS = Integer.getInteger("beforeSeconds", 0);

	@Autowired
	WebTestClient client;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	RegionDirectory directory;

	@Autowired
	CountyProjection projection;

	@Autowired
	ExamTallies examTallies;

	@Autowired
	DashboardCounters dashboardCounters;

	/**
	 * With {@code -Dsweep.concurrent=true} the timed calls run round by round (one of
	 * each per round) while the {@code reporting-projection} sweep's work runs again and
	 * again beside them, for at least {@code -Druns} rounds and until one whole sweep run
	 * has overlapped the timed part.
	 */
	static final boolean SWEEP_CONCURRENT = Boolean.getBoolean("sweep.concurrent");

	/** The longest the concurrent timed part may last (minutes). */
	static final int CONCURRENT_MINUTES = Integer.getInteger("sweep.concurrentMinutes", 20);

	@Autowired
	List<Sweep> sweeps;

	private List<String> counties() {
		List<String> counties = new ArrayList<>();
		for (Region city : this.directory.childrenOf("360000")) {
			for (Region county : this.directory.childrenOf(city.code())) {
				if (county.level() == RegionLevel.COUNTY && counties.size() < 100) {
					counties.add(county.code());
				}
			}
		}
		return counties;
	}

	@Test
	void provinceCoverageAndACountysAnnex2AtProvinceScale() throws Exception {
		List<String> counties = counties();
		assertThat(counties).hasSize(100);
		String token = new QuestionBankApi(this.client.mutate().responseTimeout(Duration.ofMinutes(2)).build(),
				"admin-jx")
			.token();
		long seedStart = System.nanoTime();
		seed(counties);
		System.out.printf(
				"Seeded %,d roster entries, %,d filings, %,d certificates, %,d accounts, %d sessions, %,d attempts in %,d ms%n",
				ROSTER, FILINGS, CERTIFICATES, FILINGS, SESSIONS, PASSES + FAILURES,
				(System.nanoTime() - seedStart) / 1_000_000);
		// The seed bypasses the events: the reconciliation builds the projection from it.
		long buildStart = System.nanoTime();
		Long built = this.projection.reconcile().block(Duration.ofMinutes(30));
		System.out.printf("Projection built from the records: %d counties written in %,d ms%n", built,
				(System.nanoTime() - buildStart) / 1_000_000);
		long againStart = System.nanoTime();
		try {
			Long again = this.projection.reconcile().block(Duration.ofMinutes(30));
			System.out.printf("Reconciliation with nothing to repair: %d counties written in %,d ms%n", again,
					(System.nanoTime() - againStart) / 1_000_000);
		}
		catch (RuntimeException ex) {
			System.out.printf("Reconciliation with nothing to repair FAILED after %,d ms: %s%n",
					(System.nanoTime() - againStart) / 1_000_000, ex);
		}
		WebTestClient slow = this.client.mutate().responseTimeout(Duration.ofMinutes(10)).build();
		String big = counties.get(0);
		String bigCode = String.format("BENCH%s%07d", big, 0);
		long[] change = time(() -> this.projection.changed(bigCode).block(Duration.ofMinutes(5)));
		print("one enterprise's CQO change in the " + BIG_COUNTY_ROWS + "-row county (recompute-and-set)", change);

		Map<String, Object> warm = get(slow, token, "/api/v1/reports/coverage?regionCode=360000");
		assertThat(((Number) warm.get("rosterEnterprises")).longValue()).isGreaterThanOrEqualTo(ROSTER);

		Path jfr = Path.of("target", "reporting.jfr").toAbsolutePath();
		String city = big.substring(0, 4) + "00";
		// Before: the dashboard's exam part read from the attempts (the tallies not
		// built).
		this.mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "report_exam_figures")
			.block(Duration.ofMinutes(1));
		// One call, given at most BEFORE_SECONDS: reading every session's attempts takes
		// far
		// longer at this scale.
		if (BEFORE_SECONDS > 0) {
			WebTestClient bounded = this.client.mutate().responseTimeout(Duration.ofSeconds(BEFORE_SECONDS)).build();
			long beforeStart = System.nanoTime();
			String beforeOutcome;
			try {
				get(bounded, token, "/api/v1/dashboard?regionCode=360000");
				beforeOutcome = "answered";
			}
			catch (Throwable ex) {
				beforeOutcome = "no answer within " + BEFORE_SECONDS + " s (" + ex.getClass().getSimpleName() + ")";
			}
			System.out.printf(
					"GET /api/v1/dashboard?regionCode=360000 with the exam part read from the attempts (before): %s after %,d ms%n",
					beforeOutcome, (System.nanoTime() - beforeStart) / 1_000_000);
		}
		long examStart = System.nanoTime();
		Long examBuilt = this.examTallies.reconcile().block(Duration.ofMinutes(30));
		System.out.printf("Exam tallies built from the records: %d counties written in %,d ms%n", examBuilt,
				(System.nanoTime() - examStart) / 1_000_000);
		long examAgainStart = System.nanoTime();
		Long examAgain = this.examTallies.reconcile().block(Duration.ofMinutes(30));
		System.out.printf("Exam tallies reconciled with nothing to repair: %d counties written in %,d ms%n", examAgain,
				(System.nanoTime() - examAgainStart) / 1_000_000);
		long countersStart = System.nanoTime();
		Long countersBuilt = this.dashboardCounters.reconcile().block(Duration.ofMinutes(30));
		System.out.printf("Dashboard counters built from the records: %d counties written in %,d ms%n", countersBuilt,
				(System.nanoTime() - countersStart) / 1_000_000);
		long countersAgainStart = System.nanoTime();
		Long countersAgain = this.dashboardCounters.reconcile().block(Duration.ofMinutes(30));
		System.out.printf("Dashboard counters reconciled with nothing to repair: %d counties written in %,d ms%n",
				countersAgain, (System.nanoTime() - countersAgainStart) / 1_000_000);
		get(slow, token, "/api/v1/dashboard?regionCode=360000");
		long[] coverage;
		long[] county;
		long[] annex2;
		long[] dashboard;
		long[] cityDashboard;
		long[] countyDashboard;
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			recording.start();
			if (SWEEP_CONCURRENT) {
				long[][] timed = timedBesideTheSweep(
						List.of(() -> get(slow, token, "/api/v1/reports/coverage?regionCode=360000"),
								() -> get(slow, token, "/api/v1/reports/coverage?regionCode=" + big),
								() -> bytes(slow, token, "/api/v1/reports/county-summary.xlsx?regionCode=" + big),
								() -> get(slow, token, "/api/v1/dashboard?regionCode=360000"),
								() -> get(slow, token, "/api/v1/dashboard?regionCode=" + city),
								() -> get(slow, token, "/api/v1/dashboard?regionCode=" + big)));
				coverage = timed[0];
				county = timed[1];
				annex2 = timed[2];
				dashboard = timed[3];
				cityDashboard = timed[4];
				countyDashboard = timed[5];
			}
			else {
				coverage = time(() -> get(slow, token, "/api/v1/reports/coverage?regionCode=360000"));
				county = time(() -> get(slow, token, "/api/v1/reports/coverage?regionCode=" + big));
				annex2 = time(() -> bytes(slow, token, "/api/v1/reports/county-summary.xlsx?regionCode=" + big));
				dashboard = time(() -> get(slow, token, "/api/v1/dashboard?regionCode=360000"));
				cityDashboard = time(() -> get(slow, token, "/api/v1/dashboard?regionCode=" + city));
				countyDashboard = time(() -> get(slow, token, "/api/v1/dashboard?regionCode=" + big));
			}
			recording.stop();
			recording.dump(jfr);
		}
		Map<String, Object> report = get(slow, token, "/api/v1/reports/coverage?regionCode=360000");
		System.out.printf("Province coverage: %s%n",
				report.entrySet()
					.stream()
					.filter((entry) -> !entry.getKey().equals("children"))
					.map((entry) -> entry.getKey() + "=" + entry.getValue())
					.collect(Collectors.joining(", ")));
		print("GET /api/v1/reports/coverage?regionCode=360000", coverage);
		print("GET /api/v1/reports/coverage?regionCode=" + big + " (county, " + BIG_COUNTY_ROWS + " rows)", county);
		print("GET /api/v1/reports/county-summary.xlsx (" + BIG_COUNTY_ROWS + " rows)", annex2);
		Map<String, Object> board = get(slow, token, "/api/v1/dashboard?regionCode=360000");
		System.out.printf("Province dashboard: months %s%n  sessions %s%n  pending %s%n", board.get("months"),
				board.get("sessions"), board.get("pending"));
		assertThat(board.get("sessions").toString()).contains("graded");
		print("GET /api/v1/dashboard?regionCode=360000", dashboard);
		print("GET /api/v1/dashboard?regionCode=" + city + " (city)", cityDashboard);
		print("GET /api/v1/dashboard?regionCode=" + big + " (county, " + BIG_COUNTY_ROWS + " rows)", countyDashboard);
		profile(jfr);
		System.out.printf("JFR recording of the timed part: %s (jfr summary / jfr view hot-methods)%n", jfr);
	}

	private void seed(List<String> counties) {
		Instant now = Instant.now();
		Date nowDate = Date.from(now);
		String expires = LocalDate.now().plusYears(2).toString();
		List<Document> roster = new ArrayList<>();
		List<Document> enterprises = new ArrayList<>();
		List<Document> filings = new ArrayList<>();
		List<Document> certificates = new ArrayList<>();
		List<Document> pool = new ArrayList<>();
		List<Document> accounts = new ArrayList<>();
		int perCounty = (ROSTER - BIG_COUNTY_ROWS) / (counties.size() - 1);
		int filingsLeft = FILINGS;
		int certificatesLeft = CERTIFICATES;
		int serial = 0;
		for (int c = 0; c < counties.size(); c++) {
			String county = counties.get(c);
			int entries = (c == 0) ? BIG_COUNTY_ROWS : perCounty;
			if (c == counties.size() - 1) {
				entries = ROSTER - BIG_COUNTY_ROWS - perCounty * (counties.size() - 2);
			}
			int filed = (int) Math.round(entries * 0.6);
			int certified = (int) Math.round(entries * 0.4);
			for (int i = 0; i < entries; i++) {
				String code = String.format("BENCH%s%07d", county, serial++);
				roster.add(new Document("_id", code).append("name", "基准企业" + code.substring(11))
					.append("regionCode", county)
					.append("industry", "C")
					.append("aboveScale", i % 3 != 2)
					.append("size", "MEDIUM")
					.append("qualityAward", (i % 50 == 0) ? "省长质量奖2023" : null)
					.append("keyCultivation", i % 10 == 0)
					.append("importId", "bench")
					.append("updatedAt", nowDate));
				if (i == filed) {
					// one filing per county waiting for review (the dashboard's pending
					// work)
					filings.add(new Document("_id", "bench-w-" + code).append("kind", "APPOINTMENT")
						.append("state", "SUBMITTED")
						.append("creditCode", code)
						.append("regionCode", county)
						.append("cqo",
								new Document("fullName", "待审" + (i % 1000)).append("idNumberHash", "bench-w-" + code))
						.append("declaration", true)
						.append("submittedAt", nowDate)
						.append("revision", 0L));
				}
				if (i < filed && filingsLeft > 0) {
					filingsLeft--;
					String filingId = "bench-f-" + code;
					String account = "bench-a-" + code;
					accounts.add(new Document("_id", account).append("username", "bench-u-" + code)
						.append("passwordHash", "{noop}-")
						.append("roles", List.of("CANDIDATE"))
						.append("fullName", "基准" + (i % 1000))
						.append("idNumberHash", "bench-h-" + code)
						.append("regionCode", county)
						.append("employerCreditCode", code)
						.append("failedLogins", 0)
						.append("createdAt", nowDate));
					enterprises.add(new Document("_id", code).append("name", "基准企业")
						.append("regionCode", county)
						.append("aboveScale", true)
						.append("verified", true)
						.append("accountIds", List.of())
						.append("currentFilingId", filingId));
					filings.add(new Document("_id", filingId).append("kind", "APPOINTMENT")
						.append("state", "APPROVED")
						.append("creditCode", code)
						.append("regionCode", county)
						.append("enterprise",
								new Document("name", "基准企业" + code.substring(11)).append("regionCode", county)
									.append("industry", "C")
									.append("enterpriseType", "PRIVATE")
									.append("aboveScale", i % 3 != 2)
									.append("size", "MEDIUM"))
						.append("cqo",
								new Document("fullName", "基准" + (i % 1000)).append("idNumberHash", "bench-h-" + code)
									.append("education", "BACHELOR")
									.append("professionalTitle", "INTERMEDIATE")
									.append("currentPost", "质量总监"))
						.append("appointment",
								new Document("post", "首席质量官").append("fullTime", true).append("startMonth", "2025-03"))
						.append("declaration", true)
						.append("number", "BENCH-" + serial)
						.append("candidateAccountId", account)
						.append("decidedAt", nowDate)
						// completed: the filing sweep has no approval left to finish
						.append("completedAt", nowDate)
						.append("revision", 0L));
					if (i < certified && certificatesLeft > 0) {
						certificatesLeft--;
						// announced: the issue sweep has nothing left to finish for it
						certificates.add(new Document("_id", "bench-c-" + code).append("stage", "ISSUED")
							.append("announced", true)
							.append("state", "ACTIVE")
							.append("accountId", account)
							.append("number", "JX-BENCH-" + serial)
							.append("expiresOn", expires)
							.append("regionCode", county));
						LocalDate issued = LocalDate.now().minusDays(certificatesLeft % 360);
						pool.add(new Document("_id", account).append("certificateId", "bench-c-" + code)
							.append("number", "JX-BENCH-" + serial)
							.append("holderName", "基准" + (i % 1000))
							.append("regionCode", county)
							.append("employerCreditCode", code)
							.append("industry", "C")
							.append("issuedOn", issued.toString())
							.append("expiresOn", expires)
							.append("state", "ACTIVE")
							.append("enteredAt", nowDate)
							.append("certificateIssuedAt",
									Date.from(issued.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())));
					}
				}
			}
		}
		insert(roster, "roster_entries");
		insert(enterprises, "enterprises");
		insert(filings, "filings");
		insert(certificates, "certificates");
		insert(pool, "talent_pool");
		insert(accounts, "accounts");
		seedExams(accounts.stream().map((account) -> account.getString("_id")).toList(), now);
	}

	/**
	 * One qualifying exam, {@link #SESSIONS} sessions closing over the last twelve
	 * months, and graded attempts of the CQOs' accounts: the first {@link #PASSES}
	 * passed, the next {@link #FAILURES} failed, each with a paper of {@link #PAPER}
	 * questions and its results (the size of a real graded attempt).
	 */
	private void seedExams(List<String> accounts, Instant now) {
		insert(List.of(new Document("_id", "bench-exam")
			.append("definition", StoredExams.qualifyingDefinition("首席质量官资格考试（基准）"))
			.append("createdBy", "admin-jx")
			.append("createdAt", Date.from(now))), "exams");
		List<Document> sessions = new ArrayList<>();
		for (int s = 0; s < SESSIONS; s++) {
			Instant closes = now.minus(Duration.ofDays(360L * s / SESSIONS + 1));
			sessions.add(new Document("_id", String.format("bench-s-%03d", s)).append("examId", "bench-exam")
				.append("title", "第" + (s + 1) + "场")
				.append("opensAt", Date.from(closes.minus(Duration.ofHours(3))))
				.append("closesAt", Date.from(closes))
				.append("createdBy", "admin-jx")
				.append("createdAt", Date.from(now)));
		}
		insert(sessions, "exam_sessions");
		List<Document> attempts = new ArrayList<>();
		for (int a = 0; a < PASSES + FAILURES && a < accounts.size(); a++) {
			boolean passed = a < PASSES;
			Document session = sessions.get(a % SESSIONS);
			Date started = Date.from(session.getDate("closesAt").toInstant().minus(Duration.ofHours(2)));
			List<Document> paper = new ArrayList<>();
			List<Document> results = new ArrayList<>();
			for (int q = 0; q < PAPER; q++) {
				paper.add(new Document("questionId", "bench-q-" + q).append("version", 1)
					.append("section", 0)
					.append("score", 2.0)
					.append("optionOrder", List.of("A", "B", "C", "D")));
				results.add(new Document("questionId", "bench-q-" + q).append("awarded", (q < 40 == passed) ? 2.0 : 0.0)
					.append("correct", q < 40 == passed));
			}
			String sessionId = session.getString("_id");
			attempts.add(new Document("_id", sessionId + ":" + accounts.get(a) + ":1").append("sessionId", sessionId)
				.append("examId", "bench-exam")
				.append("accountId", accounts.get(a))
				.append("username", "bench-u-" + accounts.get(a).substring("bench-a-".length()))
				.append("number", 1)
				.append("status", "GRADED")
				.append("startedAt", started)
				.append("deadline", session.getDate("closesAt"))
				.append("seed", (long) a)
				.append("paper", paper)
				.append("results", results)
				.append("events", List.of())
				.append("submittedAt", session.getDate("closesAt"))
				.append("submittedBy", "CANDIDATE")
				.append("score", passed ? 80.0 : 40.0)
				.append("maxScore", 100.0)
				.append("passed", passed)
				.append("gradedAt", session.getDate("closesAt"))
				.append("outcomePublished", true));
		}
		insert(attempts, "attempts", 100);
	}

	private void insert(List<Document> documents, String collection) {
		insert(documents, collection, 5_000);
	}

	private void insert(List<Document> documents, String collection, int batch) {
		long start = System.nanoTime();
		for (int from = 0; from < documents.size(); from += batch) {
			this.mongo.insert(documents.subList(from, Math.min(documents.size(), from + batch)), collection)
				.then()
				.as(StepVerifier::create)
				.expectComplete()
				.verify(Duration.ofMinutes(5));
		}
		System.out.printf("  %,d documents into %s in %,d ms%n", documents.size(), collection,
				(System.nanoTime() - start) / 1_000_000);
	}

	private static Map<String, Object> get(WebTestClient client, String token, String uri) {
		return client.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
	}

	private static byte[] bytes(WebTestClient client, String token, String uri) {
		byte[] body = client.get()
			.uri(uri)
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(body).isNotEmpty();
		return body;
	}

	/**
	 * The calls, one of each per round, while a thread runs the reporting-projection
	 * sweep's work over and over: at least {@link #RUNS} rounds, and on until one sweep
	 * run has completed (or {@link #CONCURRENT_MINUTES} have passed).
	 * @param calls the timed calls
	 * @return per call, the milliseconds of each round
	 */
	private long[][] timedBesideTheSweep(List<Runnable> calls) throws InterruptedException {
		Sweep sweep = this.sweeps.stream()
			.filter((candidate) -> candidate.name().equals("reporting-projection"))
			.findFirst()
			.orElseThrow();
		AtomicBoolean stop = new AtomicBoolean();
		List<String> runs = new CopyOnWriteArrayList<>();
		AtomicInteger completed = new AtomicInteger();
		Thread sweeper = new Thread(() -> {
			while (!stop.get()) {
				long start = System.nanoTime();
				try {
					Long items = sweep.work().get().defaultIfEmpty(0L).block(Duration.ofMinutes(30));
					runs.add(String.format("%,d ms (%d items)", (System.nanoTime() - start) / 1_000_000, items));
				}
				catch (RuntimeException ex) {
					runs.add(String.format("FAILED after %,d ms: %s", (System.nanoTime() - start) / 1_000_000, ex));
				}
				completed.incrementAndGet();
			}
		}, "benchmark-sweep");
		long deadline = System.nanoTime() + Duration.ofMinutes(CONCURRENT_MINUTES).toNanos();
		List<List<Long>> millis = new ArrayList<>();
		calls.forEach((call) -> millis.add(new ArrayList<>()));
		long started = System.nanoTime();
		sweeper.start();
		int rounds = 0;
		while ((rounds < RUNS || completed.get() < 1) && System.nanoTime() < deadline) {
			for (int i = 0; i < calls.size(); i++) {
				long start = System.nanoTime();
				calls.get(i).run();
				millis.get(i).add((System.nanoTime() - start) / 1_000_000);
			}
			rounds++;
		}
		long timedMillis = (System.nanoTime() - started) / 1_000_000;
		stop.set(true);
		sweeper.join(Duration.ofMinutes(30));
		System.out.printf("Timed part beside the reporting-projection sweep: %d rounds in %,d ms; sweep runs: %s%n",
				rounds, timedMillis, runs);
		return millis.stream().map((list) -> list.stream().mapToLong(Long::longValue).toArray()).toArray(long[][]::new);
	}

	private static long[] time(Runnable call) {
		return time(call, RUNS);
	}

	private static long[] time(Runnable call, int runs) {
		long[] millis = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			call.run();
			millis[i] = (System.nanoTime() - start) / 1_000_000;
		}
		return millis;
	}

	private static void print(String what, long[] millis) {
		long[] sorted = millis.clone();
		Arrays.sort(sorted);
		int p95 = (int) Math.ceil(sorted.length * 0.95) - 1;
		System.out.printf("%s: %d runs %s ms, median %d ms, p95 %d ms, max %d ms%n", what, millis.length,
				(millis.length <= 40) ? Arrays.toString(millis) : "(" + millis.length + ")", sorted[sorted.length / 2],
				sorted[p95], sorted[sorted.length - 1]);
	}

	private static void profile(Path jfr) throws Exception {
		Map<String, Integer> top = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			samples++;
			for (RecordedFrame frame : event.getStackTrace().getFrames()) {
				String type = frame.getMethod().getType().getName();
				if (type.startsWith("academy.cqo") || type.startsWith("de.bwaldvogel") || type.startsWith("org.h2")
						|| type.startsWith("org.dhatim") || type.startsWith("org.bson")
						|| type.startsWith("org.springframework.data")) {
					top.merge(type.substring(0, type.lastIndexOf('.')) + " " + type.substring(type.lastIndexOf('.') + 1)
							+ "." + frame.getMethod().getName(), 1, Integer::sum);
					break;
				}
			}
		}
		System.out.printf("JFR: %,d execution samples; first application/library frame, top 12:%n", samples);
		int total = samples;
		top.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(12)
			.forEach((entry) -> System.out.printf("  %5.1f %%  %s%n", entry.getValue() * 100.0 / Math.max(1, total),
					entry.getKey()));
	}

}
