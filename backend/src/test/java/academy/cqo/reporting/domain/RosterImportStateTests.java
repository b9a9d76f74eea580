package academy.cqo.reporting.domain;

import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A roster import's transitions: every allowed and every refused move, and the guards.
 */
class RosterImportStateTests {

	private static final Set<String> ALLOWED = Set.of("PREVIEWED->APPLYING", "APPLYING->APPLYING", "APPLYING->APPLIED");

	@Test
	void whenAnyStateMovesToAnyOtherThenOnlyConfirmingResumingAndFinishingAreAllowed() {
		for (RosterImportState from : RosterImportState.values()) {
			for (RosterImportState to : RosterImportState.values()) {
				assertThat(from.canMoveTo(to)).as(from + "->" + to).isEqualTo(ALLOWED.contains(from + "->" + to));
			}
		}
	}

	@Test
	void whenGuardedThenTheStoreMatchesOnlyThePredecessors() {
		assertThat(RosterImportState.APPLYING.moveGuard().getCriteriaObject())
			.isEqualTo(new Document("state", new Document("$in", List.of("PREVIEWED", "APPLYING"))));
		assertThat(RosterImportState.APPLIED.moveGuard().getCriteriaObject())
			.isEqualTo(new Document("state", "APPLYING"));
		assertThatIllegalStateException().isThrownBy(RosterImportState.PREVIEWED::moveGuard);
		assertThat(RosterImportState.values()).extracting(Enum::name)
			.containsExactly("PREVIEWED", "APPLYING", "APPLIED");
	}

}
