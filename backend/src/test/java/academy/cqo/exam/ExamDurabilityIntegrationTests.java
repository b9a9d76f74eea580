package academy.cqo.exam;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import academy.cqo.testsupport.ApplicationProcess;
import academy.cqo.testsupport.JsonRequests;
import academy.cqo.testsupport.Eventually;
import academy.cqo.testsupport.People;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attempts survive a {@code kill -9}: every acknowledged answer is there after the
 * restart, deadlines are unchanged, and an attempt whose time ran out while the platform
 * was down is submitted at start-up with those answers. The application runs as a real
 * separate process on the embedded store.
 */
class ExamDurabilityIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Map<String, String> ENVIRONMENT = Map.of("CQO_DEMO", "true", "CQO_EXAM_GRACEPERIOD", "1s");

	private final HttpClient http = HttpClient.newHttpClient();

	@TempDir
	Path dataDir;

	@Test
	void whenKilledMidExamThenAcknowledgedAnswersAndDeadlinesSurviveAndAttemptsWhoseTimeRanOutAreSubmitted()
			throws Exception {
		String username = People.username();
		String running;
		String overdue;
		Instant runningDeadline;
		Instant overdueDeadline;
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, ENVIRONMENT)) {
			send(app, "POST", "/api/v1/auth/register", null,
					People.registration(username, People.idNumber(), "360102"));
			String trainer = token(app, "trainer", "Cqo@2026demo");
			String candidate = token(app, username, "Qual1ty#Safe");
			String bank = officialBank(app, trainer);
			String longSession = session(app, trainer, bank, Instant.now().plus(Duration.ofDays(1)));
			Map<String, Object> first = send(app, "POST", "/api/v1/exam-sessions/" + longSession + "/attempts",
					candidate, Map.of());
			answerAll(app, candidate, first);

			// closes a few seconds from now: the restart below takes longer than that
			String shortSession = session(app, trainer, bank, Instant.now().plusSeconds(4));
			Map<String, Object> second = send(app, "POST", "/api/v1/exam-sessions/" + shortSession + "/attempts",
					candidate, Map.of());
			answerAll(app, candidate, second);
			app.kill();
			running = (String) first.get("id");
			overdue = (String) second.get("id");
			runningDeadline = Instant.parse((String) first.get("deadline"));
			overdueDeadline = Instant.parse((String) second.get("deadline"));
		}
		try (ApplicationProcess app = ApplicationProcess.start(this.dataDir, ENVIRONMENT)) {
			String candidate = token(app, username, "Qual1ty#Safe");
			Eventually.await("the overdue attempt submitted by the server", Duration.ofSeconds(30), () -> !"IN_PROGRESS"
				.equals(send(app, "GET", "/api/v1/attempts/" + overdue, candidate, null).get("status")));

			Map<String, Object> stillRunning = send(app, "GET", "/api/v1/attempts/" + running, candidate, null);
			assertThat(stillRunning.get("status")).isEqualTo("IN_PROGRESS");
			assertThat(Instant.parse((String) stillRunning.get("deadline"))).isEqualTo(runningDeadline);
			assertAllAnswered(stillRunning);

			Map<String, Object> submitted = send(app, "GET", "/api/v1/attempts/" + overdue, candidate, null);
			assertThat(submitted.get("status")).isEqualTo("GRADED");
			assertThat(Instant.parse((String) submitted.get("deadline"))).isEqualTo(overdueDeadline);
			assertAllAnswered(submitted);
			@SuppressWarnings("unchecked")
			Map<String, Object> result = (Map<String, Object>) submitted.get("result");
			assertThat(result).as(app.logTail()).isNotNull();
			assertThat(((Number) result.get("maxScore")).doubleValue()).isEqualTo(40.0);
		}
	}

	@SuppressWarnings("unchecked")
	private static void assertAllAnswered(Map<String, Object> attempt) {
		List<Map<String, Object>> questions = (List<Map<String, Object>>) attempt.get("questions");
		Map<String, Object> answers = (Map<String, Object>) attempt.get("answers");
		assertThat(answers).hasSize(questions.size());
		for (Map<String, Object> question : questions) {
			Map<String, Object> answer = (Map<String, Object>) answers.get(question.get("questionId"));
			assertThat(answer).as("answer to " + question.get("questionId")).isNotNull();
			assertThat(((Number) answer.get("seq")).longValue()).isEqualTo(7);
			assertThat((List<String>) answer.get("response")).containsExactly("true");
		}
	}

	@SuppressWarnings("unchecked")
	private void answerAll(ApplicationProcess app, String candidate, Map<String, Object> attempt) throws Exception {
		for (Map<String, Object> question : (List<Map<String, Object>>) attempt.get("questions")) {
			String path = "/api/v1/attempts/" + attempt.get("id") + "/answers/" + question.get("questionId");
			send(app, "PUT", path, candidate, Map.of("response", List.of("false"), "seq", 6));
			Map<String, Object> saved = send(app, "PUT", path, candidate,
					Map.of("response", List.of("true"), "seq", 7));
			assertThat(((Number) saved.get("seq")).longValue()).isEqualTo(7);
		}
	}

	private String session(ApplicationProcess app, String trainer, String bank, Instant closesAt) throws Exception {
		Map<String, Object> exam = send(
				app, "POST", "/api/v1/exams", trainer, Map.of(
						"title", "断电测试考试", "sections", List.of(Map.of("title", "判断", "bankIds", List.of(bank), "type",
								"true_false", "count", 4, "scorePerQuestion", 10)),
						"passMark", 20, "timeLimitSeconds", 600));
		Map<String, Object> session = send(app, "POST", "/api/v1/exam-sessions", trainer,
				Map.of("examId", exam.get("id"), "title", "断电测试场次", "opensAt",
						Instant.now().minusSeconds(60).toString(), "closesAt", closesAt.toString()));
		return (String) session.get("id");
	}

	@SuppressWarnings("unchecked")
	private String officialBank(ApplicationProcess app, String trainer) throws Exception {
		HttpResponse<String> response = this.http
			.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/v1/question-banks"))
				.header("Authorization", "Bearer " + trainer)
				.build(), HttpResponse.BodyHandlers.ofString());
		List<Map<String, Object>> banks = JSON.readValue(response.body(), List.class);
		return banks.stream()
			.filter((bank) -> Boolean.TRUE.equals(bank.get("official")))
			.map((bank) -> (String) bank.get("id"))
			.findFirst()
			.orElseThrow();
	}

	private String token(ApplicationProcess app, String username, String password) throws Exception {
		return (String) send(app, "POST", "/api/v1/auth/token", null,
				Map.of("username", username, "password", password))
			.get("accessToken");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> send(ApplicationProcess app, String method, String path, String token, Object body)
			throws Exception {
		HttpResponse<String> response = this.http.send(JsonRequests.of(app.baseUrl() + path, method, token, body, null),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
		return JSON.readValue(response.body(), Map.class);
	}

}
