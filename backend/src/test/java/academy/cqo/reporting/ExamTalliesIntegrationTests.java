package academy.cqo.reporting;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import academy.cqo.course.Completions;
import academy.cqo.exam.AttemptResult;
import academy.cqo.reporting.persistence.ExamCountyDocument;
import academy.cqo.reporting.persistence.ExamFiguresDocument;
import academy.cqo.reporting.persistence.ExamTallyStore;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.StoredExams;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exam part of the reporting projection ({@link ExamTallies}: per county its
 * candidates' final results of qualifying exams, and the small copy the dashboards read)
 * stays equal to the records: results told at the same moment are all counted, a result
 * told again counts once and a regraded one replaces it, and the reconciliation finds
 * results nobody told, repairs a damaged copy and writes nothing when nothing differs.
 * Accounts, sessions and attempts are seeded directly where the test needs control.
 */
@IntegrationTest
class ExamTalliesIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	ExamTallies tallies;

	@Autowired
	ExamTallyStore store;

	@Autowired
	java.time.Clock clock;

	@Test
	void resultsToldAtTheSameMomentAreAllCounted() {
		String county = "361025";
		Instant closes = Instant.now().minus(2, ChronoUnit.DAYS);
		List<AttemptResult> results = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			String account = account(county, "race-" + i);
			// the first ten pass, the others fail
			results.add(new AttemptResult("tally-race-s:" + account + ":1", "tally-race-s", closes, account, i < 10,
					(i < 10) ? 80.0 : 40.0, closes.minus(1, ChronoUnit.HOURS)));
		}
		long conflictsBefore = this.tallies.conflicts();
		Flux.fromIterable(results)
			.flatMap((result) -> this.tallies.graded(result).subscribeOn(Schedulers.parallel()), 8)
			.then()
			.block(WAIT);
		ExamTallies.Tally tally = tally(county);
		assertThat(tally.sessions()).singleElement().satisfies((session) -> {
			assertThat(session.sessionId()).isEqualTo("tally-race-s");
			assertThat(session.graded()).isEqualTo(16);
			assertThat(session.passed()).isEqualTo(10);
			assertThat(session.scoreSum()).isEqualTo(10 * 80.0 + 6 * 40.0);
		});
		assertThat(tally.firstPasses()).containsEntry(month(closes), 10L);
		assertThat(this.store.county(county).block(WAIT).results()).hasSize(16);
		System.out.printf("Racing exam tally writes: %d lost a race and were written again%n",
				this.tallies.conflicts() - conflictsBefore);
	}

	@Test
	void aResultToldAgainCountsOnceAndARegradedOneReplacesIt() {
		String county = "361026";
		String account = account(county, "replay");
		Instant closes = Instant.now().minus(3, ChronoUnit.DAYS);
		AttemptResult passed = new AttemptResult("tally-replay-s:" + account + ":1", "tally-replay-s", closes, account,
				true, 75.0, closes.minus(1, ChronoUnit.HOURS));
		this.tallies.graded(passed).block(WAIT);
		long version = this.store.county(county).block(WAIT).version();
		this.tallies.graded(passed).block(WAIT);
		this.tallies.graded(passed).block(WAIT);
		assertThat(this.store.county(county).block(WAIT).version()).isEqualTo(version);
		ExamTallies.Tally once = tally(county);
		assertThat(once.sessions()).singleElement().satisfies((session) -> assertThat(session.graded()).isEqualTo(1));
		assertThat(once.firstPasses()).containsEntry(month(closes), 1L);

		// A regrade turns the pass into a failure: the same attempt, counted once,
		// failed.
		this.tallies
			.graded(new AttemptResult(passed.attemptId(), passed.sessionId(), closes, account, false, 55.0,
					passed.startedAt()))
			.block(WAIT);
		ExamTallies.Tally regraded = tally(county);
		assertThat(regraded.sessions()).singleElement().satisfies((session) -> {
			assertThat(session.graded()).isEqualTo(1);
			assertThat(session.passed()).isZero();
			assertThat(session.scoreSum()).isEqualTo(55.0);
		});
		assertThat(regraded.firstPasses()).isEmpty();

		// A candidate without a region, or unknown, changes nothing.
		this.tallies
			.graded(new AttemptResult("tally-replay-s:nobody:1", "tally-replay-s", closes, "acct-nobody-361026", true,
					90.0, closes))
			.block(WAIT);
		assertThat(tally(county).sessions().get(0).graded()).isEqualTo(1);
	}

	@Test
	void theReconciliationFindsUntoldResultsAndRepairsADamagedCopy() {
		String county = "361027";
		String exam = "tally-rec-exam";
		qualifyingExam(exam);
		// Seven sessions: the copy keeps the six most recently closing.
		List<Instant> closes = new ArrayList<>();
		for (int s = 0; s < 7; s++) {
			Instant at = Instant.now().minus(10 + s, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
			closes.add(at);
			session("tally-rec-s" + s, exam, at);
		}
		String a = account(county, "rec-a");
		String b = account(county, "rec-b");
		// a fails in the oldest session and passes in the newest; b passes in session 3
		attempt("tally-rec-s6", a, closes.get(6), false, 30.0);
		attempt("tally-rec-s0", a, closes.get(0), true, 90.0);
		attempt("tally-rec-s3", b, closes.get(3), true, 70.0);
		for (int s = 1; s < 6; s++) {
			if (s != 3) {
				attempt("tally-rec-s" + s, account(county, "rec-" + s), closes.get(s), false, 50.0);
			}
		}
		assertThat(tally(county).sessions()).isEmpty();

		assertThat(this.tallies.reconcile().block(WAIT)).isPositive();
		ExamTallies.Tally built = tally(county);
		assertThat(built.sessions()).extracting(SessionTally::sessionId)
			.containsExactly("tally-rec-s0", "tally-rec-s1", "tally-rec-s2", "tally-rec-s3", "tally-rec-s4",
					"tally-rec-s5");
		assertThat(built.sessions().get(0).passed()).isEqualTo(1);
		assertThat(built.sessions().get(3).scoreSum()).isEqualTo(70.0);
		long firstPasses = built.firstPasses().values().stream().mapToLong(Long::longValue).sum();
		assertThat(firstPasses).isEqualTo(2);
		// a's first pass is the newest session's (its failure does not count), b's
		// session 3
		assertThat(built.firstPasses()).containsKeys(month(closes.get(0).minus(1, ChronoUnit.HOURS)),
				month(closes.get(3).minus(1, ChronoUnit.HOURS)));

		// The copy damaged: the dashboard would show it until the next run repairs it.
		Query byId = Query.query(Criteria.where("_id").is(county));
		this.mongo.updateFirst(byId, new Update().set("sessions", List.of()), ExamFiguresDocument.class).block(WAIT);
		assertThat(tally(county).sessions()).isEmpty();
		this.tallies.reconcile().block(WAIT);
		assertThat(tally(county).sessions()).hasSize(6);

		// Nothing differs: nothing written.
		long version = this.store.county(county).block(WAIT).version();
		this.tallies.reconcile().block(WAIT);
		assertThat(this.store.county(county).block(WAIT).version()).isEqualTo(version);

		// A result removed from the records (the attempt deleted) leaves the county too.
		this.mongo.remove(Query.query(Criteria.where("_id").is("tally-rec-s3:" + b + ":1")), "attempts").block(WAIT);
		this.tallies.reconcile().block(WAIT);
		ExamCountyDocument after = this.store.county(county).block(WAIT);
		assertThat(after.results()).noneMatch((result) -> result.accountId().equals(b));
		assertThat(tally(county).sessions()).extracting(SessionTally::sessionId).doesNotContain("tally-rec-s3");
	}

	@Test
	void aCourseCompletionCountsAsTrainedOnceInTheMonthOfTheEarlierOfItAndTheFirstPass() {
		String county = "361029";
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Instant early = now.minus(70, ChronoUnit.DAYS);
		Instant late = now.minus(5, ChronoUnit.DAYS);
		String completedFirst = account(county, "course-first");
		String passedFirst = account(county, "pass-first");

		// a completed the course 70 days ago: trained then, no pass
		completion("tally-course-a", completedFirst, early);
		this.tallies.completed(completedFirst).block(WAIT);
		ExamTallies.Tally one = tally(county);
		assertThat(one.trained()).containsExactly(java.util.Map.entry(month(early), 1L));
		assertThat(one.firstPasses()).isEmpty();

		// told again (another module of the course completed): nothing written
		long version = this.store.county(county).block(WAIT).version();
		this.tallies.completed(completedFirst).block(WAIT);
		assertThat(this.store.county(county).block(WAIT).version()).isEqualTo(version);

		// a later pass by a does not move a's training; b passed 70 days ago and
		// completes a course now: b counts in the month of the pass (passes start an
		// hour before their session closes)
		qualifyingExam("tally-course-exam");
		session("tally-course-s", "tally-course-exam", late);
		session("tally-course-s0", "tally-course-exam", early);
		attempt("tally-course-s", completedFirst, late, true, 80.0);
		attempt("tally-course-s0", passedFirst, early, true, 70.0);
		this.tallies
			.graded(new AttemptResult("tally-course-s:" + completedFirst + ":1", "tally-course-s", late, completedFirst,
					true, 80.0, late.minus(1, ChronoUnit.HOURS)))
			.block(WAIT);
		this.tallies
			.graded(new AttemptResult("tally-course-s0:" + passedFirst + ":1", "tally-course-s0", early, passedFirst,
					true, 70.0, early.minus(1, ChronoUnit.HOURS)))
			.block(WAIT);
		completion("tally-course-a", passedFirst, late);
		this.tallies.completed(passedFirst).block(WAIT);
		ExamTallies.Tally both = tally(county);
		assertThat(both.trained()).containsExactly(java.util.Map.entry(month(early.minus(1, ChronoUnit.HOURS)), 2L));
		assertThat(both.firstPasses()).containsEntry(month(late.minus(1, ChronoUnit.HOURS)), 1L)
			.containsEntry(month(early.minus(1, ChronoUnit.HOURS)), 1L);
		assertThat(this.store.county(county).block(WAIT).completions()).extracting(Completions.Completed::accountId)
			.containsExactly(completedFirst, passedFirst);

		// eight completions told at the same moment are all counted
		List<String> racers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String racer = account(county, "course-race-" + i);
			completion("tally-course-a", racer, late);
			racers.add(racer);
		}
		Flux.fromIterable(racers)
			.flatMap((racer) -> this.tallies.completed(racer).subscribeOn(Schedulers.parallel()), 8)
			.then()
			.block(WAIT);
		assertThat(tally(county).trained()).containsEntry(month(early.minus(1, ChronoUnit.HOURS)), 2L)
			.containsEntry(month(late), 8L);

		// a completion nobody told, and a county that lost its completions: the
		// reconciliation finds both from the records
		String untold = account(county, "course-untold");
		completion("tally-course-b", untold, late);
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(county)), new Update().set("completions", List.of()),
					ExamCountyDocument.class)
			.block(WAIT);
		this.tallies.reconcile().block(WAIT);
		assertThat(tally(county).trained()).containsEntry(month(early.minus(1, ChronoUnit.HOURS)), 2L)
			.containsEntry(month(late), 9L);
		assertThat(this.store.county(county).block(WAIT).completions()).hasSize(11);
		long reconciled = this.store.county(county).block(WAIT).version();
		this.tallies.reconcile().block(WAIT);
		assertThat(this.store.county(county).block(WAIT).version()).isEqualTo(reconciled);

		// The county document lost, then an event: it starts again from that one event
		// (behind its copy's version); the reconciliation rewrites it from the records.
		this.mongo.remove(Query.query(Criteria.where("_id").is(county)), ExamCountyDocument.class).block(WAIT);
		String afterLoss = account(county, "course-after-loss");
		completion("tally-course-a", afterLoss, late);
		this.tallies.completed(afterLoss).block(WAIT);
		assertThat(this.store.county(county).block(WAIT).completions()).hasSize(1);
		this.tallies.reconcile().block(WAIT);
		ExamCountyDocument rewritten = this.store.county(county).block(WAIT);
		assertThat(rewritten.completions()).hasSize(12);
		assertThat(rewritten.results()).hasSize(2);
		assertThat(tally(county).trained()).containsEntry(month(early.minus(1, ChronoUnit.HOURS)), 2L)
			.containsEntry(month(late), 10L);
	}

	private void qualifyingExam(String exam) {
		this.mongo
			.insert(new Document("_id", exam).append("definition", StoredExams.qualifyingDefinition("对账考试")), "exams")
			.block(WAIT);
	}

	private void session(String id, String exam, Instant closes) {
		this.mongo
			.insert(new Document("_id", id).append("examId", exam)
				.append("title", id)
				.append("opensAt", Date.from(closes.minus(1, ChronoUnit.DAYS)))
				.append("closesAt", Date.from(closes)), "exam_sessions")
			.block(WAIT);
	}

	/** A completed course enrolment, as the course module stores it. */
	private void completion(String course, String account, Instant at) {
		this.mongo
			.insert(new Document("_id", course + ":" + account).append("courseId", course)
				.append("accountId", account)
				.append("username", account)
				.append("enrolledAt", Date.from(at.minus(3, ChronoUnit.DAYS)))
				.append("completedAt", Date.from(at)), "course_enrolments")
			.block(WAIT);
	}

	private ExamTallies.Tally tally(String county) {
		Optional<ExamTallies.Tally> tally = this.tallies.of(county).block(WAIT);
		assertThat(tally).isPresent();
		return tally.get();
	}

	private YearMonth month(Instant at) {
		return YearMonth.from(at.atZone(ZoneId.of(this.clock.getZone().getId())));
	}

	private String account(String county, String name) {
		String id = "acct-tally-" + county + "-" + name;
		this.mongo
			.insert(new Document("_id", id).append("username", "tally-" + county + "-" + name)
				.append("passwordHash", "{noop}-")
				.append("roles", List.of("CANDIDATE"))
				.append("fullName", "计数" + name)
				.append("idNumberHash", "tally-h-" + id)
				.append("regionCode", county)
				.append("failedLogins", 0)
				.append("createdAt", new Date()), "accounts")
			.block(WAIT);
		return id;
	}

	private void attempt(String session, String account, Instant closes, boolean passed, double score) {
		this.mongo
			.insert(new Document("_id", session + ":" + account + ":1").append("sessionId", session)
				.append("examId", "tally-rec-exam")
				.append("accountId", account)
				.append("username", account)
				.append("number", 1)
				.append("status", "GRADED")
				.append("startedAt", Date.from(closes.minus(1, ChronoUnit.HOURS)))
				.append("score", score)
				.append("maxScore", 100.0)
				.append("passed", passed)
				.append("gradedAt", Date.from(closes))
				.append("outcomePublished", true), "attempts")
			.block(WAIT);
	}

}
