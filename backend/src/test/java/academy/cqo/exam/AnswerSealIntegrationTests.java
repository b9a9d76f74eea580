package academy.cqo.exam;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptDocument;
import academy.cqo.exam.persistence.AttemptDocument.PaperQuestion;
import academy.cqo.exam.persistence.AttemptDocument.SavedAnswer;
import academy.cqo.exam.persistence.AttemptStore;
import academy.cqo.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A save is one conditional upsert of the answer's own document and grading seals those
 * documents before reading them ({@link AttemptStore#saveAnswer},
 * {@link AttemptStore#sealAnswers}): saves racing a seal are either stored and graded or
 * refused, never acknowledged and missing from what the grader read.
 */
@IntegrationTest
class AnswerSealIntegrationTests {

	private static final int QUESTIONS = 6;

	@Autowired
	AttemptStore store;

	/**
	 * A submitted attempt of six questions, not stored (sealing reads only its answers).
	 */
	static AttemptDocument attempt() {
		List<PaperQuestion> paper = new java.util.ArrayList<>();
		for (int i = 0; i < QUESTIONS; i++) {
			paper.add(AttemptFixtures.onPaper("q" + i, AttemptFixtures.single("题" + i, "a")));
		}
		return new AttemptDocument("seal-" + UUID.randomUUID(), "session", "exam", "account", "candidate", 1,
				AttemptStatus.SUBMITTED.name(), AttemptFixtures.STARTED, AttemptFixtures.STARTED.plusSeconds(600), 1,
				paper, Map.of(), List.of(), List.of(), null, null, AttemptFixtures.STARTED.plusSeconds(60), "CANDIDATE",
				List.of(), null, 60, null, null, false);
	}

	record Sent(String questionId, long seq, AttemptStore.AnswerSave result) {

		boolean acknowledged() {
			return !this.result.sealed() && this.result.stored() != null;
		}

	}

	@RepeatedTest(5)
	void whenSavesRaceTheSealThenEveryAcknowledgedAnswerIsWhatGradingReads() {
		AttemptDocument attempt = attempt();
		Sinks.Empty<Void> halfway = Sinks.empty();
		AtomicInteger answered = new AtomicInteger();
		Mono<List<Sent>> saves = Flux.range(1, 400).flatMap((seq) -> {
			// questions 0..4 are answered; q5 never, so its seal creates its document
			String questionId = "q" + (seq % (QUESTIONS - 1));
			// on several threads, as saves arrive on the HTTP server's (a save to the
			// embedded store runs on the thread that asks for it)
			return Mono
				.defer(() -> this.store.saveAnswer(attempt.id(), questionId,
						new SavedAnswer(List.of("a", String.valueOf(seq)), seq, Instant.now())))
				.subscribeOn(Schedulers.parallel())
				.map((result) -> new Sent(questionId, seq, result))
				.doOnNext((sent) -> {
					if (answered.incrementAndGet() == 150) {
						halfway.tryEmitEmpty();
					}
				});
		}, 16).collectList();
		Mono<AttemptDocument> sealed = halfway.asMono().then(Mono.defer(() -> this.store.sealAnswers(attempt)));

		Mono.zip(saves, sealed).as(StepVerifier::create).assertNext((outcome) -> {
			List<Sent> sent = outcome.getT1();
			Map<String, SavedAnswer> graded = outcome.getT2().answers();
			Map<String, Long> newestAcknowledged = new HashMap<>();
			sent.stream()
				.filter(Sent::acknowledged)
				.forEach((ack) -> newestAcknowledged.merge(ack.questionId(), ack.result().stored().seq(), Math::max));
			assertThat(sent).anySatisfy((refused) -> assertThat(refused.result().sealed()).isTrue());
			assertThat(newestAcknowledged).isNotEmpty();
			newestAcknowledged.forEach((questionId, seq) -> {
				assertThat(graded).containsKey(questionId);
				assertThat(graded.get(questionId).seq()).as("graded answer to %s", questionId).isEqualTo(seq);
				assertThat(graded.get(questionId).response()).containsExactly("a", String.valueOf(seq));
			});
			assertThat(graded).doesNotContainKey("q5");
		}).expectComplete().verify(Duration.ofMinutes(1));
	}

	@Test
	void whenSealedThenNoQuestionTakesAnAnswerAndTheSealIsRepeatable() {
		AttemptDocument attempt = attempt();
		Instant now = Instant.now();
		this.store.saveAnswer(attempt.id(), "q0", new SavedAnswer(List.of("a"), 3, now))
			.then(this.store.sealAnswers(attempt))
			.then(this.store.sealAnswers(attempt))
			.flatMap((graded) -> Flux
				.concat(this.store.saveAnswer(attempt.id(), "q0", new SavedAnswer(List.of("b"), 4, now)),
						this.store.saveAnswer(attempt.id(), "q5", new SavedAnswer(List.of("b"), 1, now)))
				.collectList()
				.map((after) -> Map.entry(graded, after)))
			.as(StepVerifier::create)
			.assertNext((outcome) -> {
				assertThat(outcome.getKey().answers()).containsOnlyKeys("q0");
				assertThat(outcome.getKey().answers().get("q0").seq()).isEqualTo(3);
				assertThat(outcome.getValue()).hasSize(2)
					.allSatisfy((refused) -> assertThat(refused.sealed()).isTrue());
			})
			.expectComplete()
			.verify(Duration.ofMinutes(1));
	}

}
