package academy.cqo.questionbank.persistence;

import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import academy.cqo.questionbank.domain.ImportState;
import academy.cqo.testsupport.EmbeddedTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import journal's moves against the embedded store the application runs on (no
 * application context): a commit and an abandonment racing each other leave one of them,
 * and a move its state does not allow changes nothing.
 */
class ImportJournalTests {

	private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

	@TempDir
	Path dataDir;

	private EmbeddedTemplate embedded;

	private ImportJournal journal;

	@BeforeEach
	void start() {
		this.embedded = EmbeddedTemplate.start(this.dataDir);
		this.journal = new ImportJournal(this.embedded.mongo());
		this.journal
			.begin(new ImportDocument("i1", "b1", ImportState.WRITING.name(), "bank.yaml", "yaml", 3, 0, 0,
					NOW.minusSeconds(5), "trainer", null))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

	@AfterEach
	void stop() {
		this.embedded.close();
	}

	@Test
	void whenAWritingImportIsFinishedBeforeItCommittedThenNothingChanges() {
		this.journal.finish("i1", NOW).as(StepVerifier::create).verifyComplete();
		assertStored(ImportState.WRITING, null);
	}

	@Test
	void whenCommittedThenItCanNoLongerBeAbandonedAndIsFinishedOnce() {
		this.journal.commit("i1")
			.as(StepVerifier::create)
			.assertNext((committed) -> assertThat(committed.state()).isEqualTo("COMMITTING"))
			.verifyComplete();
		this.journal.abandon("i1", NOW).as(StepVerifier::create).verifyComplete();
		this.journal.commit("i1").as(StepVerifier::create).verifyComplete();
		assertStored(ImportState.COMMITTING, null);

		this.journal.finish("i1", NOW).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		this.journal.finish("i1", NOW.plusSeconds(9)).as(StepVerifier::create).verifyComplete();
		assertStored(ImportState.DONE, NOW);
	}

	@Test
	void whenAbandonedThenItCanNoLongerCommit() {
		this.journal.abandon("i1", NOW).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		this.journal.commit("i1").as(StepVerifier::create).verifyComplete();
		assertStored(ImportState.ABANDONED, NOW);
	}

	@Test
	void whenCommitsAndAbandonmentsRaceThenOneMoveIsApplied() {
		Flux.range(0, 20)
			.flatMap((i) -> (i % 2 == 0) ? this.journal.commit("i1") : this.journal.abandon("i1", NOW), 8)
			.count()
			.as(StepVerifier::create)
			.expectNext(1L)
			.verifyComplete();
	}

	@Test
	void whenLookingForUnfinishedImportsThenByState() {
		this.journal.unfinished(ImportState.WRITING, NOW)
			.map(ImportDocument::id)
			.as(StepVerifier::create)
			.expectNext("i1")
			.verifyComplete();
		this.journal.unfinished(ImportState.COMMITTING, NOW).as(StepVerifier::create).verifyComplete();
	}

	private void assertStored(ImportState state, Instant finishedAt) {
		this.embedded.mongo().findById("i1", ImportDocument.class).as(StepVerifier::create).assertNext((stored) -> {
			assertThat(stored.state()).isEqualTo(state.name());
			assertThat(stored.finishedAt()).isEqualTo(finishedAt);
		}).verifyComplete();
	}

}
