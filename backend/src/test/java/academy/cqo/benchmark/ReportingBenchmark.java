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

import academy.cqo.reporting.CountyProjection;
import academy.cqo.shared.Region;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.RegionLevel;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;

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

	static final int RUNS = Integer.getInteger("runs", 5);

	@Autowired
	WebTestClient client;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	RegionDirectory directory;

	@Autowired
	CountyProjection projection;

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
		String token = new QuestionBankApi(this.client, "admin-jx").token();
		long seedStart = System.nanoTime();
		seed(counties);
		System.out.printf("Seeded %,d roster entries, %,d filings, %,d certificates in %,d ms%n", ROSTER, FILINGS,
				CERTIFICATES, (System.nanoTime() - seedStart) / 1_000_000);
		// The seed bypasses the events: the reconciliation builds the projection from it.
		long buildStart = System.nanoTime();
		Long built = this.projection.reconcile().block(Duration.ofMinutes(30));
		System.out.printf("Projection built from the records: %d counties written in %,d ms%n", built,
				(System.nanoTime() - buildStart) / 1_000_000);
		long againStart = System.nanoTime();
		Long again = this.projection.reconcile().block(Duration.ofMinutes(30));
		System.out.printf("Reconciliation with nothing to repair: %d counties written in %,d ms%n", again,
				(System.nanoTime() - againStart) / 1_000_000);
		WebTestClient slow = this.client.mutate().responseTimeout(Duration.ofMinutes(10)).build();
		String big = counties.get(0);
		String bigCode = String.format("BENCH%s%07d", big, 0);
		long[] change = time(() -> this.projection.changed(bigCode).block(Duration.ofMinutes(5)));
		print("one enterprise's CQO change in the " + BIG_COUNTY_ROWS + "-row county (recompute-and-set)", change);

		Map<String, Object> warm = get(slow, token, "/api/v1/reports/coverage?regionCode=360000");
		assertThat(((Number) warm.get("rosterEnterprises")).longValue()).isGreaterThanOrEqualTo(ROSTER);

		Path jfr = Path.of("target", "reporting.jfr").toAbsolutePath();
		long[] coverage;
		long[] county;
		long[] annex2;
		try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
			recording.start();
			coverage = time(() -> get(slow, token, "/api/v1/reports/coverage?regionCode=360000"));
			county = time(() -> get(slow, token, "/api/v1/reports/coverage?regionCode=" + big));
			annex2 = time(() -> bytes(slow, token, "/api/v1/reports/county-summary.xlsx?regionCode=" + big));
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
				if (i < filed && filingsLeft > 0) {
					filingsLeft--;
					String filingId = "bench-f-" + code;
					String account = "bench-a-" + code;
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
						.append("revision", 0L));
					if (i < certified && certificatesLeft > 0) {
						certificatesLeft--;
						certificates.add(new Document("_id", "bench-c-" + code).append("stage", "ISSUED")
							.append("state", "ACTIVE")
							.append("accountId", account)
							.append("number", "JX-BENCH-" + serial)
							.append("expiresOn", expires)
							.append("regionCode", county));
					}
				}
			}
		}
		insert(roster, "roster_entries");
		insert(enterprises, "enterprises");
		insert(filings, "filings");
		insert(certificates, "certificates");
	}

	private void insert(List<Document> documents, String collection) {
		for (int from = 0; from < documents.size(); from += 5_000) {
			this.mongo.insert(documents.subList(from, Math.min(documents.size(), from + 5_000)), collection)
				.then()
				.as(StepVerifier::create)
				.expectComplete()
				.verify(Duration.ofMinutes(5));
		}
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

	private static long[] time(Runnable call) {
		long[] millis = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
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
		System.out.printf("%s: runs %s ms, median %d ms, p95 %d ms%n", what, Arrays.toString(millis),
				sorted[sorted.length / 2], sorted[p95]);
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
