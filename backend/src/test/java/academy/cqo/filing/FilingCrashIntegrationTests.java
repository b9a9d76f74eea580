package academy.cqo.filing;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.ApplicationProcess;
import academy.cqo.testsupport.Eventually;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code kill -9} while approvals are in flight (the application as its own process on
 * the embedded store): after a restart on the same data nothing is half-written — every
 * approved filing has exactly one number, the county's numbers of the year have no gap
 * and no duplicate, and a change of CQO ended the previous appointment exactly once (or,
 * when its approval was lost, not at all).
 */
class FilingCrashIntegrationTests {

	private static final int FILINGS = 12;

	private static final String ADMIN_PASSWORD = "Qu@lity2026!";

	@TempDir
	Path dataDir;

	private static WebTestClient client(ApplicationProcess app) {
		return WebTestClient.bindToServer()
			.baseUrl(app.baseUrl())
			.responseTimeout(Duration.ofMinutes(1))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aKillBetweenApprovalStepsLeavesEveryApprovalWholeAndTheNumbersGapFree() throws Exception {
		Map<String, String> demo = Map.of("CQO_ADMIN_USERNAME", "county-dh", "CQO_ADMIN_PASSWORD", ADMIN_PASSWORD,
				"CQO_ADMIN_REGION", "360102");
		List<String> filings = new ArrayList<>();
		String appointment;
		String change;
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, demo, "512m", Duration.ofMinutes(4))) {
			WebTestClient client = client(app);
			QuestionBankApi county = new QuestionBankApi(client, "county-dh", ADMIN_PASSWORD);
			QuestionBankApi enterprise = FilingApi.enterprise(client, "360102");
			appointment = FilingApi.submitted(client, enterprise, FilingApi.form("甲在任", People.idNumber()));
			FilingApi.decide(county, appointment, Map.of("decision", "APPROVE"));
			change = FilingApi.submitted(client, enterprise, FilingApi.form("乙接任", People.idNumber()));
			filings.add(change);
			for (int i = 1; i < FILINGS; i++) {
				QuestionBankApi other = FilingApi.enterprise(client, "360102");
				filings.add(FilingApi.submitted(client, other,
						FilingApi.form("丙" + "一二三四五六七八九十亥子".charAt(i) + "号", People.idNumber())));
			}
			ExecutorService pool = Executors.newFixedThreadPool(FILINGS);
			try {
				List<CompletableFuture<Void>> approvals = filings.stream()
					.map((id) -> CompletableFuture
						.runAsync(
								() -> county.post("/api/v1/filings/" + id + "/decision", Map.of("decision", "APPROVE"))
									.returnResult(String.class),
								pool)
						.exceptionally((ex) -> null))
					.toList();
				// killed as soon as the first approval is answered, with the others in
				// flight
				academy.cqo.testsupport.Eventually.await("a first approval answered", Duration.ofMinutes(2),
						() -> approvals.stream().anyMatch(CompletableFuture::isDone));
				app.kill();
				approvals.forEach(CompletableFuture::join);
			}
			finally {
				pool.shutdownNow();
			}
		}
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, demo, "512m", Duration.ofMinutes(4))) {
			WebTestClient client = client(app);
			QuestionBankApi county = new QuestionBankApi(client, "county-dh", ADMIN_PASSWORD);
			Eventually.await("the sweep finishes interrupted approvals", Duration.ofSeconds(60),
					() -> filings.stream().allMatch((id) -> {
						Map<String, Object> filing = county.getJson("/api/v1/filings/" + id);
						return !"APPROVED".equals(filing.get("state")) || filing.get("filingNumber") != null;
					}));
			Map<String, Object> previous = county.getJson("/api/v1/filings/" + appointment);
			Map<String, Object> changed = county.getJson("/api/v1/filings/" + change);
			if ("APPROVED".equals(changed.get("state"))) {
				assertThat(previous).as("the previous appointment ended by the change")
					.containsEntry("endedBy", change)
					.containsEntry("endMonth", "2026-03");
			}
			else {
				assertThat(previous).as("a lost approval ends nothing").containsEntry("endedBy", null);
			}
			for (String id : filings) {
				Map<String, Object> filing = county.getJson("/api/v1/filings/" + id);
				if ("SUBMITTED".equals(filing.get("state"))) {
					FilingApi.decide(county, id, Map.of("decision", "APPROVE"));
				}
			}
			assertThat(county.getJson("/api/v1/filings/" + appointment)).containsEntry("endedBy", change);
			String year = Integer.toString(Year.now().getValue());
			List<Map<String, Object>> approved = (List<Map<String, Object>>) (List<?>) county
				.get("/api/v1/filings?state=APPROVED&regionCode=360102")
				.expectStatus()
				.isOk()
				.expectBodyList(Map.class)
				.returnResult()
				.getResponseBody();
			Map<String, Integer> perNumber = new HashMap<>();
			List<Integer> sequences = new ArrayList<>();
			for (Map<String, Object> filing : approved) {
				String number = (String) filing.get("filingNumber");
				assertThat(number).as("every approved filing has a number").isNotNull();
				perNumber.merge(number, 1, Integer::sum);
				if (number.startsWith("360102-" + year + "-")) {
					sequences.add(Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)));
				}
			}
			assertThat(perNumber.values()).as("no number twice").allMatch((count) -> count == 1);
			assertThat(sequences.stream().sorted().toList()).as("gap-free")
				.isEqualTo(IntStream.rangeClosed(1, sequences.size()).boxed().toList());
			assertThat(filings).allMatch((id) -> approved.stream().anyMatch((filing) -> id.equals(filing.get("id"))));
		}
	}

}
