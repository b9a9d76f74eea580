package academy.cqo.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.Eventually;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.RecordedPasses;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attempts through the API: the paper never carries keys, two starts give one attempt,
 * saves are idempotent and ordered by sequence number, nothing is accepted after the
 * deadline and grace period, the server submits overdue attempts with every acknowledged
 * answer, a candidate reaches only their own attempts, and a pass is published once.
 */
@IntegrationTest
class AttemptIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	MutableClock clock;

	@Autowired
	AttemptSweep sweep;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	RecordedPasses passes;

	QuestionBankApi candidate() {
		return new QuestionBankApi(this.client, "candidate");
	}

	QuestionBankApi trainer() {
		return new QuestionBankApi(this.client, "trainer");
	}

	/**
	 * A fresh candidate registered for one test, so attempts of other tests do not count.
	 */
	QuestionBankApi freshCandidate() {
		return QuestionBankApi.newCandidate(this.client);
	}

	/** A session of a one-minute exam of 4 true/false and 2 single-choice questions. */
	String shortSession(QuestionBankApi trainer, Map<String, Object> overrides) {
		String bank = trainer.officialBankId();
		Map<String, Object> exam = new HashMap<>(Map.of("title", "计时测试考试", "sections", List.of(
				Map.of("title", "判断", "bankIds", List.of(bank), "type", "true_false", "count", 4, "scorePerQuestion",
						10),
				Map.of("title", "单选", "bankIds", List.of(bank), "type", "single", "count", 2, "scorePerQuestion", 30)),
				"passMark", 60, "timeLimitSeconds", 60, "maxAttempts", 2, "reviewPolicy", "explanations"));
		exam.putAll(overrides);
		String examId = trainer.createExam(exam);
		Instant now = this.clock.instant();
		return trainer.openSession(examId, "测试场次", now.minusSeconds(60), now.plus(Duration.ofDays(1)));
	}

	Map<String, Object> start(QuestionBankApi candidate, String session, int status) {
		return candidate.post("/api/v1/exam-sessions/" + session + "/attempts", Map.of())
			.expectStatus()
			.isEqualTo(status)
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
	}

	/** From the server's time in a start's answer to its deadline. */
	static Duration timeLeft(Map<String, Object> attempt) {
		return Duration.between(Instant.parse((String) attempt.get("serverTime")),
				Instant.parse((String) attempt.get("deadline")));
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> questions(Map<String, Object> attempt) {
		return (List<Map<String, Object>>) attempt.get("questions");
	}

	WebTestClient.ResponseSpec save(QuestionBankApi candidate, String attempt, String question, List<String> response,
			long seq) {
		return candidate.put("/api/v1/attempts/" + attempt + "/answers/" + question,
				Map.of("response", response, "seq", seq));
	}

	/** The answer key of a question, read by a trainer. */
	List<String> keyOf(String questionId) {
		return trainer().keyOf(questionId);
	}

	@Nested
	class Sessions {

		@Test
		void whenACandidateListsOpenSessionsThenTheDemoPracticeExamIsThere() {
			candidate().get("/api/v1/exam-sessions?open=true")
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[?(@.id == 'demo-practice-session')].questionCount")
				.isEqualTo(20)
				.jsonPath("$[?(@.id == 'demo-practice-session')].timeLimitSeconds")
				.isEqualTo(1800)
				.jsonPath("$[?(@.id == 'demo-practice-session')].qualifying")
				.isEqualTo(false);
		}

		@Test
		void whenABlueprintAsksForMoreThanTheBanksHoldThenRefusedNamingTheSection() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.officialBankId();
			trainer
				.post("/api/v1/exams",
						Map.of("title", "过大的考试", "sections",
								List.of(Map.of("title", "判断", "bankIds", List.of(bank), "type", "true_false", "count",
										400, "scorePerQuestion", 1)),
								"passMark", 60, "timeLimitSeconds", 600))
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("sections[0].count")
				.jsonPath("$.errors[0].code")
				.isEqualTo("exam.section.notEnough");
			trainer
				.post("/api/v1/exams/section-counts",
						Map.of("sections", List.of(Map.of("bankIds", List.of(bank), "type", "essay", "count", 5))))
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$[0].available")
				.value((Integer available) -> assertThat(available).isGreaterThanOrEqualTo(30));
		}

	}

	@Nested
	class Starting {

		@Test
		void whenStartedThenThePaperHasNoKeysAndStartingAgainGivesTheSameAttempt() {
			QuestionBankApi candidate = freshCandidate();
			Map<String, Object> attempt = start(candidate, "demo-practice-session", 201);

			assertThat(questions(attempt)).hasSize(20);
			assertThat(questions(attempt)).allSatisfy((question) -> assertThat(question)
				.containsKeys("questionId", "version", "type", "stem", "options", "score")
				.doesNotContainKeys("answer", "key", "explanation", "blanks_key"));
			assertThat(questions(attempt)).extracting((q) -> q.get("type"))
				.containsOnly("single", "multiple", "true_false");
			Instant deadline = Instant.parse((String) attempt.get("deadline"));
			Instant serverTime = Instant.parse((String) attempt.get("serverTime"));
			assertThat(Duration.between(serverTime, deadline)).isBetween(Duration.ofMinutes(30).minusSeconds(5),
					Duration.ofMinutes(30));

			Map<String, Object> again = start(candidate, "demo-practice-session", 200);
			assertThat(again.get("id")).isEqualTo(attempt.get("id"));
			assertThat(questions(again)).extracting((q) -> q.get("questionId"))
				.isEqualTo(questions(attempt).stream().map((q) -> q.get("questionId")).toList());
		}

		@Test
		void whenTwoStartsArriveAtOnceThenOneAttemptExists() {
			QuestionBankApi candidate = freshCandidate();
			Mono<List<String>> starts = Flux.range(0, 4)
				.flatMap((i) -> Mono
					.fromCallable(() -> (String) candidate
						.post("/api/v1/exam-sessions/demo-practice-session/attempts", Map.of())
						.expectBody(QuestionBankApi.JSON)
						.returnResult()
						.getResponseBody()
						.get("id"))
					.subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 4)
				.collectList();
			StepVerifier.create(starts)
				.assertNext((ids) -> assertThat(ids).hasSize(4).containsOnly(ids.get(0)))
				.verifyComplete();
		}

		@Test
		void whenTheExamOrItsSessionChangesThenTheNextStartFollowsTheChangeAtOnce() {
			QuestionBankApi trainer = trainer();
			String bank = trainer.officialBankId();
			Map<String, Object> exam = new HashMap<>(Map.of(
					"title", "改动后的考试", "sections", List.of(Map.of("title", "判断", "bankIds", List.of(bank), "type",
							"true_false", "count", 4, "scorePerQuestion", 25)),
					"passMark", 60, "timeLimitSeconds", 600, "maxAttempts", 1));
			String examId = trainer.createExam(exam);
			Instant now = AttemptIntegrationTests.this.clock.instant();
			String session = trainer.openSession(examId, "改动场次", now.minusSeconds(60), now.plus(Duration.ofDays(1)));
			assertThat(timeLeft(start(freshCandidate(), session, 201))).isBetween(Duration.ofSeconds(590),
					Duration.ofSeconds(600));

			exam.put("timeLimitSeconds", 1200);
			trainer.put("/api/v1/exams/" + examId, exam).expectStatus().isOk();
			assertThat(timeLeft(start(freshCandidate(), session, 201))).isBetween(Duration.ofSeconds(1190),
					Duration.ofSeconds(1200));

			Instant closes = AttemptIntegrationTests.this.clock.instant()
				.plusSeconds(300)
				.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
			trainer
				.put("/api/v1/exam-sessions/" + session,
						Map.of("examId", examId, "title", "改动场次", "opensAt", now.minusSeconds(60).toString(),
								"closesAt", closes.toString()))
				.expectStatus()
				.isOk();
			Map<String, Object> third = start(freshCandidate(), session, 201);
			assertThat(Instant.parse((String) third.get("deadline"))).isEqualTo(closes);

			trainer
				.put("/api/v1/exam-sessions/" + session,
						Map.of("examId", examId, "title", "改动场次", "opensAt", now.minusSeconds(60).toString(),
								"closesAt", AttemptIntegrationTests.this.clock.instant().minusSeconds(1).toString()))
				.expectStatus()
				.isOk();
			freshCandidate().post("/api/v1/exam-sessions/" + session + "/attempts", Map.of())
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.errors[0].code")
				.isEqualTo("exam.session.closed");
		}

		@Test
		void whenTheFirstAttemptIsSubmittedThenTheNextStartGivesTheSecondAndRepeatsGiveIt() {
			String session = shortSession(trainer(), Map.of("coolingOffSeconds", 0));
			QuestionBankApi candidate = freshCandidate();
			String first = (String) start(candidate, session, 201).get("id");
			assertThat(first).endsWith(":1");
			candidate.post("/api/v1/attempts/" + first + "/submit", Map.of()).expectStatus().isOk();

			String second = (String) start(candidate, session, 201).get("id");
			assertThat(second).endsWith(":2");
			assertThat(start(candidate, session, 200).get("id")).isEqualTo(second);
		}

		@Test
		void whenAnotherCandidateReachesForTheAttemptThenNotFound() {
			QuestionBankApi owner = freshCandidate();
			Map<String, Object> attempt = start(owner, "demo-practice-session", 201);
			String question = (String) questions(attempt).get(0).get("questionId");
			QuestionBankApi other = freshCandidate();

			other.get("/api/v1/attempts/" + attempt.get("id")).expectStatus().isNotFound();
			save(other, (String) attempt.get("id"), question, List.of("a"), 1).expectStatus().isNotFound();
			other.post("/api/v1/attempts/" + attempt.get("id") + "/submit", Map.of()).expectStatus().isNotFound();
			owner.get("/api/v1/attempts/" + attempt.get("id")).expectStatus().isOk();
		}

	}

	@Nested
	class Saving {

		@Test
		void whenSavesArriveOutOfOrderThenTheNewestAnswerStays() {
			QuestionBankApi candidate = freshCandidate();
			Map<String, Object> attempt = start(candidate, "demo-practice-session", 201);
			String id = (String) attempt.get("id");
			Map<String, Object> question = questions(attempt).stream()
				.filter((q) -> "true_false".equals(q.get("type")))
				.findFirst()
				.orElseThrow();
			String questionId = (String) question.get("questionId");

			save(candidate, id, questionId, List.of("true"), 2).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.seq")
				.isEqualTo(2);
			save(candidate, id, questionId, List.of("false"), 1).expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.seq")
				.isEqualTo(2);
			save(candidate, id, questionId, List.of("true"), 2).expectStatus().isOk();

			candidate.get("/api/v1/attempts/" + id)
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.answers['" + questionId + "'].response[0]")
				.isEqualTo("true")
				.jsonPath("$.answers['" + questionId + "'].seq")
				.isEqualTo(2);
		}

		@Test
		void whenAnAnswerDoesNotFitTheQuestionThenRefused() {
			QuestionBankApi candidate = freshCandidate();
			Map<String, Object> attempt = start(candidate, "demo-practice-session", 201);
			Map<String, Object> single = questions(attempt).stream()
				.filter((q) -> "single".equals(q.get("type")))
				.findFirst()
				.orElseThrow();
			save(candidate, (String) attempt.get("id"), (String) single.get("questionId"), List.of("a", "b"), 1)
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("response");
			save(candidate, (String) attempt.get("id"), (String) single.get("questionId"), List.of("z"), 1)
				.expectStatus()
				.isBadRequest();
		}

	}

	@Nested
	class Deadlines {

		@Test
		void whenTheDeadlinePassesThenSavesInTheGraceAreKeptLaterOnesRefusedAndTheServerSubmits() {
			QuestionBankApi trainer = trainer();
			String session = shortSession(trainer, Map.of());
			QuestionBankApi candidate = freshCandidate();
			Map<String, Object> attempt = start(candidate, session, 201);
			String id = (String) attempt.get("id");
			List<Map<String, Object>> paper = questions(attempt);
			String first = (String) paper.get(0).get("questionId");
			String second = (String) paper.get(1).get("questionId");
			save(candidate, id, first, keyOf(first), 1).expectStatus().isOk();

			AttemptIntegrationTests.this.clock.advance(Duration.ofSeconds(75));
			save(candidate, id, second, keyOf(second), 1).expectStatus().isOk();

			AttemptIntegrationTests.this.clock.advance(Duration.ofSeconds(20));
			save(candidate, id, first, List.of(flip(keyOf(first))), 2).expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.errors[0].code")
				.isEqualTo("exam.attempt.closed");

			// This call or the scheduled sweep (which may run first) submits it; either
			// way the
			// server, not the candidate, submits with the answers acknowledged in time.
			StepVerifier.create(AttemptIntegrationTests.this.sweep.finishOverdue()).expectNextCount(1).verifyComplete();
			Eventually.await("the server submitting the attempt", Duration.ofSeconds(20),
					() -> "GRADED".equals(candidate.getJson("/api/v1/attempts/" + id).get("status")));

			Map<String, Object> submitted = candidate.getJson("/api/v1/attempts/" + id);
			assertThat(submitted.get("status")).isEqualTo("GRADED");
			@SuppressWarnings("unchecked")
			Map<String, Object> result = (Map<String, Object>) submitted.get("result");
			assertThat(result.get("score")).isEqualTo(20.0);
			assertThat(result.get("passed")).isEqualTo(false);
			candidate.post("/api/v1/attempts/" + id + "/submit", Map.of())
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.score")
				.isEqualTo(20.0);
		}

		@Test
		void whenNobodyIsWatchingThenTheScheduledSweepSubmitsTheOverdueAttempt() {
			QuestionBankApi candidate = freshCandidate();
			String id = (String) start(candidate, shortSession(trainer(), Map.of()), 201).get("id");

			AttemptIntegrationTests.this.clock.advance(Duration.ofSeconds(95));

			Eventually.await("the sweep submitting the attempt", Duration.ofSeconds(20),
					() -> "GRADED".equals(candidate.getJson("/api/v1/attempts/" + id).get("status")));
		}

		@Test
		void theFrequentSweepLooksOnlyAtRecentSessionsAndTheHourlyPassAtEveryAttempt() {
			QuestionBankApi candidate = freshCandidate();
			String session = shortSession(trainer(), Map.of());
			String id = (String) start(candidate, session, 201).get("id");
			// The session closed two days ago with the attempt still running, as after a
			// long outage: the deadline never falls after the session's close.
			Instant longAgo = AttemptIntegrationTests.this.clock.instant().minus(Duration.ofDays(2));
			ReactiveMongoTemplate mongo = AttemptIntegrationTests.this.mongo;
			mongo.updateFirst(Query.query(Criteria.where("_id").is(session)),
					new Update().set("opensAt", Date.from(longAgo.minus(Duration.ofDays(1))))
						.set("closesAt", Date.from(longAgo)),
					"exam_sessions")
				.block(Duration.ofSeconds(30));
			mongo
				.updateFirst(Query.query(Criteria.where("_id").is(id)),
						new Update().set("deadline", Date.from(longAgo)), "attempts")
				.block(Duration.ofSeconds(30));

			// The frequent sweep does not look at sessions closed that long ago...
			StepVerifier.create(AttemptIntegrationTests.this.sweep.finishOverdueOfRecentSessions())
				.expectNextCount(1)
				.verifyComplete();
			assertThat(status(id)).isEqualTo("IN_PROGRESS");
			// ...the full pass (at start-up and hourly) does, and submits and grades it.
			StepVerifier.create(AttemptIntegrationTests.this.sweep.finishOverdue())
				.assertNext((submitted) -> assertThat(submitted).isPositive())
				.verifyComplete();
			assertThat(status(id)).isEqualTo("GRADED");
		}

		private String status(String attemptId) {
			return AttemptIntegrationTests.this.mongo.findById(attemptId, org.bson.Document.class, "attempts")
				.map((attempt) -> attempt.getString("status"))
				.block(Duration.ofSeconds(30));
		}

		@Test
		void whenACandidateHasExtraTimeThenTheirDeadlineIsLater() {
			QuestionBankApi trainer = trainer();
			String session = shortSession(trainer, Map.of());
			QuestionBankApi candidate = freshCandidate();
			String username = (String) candidate.getJson("/api/v1/me").get("username");
			trainer
				.put("/api/v1/exam-sessions/" + session + "/adjustments",
						Map.of("username", username, "extraTimeSeconds", 120, "extraAttempts", 0))
				.expectStatus()
				.isOk();
			Map<String, Object> attempt = start(candidate, session, 201);
			assertThat(Duration.between(Instant.parse((String) attempt.get("serverTime")),
					Instant.parse((String) attempt.get("deadline"))))
				.isBetween(Duration.ofSeconds(175), Duration.ofSeconds(180));
		}

	}

	@Nested
	class Submitting {

		@Test
		void whenAllIsAnsweredRightAndSubmittedTwiceAtOnceThenOneResultAndOnePass() {
			QuestionBankApi trainer = trainer();
			String session = shortSession(trainer, Map.of());
			QuestionBankApi candidate = freshCandidate();
			Map<String, Object> attempt = start(candidate, session, 201);
			String id = (String) attempt.get("id");
			long seq = 1;
			for (Map<String, Object> question : questions(attempt)) {
				String questionId = (String) question.get("questionId");
				save(candidate, id, questionId, keyOf(questionId), seq++).expectStatus().isOk();
			}

			Mono<List<Map<String, Object>>> submits = Flux.range(0, 3)
				.flatMap((i) -> Mono
					.fromCallable(() -> candidate.post("/api/v1/attempts/" + id + "/submit", Map.of())
						.expectStatus()
						.isOk()
						.expectBody(QuestionBankApi.JSON)
						.returnResult()
						.getResponseBody())
					.subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 3)
				.collectList();

			StepVerifier.create(submits)
				.assertNext((outcomes) -> assertThat(outcomes).hasSize(3)
					.allSatisfy((outcome) -> assertThat(outcome).containsEntry("status", "GRADED")
						.containsEntry("score", 100.0)
						.containsEntry("maxScore", 100.0)
						.containsEntry("passed", true)))
				.verifyComplete();
			assertThat(AttemptIntegrationTests.this.passes.of(id)).hasSize(1);
			save(candidate, id, (String) questions(attempt).get(0).get("questionId"), List.of("true"), 99)
				.expectStatus()
				.isEqualTo(409);

			Map<String, Object> read = candidate.getJson("/api/v1/attempts/" + id);
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> review = (List<Map<String, Object>>) ((Map<String, Object>) read.get("result"))
				.get("questions");
			assertThat(review).hasSize(6).allSatisfy((q) -> assertThat(q.get("correct")).isEqualTo(true));
			assertThat(review).allSatisfy((q) -> assertThat(q.get("explanation")).isNotNull());
		}

		@Test
		void whenTheCandidateLeavesThePageTooOftenThenTheAttemptIsSubmittedAndTheLogKeepsIt() {
			QuestionBankApi trainer = trainer();
			String session = shortSession(trainer, Map.of("maxFocusLosses", 2));
			QuestionBankApi candidate = freshCandidate();
			String id = (String) start(candidate, session, 201).get("id");

			candidate.post("/api/v1/attempts/" + id + "/events", Map.of("type", "FOCUS_LOST"))
				.expectStatus()
				.isAccepted()
				.expectBody()
				.jsonPath("$.focusLosses")
				.isEqualTo(1)
				.jsonPath("$.submitted")
				.isEqualTo(false);
			candidate.post("/api/v1/attempts/" + id + "/events", Map.of("type", "COPY")).expectStatus().isAccepted();
			candidate.post("/api/v1/attempts/" + id + "/events", Map.of("type", "FOCUS_LOST"))
				.expectStatus()
				.isAccepted()
				.expectBody()
				.jsonPath("$.submitted")
				.isEqualTo(true);
			candidate.post("/api/v1/attempts/" + id + "/events", Map.of("type", "HACKED"))
				.expectStatus()
				.isBadRequest();

			assertThat(candidate.getJson("/api/v1/attempts/" + id).get("status")).isEqualTo("GRADED");
		}

		@Test
		void whenTheAttemptsAreUsedUpThenNoMoreStart() {
			QuestionBankApi trainer = trainer();
			String session = shortSession(trainer, Map.of("maxAttempts", 1));
			QuestionBankApi candidate = freshCandidate();
			Map<String, Object> attempt = start(candidate, session, 201);
			candidate.post("/api/v1/attempts/" + attempt.get("id") + "/submit", Map.of()).expectStatus().isOk();
			candidate.post("/api/v1/exam-sessions/" + session + "/attempts", Map.of())
				.expectStatus()
				.isEqualTo(409)
				.expectBody()
				.jsonPath("$.errors[0].code")
				.isEqualTo("exam.attempts.used");
		}

	}

	static String flip(List<String> key) {
		return "true".equals(key.get(0)) ? "false" : "true";
	}

}
