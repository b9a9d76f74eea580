package academy.cqo.course;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.reporting.persistence.ExamTallyStore;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.Studying;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verified study time: only heartbeats of the one open, visible study tab, arriving at
 * the expected pace, earn time; a client's own number is refused; a module completes
 * exactly when its required time is reached (and its video watched); a session that
 * requires a course admits exactly those who completed it.
 */
@IntegrationTest
class StudyIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	MutableClock clock;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	ExamTallyStore tallies;

	QuestionBankApi trainer;

	Studying candidate;

	String courseId;

	String moduleId;

	@BeforeEach
	void oneMinuteCourse() {
		this.trainer = new QuestionBankApi(this.client, "trainer");
		String[] course = Studying.publishedCourse(this.trainer, 1, 1.5, null);
		this.courseId = course[0];
		this.moduleId = course[1];
		this.candidate = new Studying(QuestionBankApi.newCandidate(this.client), this.clock);
		this.candidate.enrol(this.courseId);
	}

	private long credited() {
		Map<String, Object> progress = this.candidate.api().getJson("/api/v1/courses/" + this.courseId + "/progress");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> modules = (List<Map<String, Object>>) progress.get("modules");
		return ((Number) modules.get(0).get("creditedSeconds")).longValue();
	}

	@Test
	void heartbeatsAtTheIntervalEarnTheTimeTheServerMeasured() {
		String token = this.candidate.open(this.moduleId);
		this.clock.advance(Studying.INTERVAL);
		Map<String, Object> beat = this.candidate.beat(this.moduleId, token);
		assertThat(beat.get("outcome")).isEqualTo("CREDITED");
		assertThat(((Number) beat.get("creditedNow")).longValue()).isBetween(2L, 3L);
		assertThat(credited()).isEqualTo(((Number) beat.get("creditedNow")).longValue());
	}

	@Test
	void aHeartbeatEarlierThanTheMinimumIntervalEarnsNothing() {
		String token = this.candidate.open(this.moduleId);
		Map<String, Object> tooSoon = this.candidate.beat(this.moduleId, token);
		assertThat(tooSoon.get("outcome")).isEqualTo("TOO_EARLY");
		this.clock.advance(Duration.ofMillis(1000));
		assertThat(this.candidate.beat(this.moduleId, token).get("outcome")).isEqualTo("TOO_EARLY");
		assertThat(credited()).isZero();
	}

	@Test
	void aHiddenOrIdleTabEarnsNothingAndItsTimeIsNotCreditedLater() {
		String token = this.candidate.open(this.moduleId);
		this.clock.advance(Studying.INTERVAL);
		Map<String, Object> hidden = this.candidate.beat(this.moduleId, Map.of("token", token, "visible", false));
		assertThat(hidden.get("outcome")).isEqualTo("HIDDEN");
		assertThat(hidden.get("creditedNow")).isEqualTo(0);
		this.clock.advance(Duration.ofMinutes(5));
		Map<String, Object> back = this.candidate.beat(this.moduleId, token);
		assertThat(back.get("outcome")).as("a long gap (hidden, idle, offline) earns nothing").isEqualTo("RESUMED");
		assertThat(credited()).isZero();
		this.clock.advance(Studying.INTERVAL);
		assertThat(this.candidate.beat(this.moduleId, token).get("outcome")).isEqualTo("CREDITED");
		assertThat(credited()).isBetween(2L, 3L);
	}

	@Test
	void onlyTheTabOpenedLastEarnsTime() {
		String first = this.candidate.open(this.moduleId);
		String second = this.candidate.open(this.moduleId);
		this.clock.advance(Studying.INTERVAL);
		Map<String, Object> old = this.candidate.beat(this.moduleId, first);
		assertThat(old.get("outcome")).isEqualTo("SUPERSEDED");
		assertThat(old.get("creditedNow")).isEqualTo(0);
		Map<String, Object> current = this.candidate.beat(this.moduleId, second);
		assertThat(current.get("outcome")).isEqualTo("CREDITED");
		assertThat(credited()).isEqualTo(((Number) current.get("creditedNow")).longValue());
	}

	@Test
	void twoHeartbeatsOfTheSameTabAtOnceCountOnce() {
		String token = this.candidate.open(this.moduleId);
		this.clock.advance(Studying.INTERVAL);
		Flux.range(0, 6)
			.flatMap((i) -> this.client.post()
				.uri("/api/v1/modules/" + this.moduleId + "/heartbeats")
				.headers((headers) -> headers.setBearerAuth(this.candidate.api().token()))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("token", token, "visible", true))
				.exchange()
				.returnResult(QuestionBankApi.JSON)
				.getResponseBody()
				.next()
				.map((body) -> (String) body.get("outcome")))
			.collectList()
			.as(StepVerifier::create)
			.assertNext((outcomes) -> assertThat(outcomes).filteredOn("CREDITED"::equals).hasSize(1))
			.verifyComplete();
		assertThat(credited()).isBetween(2L, 3L);
	}

	@Test
	void aClientSuppliedSecondsValueIsRefusedAndCreditsNothing() {
		String token = this.candidate.open(this.moduleId);
		this.clock.advance(Studying.INTERVAL);
		Map<String, Object> problem = this.candidate.api()
			.post("/api/v1/modules/" + this.moduleId + "/heartbeats",
					Map.of("token", token, "visible", true, "seconds", 3600))
			.expectStatus()
			.isBadRequest()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		Map<String, Object> error = ((List<Map<String, Object>>) problem.get("errors")).get(0);
		assertThat(error).containsEntry("field", "seconds").containsEntry("code", "course.heartbeat.seconds");
		assertThat((String) error.get("message")).contains("seconds");
		assertThat(credited()).isZero();
	}

	@Test
	void aModuleCompletesOnlyWhenItsRequiredTimeIsReachedAndTheCourseCompletionIsPublishedOnce() {
		List<Map<String, Object>> beats = this.candidate.complete(this.moduleId);
		for (Map<String, Object> beat : beats.subList(0, beats.size() - 1)) {
			assertThat(((Number) beat.get("creditedSeconds")).longValue()).isLessThan(60);
			assertThat(beat.get("completed")).isEqualTo(false);
		}
		Map<String, Object> last = beats.get(beats.size() - 1);
		assertThat(((Number) last.get("creditedSeconds")).longValue()).isGreaterThanOrEqualTo(60);
		assertThat(last.get("courseCompleted")).isEqualTo(true);
		assertThat(beats).hasSizeGreaterThanOrEqualTo(20);

		String token = this.candidate.open(this.moduleId);
		this.clock.advance(Studying.INTERVAL);
		assertThat(this.candidate.beat(this.moduleId, token).get("outcome")).isEqualTo("COMPLETED");

		// the reports heard of it: the dashboards count the learner as trained from the
		// moment the course was completed (the learner's county, 360102)
		String accountId = this.mongo
			.findOne(Query.query(Criteria.where("username").is(this.candidate.api().username())),
					org.bson.Document.class, "accounts")
			.map((account) -> String.valueOf(account.get("_id")))
			.block(Duration.ofSeconds(30));
		assertThat(this.tallies.county("360102").block(Duration.ofSeconds(30)).completions())
			.anySatisfy((completion) -> {
				assertThat(completion.accountId()).isEqualTo(accountId);
				assertThat(completion.completedAt()).isBeforeOrEqualTo(this.clock.instant())
					.isAfter(this.clock.instant().minus(Duration.ofMinutes(5)));
			});
	}

	@Test
	void aModuleWithAVideoCompletesOnlyWhenTheVideoWasWatchedAndAJumpToTheEndIsRefused() {
		String[] course = Studying.publishedCourse(this.trainer, 1, 1.0, 20);
		this.candidate.enrol(course[0]);
		String token = this.candidate.open(course[1]);
		this.clock.advance(Studying.INTERVAL);
		Map<String, Object> jump = this.candidate.beat(course[1],
				Map.of("token", token, "visible", true, "videoPosition", 20.0));
		assertThat(jump.get("videoAccepted")).isEqualTo(false);
		assertThat(((Number) jump.get("videoFurthest")).doubleValue()).isZero();
		double position = 0;
		Map<String, Object> beat = jump;
		for (int i = 0; i < 60 && !Boolean.TRUE.equals(beat.get("completed")); i++) {
			this.clock.advance(Studying.INTERVAL);
			boolean timeReached = ((Number) beat.get("creditedSeconds")).longValue() >= 60;
			if (timeReached) {
				assertThat(beat.get("completed")).as("time alone does not complete a module with a video")
					.isEqualTo(false);
				position = Math.min(20, position + 2);
				beat = this.candidate.beat(course[1],
						Map.of("token", token, "visible", true, "videoPosition", position));
				assertThat(beat.get("videoAccepted")).isEqualTo(true);
			}
			else {
				beat = this.candidate.beat(course[1], token);
			}
		}
		assertThat(beat.get("completed")).isEqualTo(true);
		assertThat(((Number) beat.get("videoFurthest")).doubleValue()).isEqualTo(20.0);
	}

	@Test
	void aSessionRequiringTheDemoCourseAdmitsOnlyThoseWhoCompletedIt() {
		Instant now = this.clock.instant();
		String sessionId = this.trainer.createdId("/api/v1/exam-sessions",
				Map.of("examId", "demo-practice-exam", "title", "需先修课程的场次", "opensAt", now.minusSeconds(60).toString(),
						"closesAt", now.plus(Duration.ofDays(2)).toString(), "requiredCourseId", "cqo-foundation"));
		QuestionBankApi notStudied = QuestionBankApi.newCandidate(this.client);
		Map<String, Object> refused = notStudied.post("/api/v1/exam-sessions/" + sessionId + "/attempts", Map.of())
			.expectStatus()
			.isEqualTo(409)
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		assertThat(refused.toString()).contains("exam.session.courseRequired");

		this.candidate.completeCourse("cqo-foundation");
		this.candidate.api()
			.post("/api/v1/exam-sessions/" + sessionId + "/attempts", Map.of())
			.expectStatus()
			.isCreated();
	}

}
