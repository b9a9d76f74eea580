package academy.cqo.reporting.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.function.Tuples;

import academy.cqo.reporting.domain.SubmissionState;
import academy.cqo.testsupport.EmbeddedTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditional updates of a 附件3 report against the embedded store: saving plans only
 * while the report is open, submitting only a draft or a returned report, returning only
 * a submitted one; a refused update changes nothing, and a submission racing saves locks
 * exactly the plans saved before it.
 */
class RoundStoreTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Instant START = Instant.parse("2026-12-05T02:00:00Z");

	@TempDir
	Path dataDir;

	private EmbeddedTemplate store;

	private RoundStore rounds;

	@BeforeEach
	void start() {
		this.store = EmbeddedTemplate.start(this.dataDir);
		this.rounds = new RoundStore(this.store.mongo());
	}

	@AfterEach
	void stop() {
		this.store.close();
	}

	/** An action whose time tells which save it was: second {@code n} after the start. */
	private static SubmissionDocument.Action action(String what, int n) {
		return new SubmissionDocument.Action(START.plusSeconds(n), "admin-dh", what, null);
	}

	private Mono<SubmissionDocument> stored() {
		return this.rounds.submission("r1", "360102");
	}

	@Test
	void whenTheReportIsSubmittedThenSavingPlansAndSubmittingAgainChangeNothingUntilItIsReturned() {
		AtomicReference<SubmissionDocument> locked = new AtomicReference<>();
		this.rounds.savePlans("r1", "360102", Map.of("2027", 3), action("SAVED", 0))
			.then(this.rounds.submit("r1", "360102", 40, 12, false, action("SUBMITTED", 1)))
			.as(StepVerifier::create)
			.assertNext((submitted) -> {
				assertThat(submitted.state()).isEqualTo(SubmissionState.SUBMITTED);
				assertThat(submitted.plans()).isEqualTo(Map.of("2027", 3));
				locked.set(submitted);
			})
			.expectComplete()
			.verify(TIMEOUT);

		this.rounds.savePlans("r1", "360102", Map.of("2027", 99), action("SAVED", 2))
			.map(SubmissionDocument::state)
			.defaultIfEmpty(SubmissionState.DRAFT)
			.concatWith(this.rounds.submit("r1", "360102", 1, 1, true, action("SUBMITTED", 3))
				.map(SubmissionDocument::state)
				.defaultIfEmpty(SubmissionState.DRAFT))
			.thenMany(stored())
			.as(StepVerifier::create)
			.assertNext((after) -> assertThat(after).isEqualTo(locked.get()))
			.expectComplete()
			.verify(TIMEOUT);

		this.rounds.giveBack("r1", "360102", "请补充", action("RETURNED", 4))
			.then(this.rounds.savePlans("r1", "360102", Map.of("2027", 5), action("SAVED", 5)))
			.as(StepVerifier::create)
			.assertNext((returned) -> {
				assertThat(returned.state()).isEqualTo(SubmissionState.RETURNED);
				assertThat(returned.plans()).isEqualTo(Map.of("2027", 5));
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void whenARefusedSaveIsAnsweredThenItIsEmptyAndTheSubmittedReportStaysAsItWas() {
		this.rounds.savePlans("r1", "360102", Map.of("2027", 3), action("SAVED", 0))
			.then(this.rounds.submit("r1", "360102", 40, 12, false, action("SUBMITTED", 1)))
			.then(this.rounds.savePlans("r1", "360102", Map.of("2027", 99), action("SAVED", 2)))
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);
		stored().as(StepVerifier::create).assertNext((after) -> {
			assertThat(after.plans()).isEqualTo(Map.of("2027", 3));
			assertThat(after.history()).extracting(SubmissionDocument.Action::action)
				.containsExactly("SAVED", "SUBMITTED");
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void whenAReportThatIsNotSubmittedIsReturnedThenNothingChanges() {
		this.rounds.savePlans("r1", "360102", Map.of("2027", 3), action("SAVED", 0))
			.then(this.rounds.giveBack("r1", "360102", "退回", action("RETURNED", 1)))
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);
		stored().as(StepVerifier::create).assertNext((after) -> {
			assertThat(after.state()).isEqualTo(SubmissionState.DRAFT);
			assertThat(after.history()).extracting(SubmissionDocument.Action::action).containsExactly("SAVED");
		}).expectComplete().verify(TIMEOUT);
		this.rounds.giveBack("r1", "360103", "退回", action("RETURNED", 2))
			.then(this.rounds.submit("r1", "360103", 1, 1, false, action("SUBMITTED", 3)))
			.then(this.rounds.submission("r1", "360103"))
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void whenASubmissionRacesSavesThenItLocksThePlansSavedBeforeItAndEveryLaterSaveIsRefused() {
		Flux<String> saves = Flux.range(1, 12)
			.flatMap((i) -> this.rounds.savePlans("r1", "360102", Map.of("2027", i), action("SAVED", i))
				.map((saved) -> "saved")
				.defaultIfEmpty("refused"), 8);
		Mono<String> submit = Mono.delay(Duration.ofMillis(30))
			.then(this.rounds.submit("r1", "360102", 40, 12, false, action("SUBMITTED", 100)))
			.map((submitted) -> "submitted")
			.defaultIfEmpty("not submitted");
		this.rounds.savePlans("r1", "360102", Map.of("2027", 0), action("SAVED", 0))
			.thenMany(Flux.merge(saves, submit))
			.collectList()
			.flatMap((outcomes) -> stored().map((locked) -> Tuples.of(outcomes, locked)))
			.as(StepVerifier::create)
			.assertNext((both) -> {
				List<String> outcomes = both.getT1();
				SubmissionDocument locked = both.getT2();
				assertThat(outcomes).containsOnlyOnce("submitted");
				assertThat(locked.state()).isEqualTo(SubmissionState.SUBMITTED);
				List<SubmissionDocument.Action> history = locked.history();
				assertThat(history.get(history.size() - 1).action()).isEqualTo("SUBMITTED");
				long saved = outcomes.stream().filter("saved"::equals).count();
				assertThat(history).filteredOn((entry) -> entry.action().equals("SAVED")).hasSize(1 + (int) saved);
				long lastSave = history.get(history.size() - 2).at().getEpochSecond() - START.getEpochSecond();
				assertThat(locked.plans()).isEqualTo(Map.of("2027", (int) lastSave));
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

}
