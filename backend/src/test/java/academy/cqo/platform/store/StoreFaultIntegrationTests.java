package academy.cqo.platform.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.TestStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The store drops every client connection several times while candidates save, read and
 * submit: no request is answered 5xx (the driver's client retries the transient
 * failures), and every acknowledged answer is stored with its sequence number. Saves go
 * over the wire here, as on MongoDB ({@code cqo.store-in-process=false}; on the embedded
 * store they are applied in process, where no connection can drop).
 */
@IntegrationTest
@TestPropertySource(properties = "cqo.store-in-process=false")
class StoreFaultIntegrationTests {

	private static final int CANDIDATES = 10;

	private static final int ROUNDS = 3;

	@Autowired
	WebTestClient client;

	@Autowired
	MutableClock clock;

	@Autowired(required = false)
	EmbeddedMongoServer server;

	@Autowired
	RetryingMongoClient retrying;

	@Autowired(required = false)
	InProcessCommands inProcess;

	@Test
	void whenTheStoreDropsItsConnectionsMidExamThenNo5xxAndNothingAcknowledgedIsLost() {
		assumeTrue("embedded".equals(TestStore.kind()), "drops the embedded server's connections");
		assertThat(this.inProcess).as("saves over the wire").isNull();
		QuestionBankApi trainer = new QuestionBankApi(this.client, "trainer");
		String session = session(trainer);
		List<Candidate> candidates = new ArrayList<>();
		for (int i = 0; i < CANDIDATES; i++) {
			QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
			Map<String, Object> attempt = candidate.post("/api/v1/exam-sessions/" + session + "/attempts", Map.of())
				.expectStatus()
				.isCreated()
				.expectBody(QuestionBankApi.JSON)
				.returnResult()
				.getResponseBody();
			candidates.add(new Candidate(candidate, (String) attempt.get("id"), questionIds(attempt)));
		}
		long retriesBefore = this.retrying.retries();
		ConcurrentLinkedQueue<String> serverErrors = new ConcurrentLinkedQueue<>();
		AtomicInteger dropped = new AtomicInteger();

		java.util.concurrent.atomic.AtomicBoolean faultsOver = new java.util.concurrent.atomic.AtomicBoolean();
		Flux<Integer> faults = Flux.interval(Duration.ofMillis(200), Duration.ofMillis(300))
			.take(8)
			.map((tick) -> dropped.addAndGet(this.server.dropConnections()))
			.doOnComplete(() -> faultsOver.set(true));
		// each candidate saves and reads ROUNDS times through the questions, and on until
		// the last drop
		Flux<Object> exam = Flux.fromIterable(candidates).flatMap((candidate) -> {
			AtomicInteger n = new AtomicInteger();
			return Mono.defer(() -> saveAndRead(candidate, n.getAndIncrement(), serverErrors))
				.repeat(() -> n.get() < ROUNDS * candidate.questions().size() || !faultsOver.get());
		}, CANDIDATES);

		Flux.merge(faults.cast(Object.class), exam)
			.thenMany(Flux.fromIterable(candidates).flatMap((candidate) -> submit(candidate, serverErrors)))
			.then()
			.as(StepVerifier::create)
			.expectComplete()
			.verify(Duration.ofMinutes(3));

		assertThat(dropped.get()).as("connections dropped").isPositive();
		assertThat(this.retrying.retries() - retriesBefore).as("operations retried").isPositive();
		assertThat(serverErrors).as("responses 5xx").isEmpty();
		for (Candidate candidate : candidates) {
			Map<String, Object> stored = candidate.api().getJson("/api/v1/attempts/" + candidate.attempt());
			assertThat(stored.get("status")).isEqualTo("GRADED");
			Map<String, Long> storedSeqs = storedSeqs(stored);
			assertThat(storedSeqs).as("answers of " + candidate.attempt()).isEqualTo(candidate.acknowledged());
		}
	}

	private String session(QuestionBankApi trainer) {
		String bank = trainer.officialBankId();
		Map<String, Object> exam = new HashMap<>(Map.of("title", "断线测试考试", "sections",
				List.of(Map.of("title", "判断", "bankIds", List.of(bank), "type", "true_false", "count", 5,
						"scorePerQuestion", 20)),
				"passMark", 60, "timeLimitSeconds", 3600, "maxAttempts", 1, "reviewPolicy", "explanations"));
		String examId = trainer.createExam(exam);
		Instant now = this.clock.instant();
		return trainer.openSession(examId, "断线测试场次", now.minusSeconds(60), now.plus(Duration.ofDays(1)));
	}

	/** Save the next answer, then read the attempt back; record every 5xx. */
	private Mono<Object> saveAndRead(Candidate candidate, int n, ConcurrentLinkedQueue<String> serverErrors) {
		String question = candidate.questions().get(n % candidate.questions().size());
		long seq = n + 1;
		return call(() -> candidate.api()
			.put("/api/v1/attempts/" + candidate.attempt() + "/answers/" + question,
					Map.of("response", List.of((n % 2 == 0) ? "true" : "false"), "seq", seq))
			.expectBody(String.class)
			.returnResult()).doOnNext((result) -> {
				record(result, serverErrors);
				if (result.getStatus().value() == 200) {
					candidate.acknowledged().merge(question, seq, Math::max);
				}
			})
			.then(call(() -> candidate.api()
				.get("/api/v1/attempts/" + candidate.attempt())
				.expectBody(String.class)
				.returnResult()).doOnNext((result) -> record(result, serverErrors)))
			.cast(Object.class);
	}

	private Mono<Object> submit(Candidate candidate, ConcurrentLinkedQueue<String> serverErrors) {
		return call(() -> candidate.api()
			.post("/api/v1/attempts/" + candidate.attempt() + "/submit", Map.of())
			.expectBody(String.class)
			.returnResult()).doOnNext((result) -> {
				record(result, serverErrors);
				assertThat(result.getStatus().value()).isEqualTo(200);
			}).cast(Object.class);
	}

	private static Mono<EntityExchangeResult<String>> call(
			java.util.concurrent.Callable<EntityExchangeResult<String>> request) {
		return Mono.fromCallable(request).subscribeOn(Schedulers.boundedElastic());
	}

	private static void record(EntityExchangeResult<String> result, ConcurrentLinkedQueue<String> serverErrors) {
		if (result.getStatus().is5xxServerError()) {
			serverErrors.add(result.getMethod() + " " + result.getUrl().getPath() + " → " + result.getStatus() + " "
					+ result.getResponseBody());
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> questionIds(Map<String, Object> attempt) {
		return ((List<Map<String, Object>>) attempt.get("questions")).stream()
			.map((question) -> (String) question.get("questionId"))
			.toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Long> storedSeqs(Map<String, Object> attempt) {
		Map<String, Long> seqs = new HashMap<>();
		Object answers = attempt.get("answers");
		((Map<String, Map<String, Object>>) answers)
			.forEach((question, answer) -> seqs.put(question, ((Number) answer.get("seq")).longValue()));
		return seqs;
	}

	private record Candidate(QuestionBankApi api, String attempt, List<String> questions,
			Map<String, Long> acknowledged) {

		Candidate(QuestionBankApi api, String attempt, List<String> questions) {
			this(api, attempt, questions, new ConcurrentHashMap<>());
		}

	}

}
