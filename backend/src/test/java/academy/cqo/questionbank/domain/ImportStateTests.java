package academy.cqo.questionbank.domain;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import academy.cqo.testsupport.LifecycleTables;

import static academy.cqo.questionbank.domain.ImportState.ABANDONED;
import static academy.cqo.questionbank.domain.ImportState.COMMITTING;
import static academy.cqo.questionbank.domain.ImportState.DONE;
import static academy.cqo.questionbank.domain.ImportState.WRITING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import's journal: it commits or is abandoned while writing, and is finished only
 * after it committed.
 */
class ImportStateTests {

	@Test
	void whenTheJournalMovesThenOnlyAlongTheTable() {
		LifecycleTables.assertMoves(ImportState.class,
				Set.of(List.of(WRITING, COMMITTING), List.of(WRITING, ABANDONED), List.of(COMMITTING, DONE)));
	}

	@Test
	void whenFinishedOrAbandonedThenTheImportWasWritingFirst() {
		assertThat(DONE.predecessors()).containsExactly(COMMITTING);
		assertThat(ABANDONED.predecessors()).containsExactly(WRITING);
		assertThat(WRITING.predecessors()).isEmpty();
	}

}
