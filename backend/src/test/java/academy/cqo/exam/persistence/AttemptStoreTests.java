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
		this.store = new AttemptStore(this.mongo, new PaperContents(null), this.embedded.upserts());
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

	@Test
	void whenAnswersAreSavedInProcessThenTheStoreHoldsWhatTheTemplateWroteAndAnswersAlike() {
		// the first save creates the collection over the wire, the rest go in process
		long before = this.embedded.inProcess().applied();
		AttemptStore overTheWire = new AttemptStore(this.mongo, new PaperContents(null),
				academy.cqo.platform.KeyedUpserts.of(this.mongo, null));
		List<SavedAnswer> sequence = List.of(answer(2, "B"), answer(1, "A"), answer(2, "C"), answer(3, "D"));
		List<AttemptStore.AnswerSave> inProcess = new java.util.ArrayList<>();
		List<AttemptStore.AnswerSave> wire = new java.util.ArrayList<>();
		for (SavedAnswer answer : sequence) {
			inProcess.add(this.store.saveAnswer(ID, "q1", answer).block());
			wire.add(overTheWire.saveAnswer(ID, "q2", answer).block());
		}
		assertThat(inProcess).isEqualTo(wire)
			.containsExactly(new AttemptStore.AnswerSave(answer(2, "B"), false),
					new AttemptStore.AnswerSave(answer(2, "B"), false),
					new AttemptStore.AnswerSave(answer(2, "B"), false),
					new AttemptStore.AnswerSave(answer(3, "D"), false));
		assertThat(this.embedded.inProcess().applied() - before).as("saves applied in process").isEqualTo(3);

		// the template's own upsert, as saves were written before, stores the same fields
		// with the same types
		this.mongo.upsert(org.springframework.data.mongodb.core.query.Query
			.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(AnswerDocument.idOf(ID, "q3"))),
				new org.springframework.data.mongodb.core.query.Update().set("attemptId", ID)
					.set("questionId", "q3")
					.set("response", List.of("D"))
					.set("seq", 3L)
					.set("savedAt", answer(3, "D").savedAt()),
				AnswerDocument.class)
			.block();
		org.bson.Document template = raw("q3");
		for (String question : List.of("q1", "q2")) {
			org.bson.Document saved = raw(question);
			assertThat(saved.keySet()).as(question).isEqualTo(template.keySet());
			for (String field : List.of("attemptId", "response", "seq", "savedAt")) {
				assertThat(saved.get(field)).as(question + " " + field).isEqualTo(template.get(field));
				assertThat(saved.get(field).getClass()).isEqualTo(template.get(field).getClass());
			}
		}

		// sealed: refused alike
		this.store.sealAnswers(attemptWith(ID, "q1", "q2")).block();
		assertThat(this.store.saveAnswer(ID, "q1", answer(9, "E")).block())
			.isEqualTo(overTheWire.saveAnswer(ID, "q2", answer(9, "E")).block())
			.isEqualTo(new AttemptStore.AnswerSave(answer(3, "D"), true));
	}

	@Test
	void whenAttemptsAreSealedInProcessAndOverTheWireThenTheStoreHoldsTheSameAndGradingReadsTheSame() {
		AttemptStore overTheWire = new AttemptStore(this.mongo, new PaperContents(null),
				academy.cqo.platform.KeyedUpserts.of(this.mongo, null));
		String other = "s1:a2:1";
		// one question answered, one not (its document is created by the seal)
		this.store.saveAnswer(ID, "q1", answer(2, "B")).block();
		this.store.saveAnswer(other, "q1", answer(2, "B")).block();
		long before = this.embedded.inProcess().applied();
		AttemptDocument sealedInProcess = this.store.sealAnswers(attemptWith(ID, "q1", "q2")).block();
		assertThat(this.embedded.inProcess().applied() - before).as("the seal applied in process").isEqualTo(1);
		AttemptDocument sealedOverTheWire = overTheWire.sealAnswers(attemptWith(other, "q1", "q2")).block();
		assertThat(this.embedded.inProcess().applied() - before).as("nothing more in process").isEqualTo(1);

		assertThat(sealedInProcess.answers()).isEqualTo(sealedOverTheWire.answers())
			.isEqualTo(Map.of("q1", answer(2, "B")));
		for (String question : List.of("q1", "q2")) {
			org.bson.Document inProcess = raw(ID, question);
			org.bson.Document wire = raw(other, question);
			assertThat(inProcess.keySet()).as(question).isEqualTo(wire.keySet());
			assertThat(inProcess).as(question).containsEntry("sealed", true).containsEntry("questionId", question);
			inProcess.keySet()
				.stream()
				.filter((field) -> !field.equals("_id") && !field.equals("attemptId"))
				.forEach((field) -> assertThat(inProcess.get(field)).as(question + " " + field)
					.isEqualTo(wire.get(field)));
		}
		// sealing again changes nothing, and saves are refused alike
		assertThat(this.store.sealAnswers(attemptWith(ID, "q1", "q2")).block().answers())
			.isEqualTo(sealedInProcess.answers());
		assertThat(this.store.saveAnswer(ID, "q2", answer(3, "C")).block())
			.isEqualTo(overTheWire.saveAnswer(other, "q2", answer(3, "C")).block())
			.isEqualTo(new AttemptStore.AnswerSave(null, true));
	}

	private org.bson.Document raw(String question) {
		return raw(ID, question);
	}

	private org.bson.Document raw(String attempt, String question) {
		return this.mongo.getCollection(AnswerDocument.COLLECTION)
			.flatMap((answers) -> reactor.core.publisher.Mono
				.from(answers.find(new org.bson.Document("_id", AnswerDocument.idOf(attempt, question))).first()))
			.block();
	}

	private static AttemptDocument attemptWith(String id, String... questions) {
		List<AttemptDocument.PaperQuestion> paper = java.util.Arrays.stream(questions)
			.map((question) -> new AttemptDocument.PaperQuestion(question, 1, 0, null, 1.0, List.of()))
			.toList();
		return new AttemptDocument(id, "s1", "e1", "a1", "candidate", 1, AttemptStatus.SUBMITTED.name(),
				NOW.minusSeconds(600), NOW.plusSeconds(3000), 7, paper, Map.of(), List.of(), List.of(), null,
				"10.0.0.1", NOW, "CANDIDATE", List.of(), null, 10, null, null, false);
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
