package academy.cqo.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import academy.cqo.exam.AttemptSweep.NextLooks;
import academy.cqo.exam.persistence.SessionDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the frequent deadline sweep looks at a recent session's attempts again: never
 * later than the first moment one of them may need something it can know of, never more
 * than a minute apart, and at once after a look that failed.
 */
class AttemptSweepNextLooksTests {

	private static final Duration GRACE = Duration.ofSeconds(30);

	private static final Duration UNPUBLISHED_AFTER = Duration.ofMinutes(1);

	private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

	private final NextLooks looks = new NextLooks();

	@Test
	void aSessionNeverLookedAtIsDueAndAfterAQuietLookAMinuteLater() {
		SessionDocument session = session("s1", NOW.plus(Duration.ofHours(3)));
		assertThat(this.looks.isDue("s1", NOW)).isTrue();

		this.looks.pass(List.of(session), NOW, GRACE).done();

		assertThat(this.looks.isDue("s1", NOW)).isFalse();
		assertThat(this.looks.isDue("s1", NOW.plusSeconds(59))).isFalse();
		assertThat(this.looks.isDue("s1", NOW.plusSeconds(60))).isTrue();
	}

	@Test
	void aRunningAttemptMakesItsSessionDueWhenItsDeadlineAndGraceHavePassed() {
		SessionDocument session = session("s1", NOW.plus(Duration.ofHours(3)));
		NextLooks.Pass pass = this.looks.pass(List.of(session), NOW, GRACE);
		pass.saw(attempt("s1:a1:1", "IN_PROGRESS").append("deadline", Date.from(NOW.plusSeconds(20))), GRACE,
				UNPUBLISHED_AFTER);
		pass.saw(attempt("s1:a2:1", "IN_PROGRESS").append("deadline", Date.from(NOW.plusSeconds(5))), GRACE,
				UNPUBLISHED_AFTER);
		// overdue now: this look submits it, it sets no later look
		pass.saw(attempt("s1:a3:1", "IN_PROGRESS").append("deadline", Date.from(NOW.minusSeconds(40))), GRACE,
				UNPUBLISHED_AFTER);
		pass.saw(attempt("s1:a4:1", "GRADED").append("passed", false), GRACE, UNPUBLISHED_AFTER);
		pass.done();

		assertThat(this.looks.isDue("s1", NOW.plusSeconds(34))).isFalse();
		assertThat(this.looks.isDue("s1", NOW.plusSeconds(35))).isTrue();
	}

	@Test
	void anUnpublishedPassMakesItsSessionDueWhenItIsAMinuteOld() {
		SessionDocument session = session("s1", NOW.plus(Duration.ofHours(3)));
		NextLooks.Pass pass = this.looks.pass(List.of(session), NOW, GRACE);
		pass.saw(attempt("s1:a1:1", "GRADED").append("passed", true)
			.append("outcomePublished", false)
			.append("gradedAt", Date.from(NOW.minusSeconds(45))), GRACE, UNPUBLISHED_AFTER);
		pass.done();

		assertThat(this.looks.isDue("s1", NOW.plusSeconds(14))).isFalse();
		assertThat(this.looks.isDue("s1", NOW.plusSeconds(15))).isTrue();
	}

	@Test
	void aSessionClosingSoonIsDueAtItsCloseAndGraceForAttemptsStartedLate() {
		SessionDocument closing = session("s1", NOW.plusSeconds(10));
		SessionDocument closed = session("s2", NOW.minus(Duration.ofHours(2)));
		this.looks.pass(List.of(closing, closed), NOW, GRACE).done();

		assertThat(this.looks.isDue("s1", NOW.plusSeconds(39))).isFalse();
		assertThat(this.looks.isDue("s1", NOW.plusSeconds(40))).isTrue();
		assertThat(this.looks.isDue("s2", NOW.plusSeconds(59))).isFalse();
		assertThat(this.looks.isDue("s2", NOW.plusSeconds(60))).isTrue();
	}

	@Test
	void aLookThatDidNotFinishChangesNothingAndEachSessionKeepsItsOwnTime() {
		SessionDocument first = session("s1", NOW.plus(Duration.ofHours(3)));
		SessionDocument second = session("s2", NOW.plus(Duration.ofHours(3)));
		this.looks.pass(List.of(first), NOW, GRACE).done();
		// a later look at the second failed half-way
		NextLooks.Pass failed = this.looks.pass(List.of(second), NOW.plusSeconds(10), GRACE);
		failed.saw(attempt("s2:a1:1", "GRADED"), GRACE, UNPUBLISHED_AFTER);

		assertThat(this.looks.isDue("s2", NOW.plusSeconds(15))).isTrue();
		assertThat(this.looks.isDue("s1", NOW.plusSeconds(15))).isFalse();
	}

	@Test
	void aClockSetBackOrASessionNoLongerRecentMakesItDue() {
		SessionDocument session = session("s1", NOW.plus(Duration.ofHours(3)));
		this.looks.pass(List.of(session), NOW, GRACE).done();
		assertThat(this.looks.isDue("s1", NOW.minus(Duration.ofHours(1)))).isTrue();

		this.looks.keepOnly(List.of("s2"));
		assertThat(this.looks.isDue("s1", NOW.plusSeconds(1))).isTrue();
	}

	@Test
	void attemptsSeenSettledAreLeftOutOfLaterLooksOnceALookFinished() {
		SessionDocument first = session("s1", NOW.plus(Duration.ofHours(3)));
		SessionDocument second = session("s2", NOW.plus(Duration.ofHours(3)));
		NextLooks.Pass pass = this.looks.pass(List.of(first, second), NOW, GRACE);
		pass.saw(attempt("s1:a1:1", "GRADED").append("passed", false), GRACE, UNPUBLISHED_AFTER);
		pass.saw(attempt("s1:a2:1", "GRADED").append("passed", true).append("outcomePublished", true), GRACE,
				UNPUBLISHED_AFTER);
		// not settled: a pass still to announce, a submitted and a running attempt
		pass.saw(attempt("s1:a3:1", "GRADED").append("passed", true)
			.append("outcomePublished", false)
			.append("gradedAt", Date.from(NOW)), GRACE, UNPUBLISHED_AFTER);
		pass.saw(attempt("s1:a4:1", "SUBMITTED"), GRACE, UNPUBLISHED_AFTER);
		pass.saw(attempt("s2:a5:1", "IN_PROGRESS").append("deadline", Date.from(NOW.plusSeconds(600))), GRACE,
				UNPUBLISHED_AFTER);
		pass.saw(attempt("s2:a6:1", "GRADED").append("passed", false), GRACE, UNPUBLISHED_AFTER);
		assertThat(this.looks.settledIn(List.of("s1", "s2"))).isEmpty();

		pass.done();

		assertThat(this.looks.settledIn(List.of("s1"))).containsExactlyInAnyOrder("s1:a1:1", "s1:a2:1");
		assertThat(this.looks.settledIn(List.of("s1", "s2"))).containsExactlyInAnyOrder("s1:a1:1", "s1:a2:1",
				"s2:a6:1");
		this.looks.keepOnly(List.of("s2"));
		assertThat(this.looks.settledIn(List.of("s1", "s2"))).containsExactly("s2:a6:1");
	}

	private static SessionDocument session(String id, Instant closesAt) {
		return new SessionDocument(id, "e1", "考试", NOW.minus(Duration.ofHours(1)), closesAt, null, null, null, null,
				List.of(), "trainer", NOW.minus(Duration.ofDays(1)), null);
	}

	private static Document attempt(String id, String status) {
		return new Document("_id", id).append("status", status);
	}

}
