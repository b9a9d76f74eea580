package academy.cqo.exam.persistence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptDocument.AttemptEvent;
import academy.cqo.exam.persistence.AttemptDocument.QuestionResult;
import academy.cqo.exam.persistence.AttemptDocument.SavedAnswer;
import academy.cqo.testsupport.EmbeddedTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every conditional update of an attempt against the embedded store the application runs
 * on (no application context): a move or change the attempt's status does not allow
 * matches nothing and leaves the stored attempt as it was; an answer older than the
 * stored one is not stored.
 */
class AttemptStoreTests {

	private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

	private static final String ID = "s1:a1:1";

	@TempDir
	Path dataDir;

	private EmbeddedTemplate embedded;

	private ReactiveMongoTemplate mongo;

	private AttemptStore store;

	@BeforeEach
	void start() {
		this.embedded = EmbeddedTemplate.start(this.dataDir);
		this.mongo = this.embedded.mongo();
		// papers here are empty, so no question contents are ever looked up
		this.store = new AttemptStore(this.mongo, new PaperContents(null));
		this.store.run().as(StepVerifier::create).verifyComplete();
	}

	@AfterEach
	void stop() {
		this.embedded.close();
	}

	@Test
	void whenAnOpenAttemptIsSubmittedThenItMovesOnceAndASecondSubmitChangesNothing() {
		insert(AttemptStatus.IN_PROGRESS);
		this.store.submit(ID, "CANDIDATE", event("SUBMITTED"))
			.as(StepVerifier::create)
			.assertNext((submitted) -> assertThat(submitted.state()).isEqualTo(AttemptStatus.SUBMITTED))
			.verifyComplete();
		AttemptDocument before = stored();

		this.store.submit(ID, "DEADLINE", event("SUBMITTED")).as(StepVerifier::create).verifyComplete();

		assertThat(stored()).isEqualTo(before);
		assertThat(before.submittedBy()).isEqualTo("CANDIDATE");
		assertThat(before.events()).hasSize(1);
	}

	@Test
	void whenFiftySubmitsRaceThenExactlyOneWins() {
		insert(AttemptStatus.IN_PROGRESS);
		Flux.range(0, 50)
			.flatMap((i) -> this.store.submit(ID, "CANDIDATE", event("SUBMITTED " + i)), 16)
			.count()
			.as(StepVerifier::create)
			.expectNext(1L)
			.verifyComplete();
		assertThat(stored().events()).hasSize(1);
	}

	@Test
	void whenAnAttemptIsNotSubmittedThenGradingMarkingAndFinishingChangeNothing() {
		for (AttemptStatus status : List.of(AttemptStatus.IN_PROGRESS, AttemptStatus.GRADED)) {
			this.mongo.dropCollection(AttemptDocument.class).as(StepVerifier::create).verifyComplete();
			insert(status);
			AttemptDocument before = stored();

			this.store.grade(ID, Map.of(), List.of(new QuestionResult("q1", 5.0, true)), 5.0, true, NOW)
				.as(StepVerifier::create)
				.verifyComplete();
			this.store.mark(ID, "q1", 3.0, event("MARKED")).as(StepVerifier::create).verifyComplete();
			this.store.finish(ID, 9.0, true, NOW).as(StepVerifier::create).verifyComplete();

			assertThat(stored()).as(status.name()).isEqualTo(before);
		}
	}

	@Test
	void whenASubmittedAttemptIsGradedThenItBecomesFinalOnceOnly() {
		insert(AttemptStatus.SUBMITTED);
		this.store.grade(ID, Map.of(), List.of(new QuestionResult("q1", 5.0, true)), 5.0, true, NOW)
			.as(StepVerifier::create)
			.assertNext((graded) -> assertThat(graded.state()).isEqualTo(AttemptStatus.GRADED))
			.verifyComplete();
		AttemptDocument before = stored();

		this.store.finish(ID, 0.0, false, NOW.plusSeconds(1)).as(StepVerifier::create).verifyComplete();

		assertThat(stored()).isEqualTo(before);
		assertThat(before.passed()).isTrue();
	}

	@Test
	void whenAnAttemptIsClosedThenFlaggingChangesNothing() {
		insert(AttemptStatus.SUBMITTED);
		this.store.flag(ID, "a1", "q1", true).as(StepVerifier::create).verifyComplete();
		assertThat(stored().flagged()).isEmpty();
	}

	@Test
	void whenAnOpenAttemptIsFlaggedByAnotherAccountThenNothingChanges() {
		insert(AttemptStatus.IN_PROGRESS);
		this.store.flag(ID, "someone-else", "q1", true).as(StepVerifier::create).verifyComplete();
		this.store.flag(ID, "a1", "q2", true)
			.as(StepVerifier::create)
			.assertNext((flagged) -> assertThat(flagged.flagged()).containsExactly("q2"))
			.verifyComplete();
	}

	@Test
	void whenAnAnswerIsOlderThanTheStoredOneThenItIsNotStored() {
		this.store.saveAnswer(ID, "q1", answer(2, "B"))
			.as(StepVerifier::create)
			.expectNext(new AttemptStore.AnswerSave(answer(2, "B"), false))
			.verifyComplete();

		// an older or repeated sequence is answered with the stored, newer answer
		this.store.saveAnswer(ID, "q1", answer(1, "A"))
			.as(StepVerifier::create)
			.expectNext(new AttemptStore.AnswerSave(answer(2, "B"), false))
			.verifyComplete();
		this.store.saveAnswer(ID, "q1", answer(2, "C"))
			.as(StepVerifier::create)
			.expectNext(new AttemptStore.AnswerSave(answer(2, "B"), false))
			.verifyComplete();

		this.store.answer(ID, "q1")
			.as(StepVerifier::create)
			.assertNext((stored) -> assertThat(stored).isEqualTo(answer(2, "B")))
			.verifyComplete();
	}

	@Test
	void whenSavesOfOneQuestionRaceThenTheNewestIsStored() {
		Flux.range(1, 40)
			.flatMap((seq) -> this.store.saveAnswer(ID, "q1", answer(seq, "option-" + seq)), 16)
			.then()
			.as(StepVerifier::create)
			.verifyComplete();

		this.store.answer(ID, "q1")
			.as(StepVerifier::create)
			.assertNext((stored) -> assertThat(stored).isEqualTo(answer(40, "option-40")))
			.verifyComplete();
	}

	private void insert(AttemptStatus status) {
		boolean open = status == AttemptStatus.IN_PROGRESS;
		List<QuestionResult> results = open ? List.of() : List.of(new QuestionResult("q1", null, null));
		AttemptDocument attempt = new AttemptDocument(ID, "s1", "e1", "a1", "candidate", 1, status.name(),
				NOW.minusSeconds(600), NOW.plusSeconds(3000), 7, List.of(), Map.of(), List.of(), List.of(), null,
				"10.0.0.1", open ? null : NOW, open ? null : "CANDIDATE", results,
				(status == AttemptStatus.GRADED) ? 8.0 : null, 10, (status == AttemptStatus.GRADED) ? true : null,
				(status == AttemptStatus.GRADED) ? NOW : null, false);
		this.store.insert(attempt).as(StepVerifier::create).expectNextCount(1).verifyComplete();
	}

	private AttemptDocument stored() {
		AttemptDocument[] found = new AttemptDocument[1];
		this.mongo.findById(ID, AttemptDocument.class)
			.as(StepVerifier::create)
			.consumeNextWith((attempt) -> found[0] = attempt)
			.verifyComplete();
		return found[0];
	}

	private static AttemptEvent event(String type) {
		return new AttemptEvent(type, NOW, "10.0.0.1", null);
	}

	private static SavedAnswer answer(long seq, String response) {
		return new SavedAnswer(List.of(response), seq, NOW.plusMillis(seq));
	}

}
