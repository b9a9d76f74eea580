package academy.cqo.exam;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import academy.cqo.testsupport.ApplicationProcess;
import academy.cqo.testsupport.JsonRequests;
import academy.cqo.testsupport.People;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} in the middle of an exam under load: candidates keep saving (think time
 * 0.1–0.4 s, one answer per request) while the server process is killed and restarted on
 * the same data directory and port; a client repeats a request that got no answer
 * (connection refused or reset while the server is down), as the exam page does. Then
 * every candidate submits, and every acknowledged answer is audited: none lost, and no
 * request was answered 5xx, before or after the restart. 30 candidates here; the same run
 * with {@code -Dcrash.candidates=300} is the benchmark of docs/BENCHMARKS.md.
 */
class ExamCrashIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> ENVIRONMENT = Map.of("CQO_DEMO", "true");

	private static final int CANDIDATES = Integer.getInteger("crash.candidates", 30);

	private static final int QUESTIONS = 10;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final AtomicReference<String> baseUrl = new AtomicReference<>();

	private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

	private final AtomicInteger acknowledged = new AtomicInteger();

	private final AtomicInteger repeated = new AtomicInteger();

	@TempDir
	Path dataDir;

	@Test
	void whenKilledUnderLoadAndRestartedThenNoAcknowledgedAnswerIsLostAndNothingIsAnswered5xx() throws Exception {
		ApplicationProcess app = ApplicationProcess.start(this.dataDir, ENVIRONMENT, "1g");
		try {
			this.baseUrl.set(app.baseUrl());
			List<Candidate> candidates = prepare();
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();
			for (Candidate candidate : candidates) {
				clients.submit(() -> answerWhile(candidate, running));
			}
			// the kill lands while every candidate is answering: after a few saves each
			int underLoad = 3 * candidates.size();
			academy.cqo.testsupport.Eventually.await("saves acknowledged under load", Duration.ofMinutes(2),
					() -> this.acknowledged.get() >= underLoad);
			int before = this.acknowledged.get();
			app.kill();
			Instant killed = Instant.now();
			app = ApplicationProcess.start(this.dataDir, ENVIRONMENT, "1g", app.port());
			Duration down = Duration.between(killed, Instant.now());
			int atRestart = this.acknowledged.get();
			// the load goes on after the restart until the new process has acknowledged a
			// few saves
			// per candidate (clients repeat what got no answer while it was down)
			academy.cqo.testsupport.Eventually.await("saves acknowledged after the restart", Duration.ofMinutes(2),
					() -> this.acknowledged.get() >= atRestart + underLoad);
			running.set(false);
			clients.shutdown();
			assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
			assertThat(this.acknowledged.get()).as("saves acknowledged after the restart").isGreaterThan(atRestart);
			for (Candidate candidate : candidates) {
				Map<String, Object> outcome = send("POST", "/api/v1/attempts/" + candidate.attempt() + "/submit",
						candidate.token(), Map.of());
				assertThat(outcome.get("status")).isEqualTo("GRADED");
			}
			for (Candidate candidate : candidates) {
				assertThat(storedSeqs(send("GET", "/api/v1/attempts/" + candidate.attempt(), candidate.token(), null)))
					.as("answers of " + candidate.attempt())
					.isEqualTo(candidate.acknowledged());
			}
			assertThat(this.failures).as("answered other than 2xx").isEmpty();
			System.out.printf(
					"crash run: %d candidates, %d saves acknowledged (%d before the kill), %d requests repeated, down %d ms%n",
					CANDIDATES, this.acknowledged.get(), before, this.repeated.get(), down.toMillis());
		}
		finally {
			app.close();
		}
	}

	private List<Candidate> prepare() throws Exception {
		String trainer = token("trainer", "Cqo@2026demo");
		String session = session(trainer, officialBank(trainer));
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < CANDIDATES; i++) {
			String username = People.username();
			send("POST", "/api/v1/auth/register", null, People.registration(username, People.idNumber(), "360102"));
			String token = token(username, "Qual1ty#Safe");
			Map<String, Object> attempt = send("POST", "/api/v1/exam-sessions/" + session + "/attempts", token,
					Map.of());
			candidates
				.add(new Candidate(token, (String) attempt.get("id"), questionIds(attempt), new ConcurrentHashMap<>()));
		}
		return candidates;
	}

	private void answerWhile(Candidate candidate, AtomicBoolean running) {
		long seq = 0;
		while (running.get()) {
			String question = candidate.questions().get((int) (seq % candidate.questions().size()));
			seq++;
			Map<String, Object> body = Map.of("response", List.of((seq % 2 == 0) ? "true" : "false"), "seq", seq);
			try {
				send("PUT", "/api/v1/attempts/" + candidate.attempt() + "/answers/" + question, candidate.token(),
						body);
				candidate.acknowledged().put(question, seq);
				this.acknowledged.incrementAndGet();
				Thread.sleep(ThreadLocalRandom.current().nextLong(100, 400));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				this.failures.add(ex.getMessage());
				return;
			}
		}
	}

	/**
	 * One request, repeated while the server cannot be reached (down, or killed while
	 * answering); any answer other than 2xx fails.
	 */
	@SuppressWarnings("unchecked")
	private Map<String, Object> send(String method, String path, String token, Object body) throws Exception {
		Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
		while (true) {
			HttpRequest request = JsonRequests.of(this.baseUrl.get() + path, method, token, body,
					Duration.ofSeconds(60));
			HttpResponse<String> response;
			try {
				response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				if (Instant.now().isAfter(giveUp)) {
					throw ex;
				}
				this.repeated.incrementAndGet();
				Thread.sleep(200);
				continue;
			}
			if (response.statusCode() < 200 || response.statusCode() > 299) {
				String failure = method + " " + path + " → " + response.statusCode() + " " + response.body();
				this.failures.add(failure);
				throw new IllegalStateException(failure);
			}
			return JSON.readValue(response.body(), Map.class);
		}
	}

	private String session(String trainer, String bank) throws Exception {
		Map<String, Object> exam = send("POST", "/api/v1/exams", trainer,
				Map.of("title", "断电负载考试", "sections", List.of(Map.of("title", "判断", "bankIds", List.of(bank), "type",
						"true_false", "count", QUESTIONS, "scorePerQuestion", 10)), "passMark", 60, "timeLimitSeconds",
						3600));
		Map<String, Object> session = send("POST", "/api/v1/exam-sessions", trainer,
				Map.of("examId", exam.get("id"), "title", "断电负载场次", "opensAt",
						Instant.now().minusSeconds(60).toString(), "closesAt",
						Instant.now().plus(Duration.ofDays(1)).toString()));
		return (String) session.get("id");
	}

	@SuppressWarnings("unchecked")
	private String officialBank(String trainer) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(this.baseUrl.get() + "/api/v1/question-banks"))
				.header("Authorization", "Bearer " + trainer)
				.build(), HttpResponse.BodyHandlers.ofString());
		List<Map<String, Object>> banks = JSON.readValue(response.body(), List.class);
		return banks.stream()
			.filter((bank) -> Boolean.TRUE.equals(bank.get("official")))
			.map((bank) -> (String) bank.get("id"))
			.findFirst()
			.orElseThrow();
	}

	private String token(String username, String password) throws Exception {
		return (String) send("POST", "/api/v1/auth/token", null, Map.of("username", username, "password", password))
			.get("accessToken");
	}

	@SuppressWarnings("unchecked")
	private static List<String> questionIds(Map<String, Object> attempt) {
		return ((List<Map<String, Object>>) attempt.get("questions")).stream()
			.map((question) -> (String) question.get("questionId"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Long> storedSeqs(Map<String, Object> attempt) {
		Map<String, Long> seqs = new ConcurrentHashMap<>();
		((Map<String, Map<String, Object>>) attempt.get("answers"))
			.forEach((question, answer) -> seqs.put(question, ((Number) answer.get("seq")).longValue()));
		return seqs;
	}

	private record Candidate(String token, String attempt, List<String> questions, Map<String, Long> acknowledged) {

	}

}
