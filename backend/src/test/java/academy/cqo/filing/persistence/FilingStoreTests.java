package academy.cqo.filing.persistence;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.data.mongodb.core.query.Update;

import academy.cqo.filing.FilingState;
import academy.cqo.testsupport.EmbeddedTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conditional updates of a filing against the embedded store: a decision moves only a
 * submitted filing, so of racing reviewers exactly one decides; a decision or an edit
 * that meets a state it may not start from changes nothing; an appointment ends once.
 */
class FilingStoreTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

	@TempDir
	Path dataDir;

	private EmbeddedTemplate store;

	private FilingStore filings;

	@BeforeEach
	void start() {
		this.store = EmbeddedTemplate.start(this.dataDir);
		this.filings = new FilingStore(this.store.mongo(), java.time.Clock.systemUTC());
	}

	@AfterEach
	void stop() {
		this.store.close();
	}

	private static FilingDocument filing(String id, FilingState state) {
		return new FilingDocument(id, "APPOINTMENT", state.name(), "91360100MA35F7Q46X", "360102", null, null, null,
				null, null, List.of(), null, null, null, true, null, null, null, null, null, null, null, null, null,
				null, List.of(), "enterprise", NOW, null, null, null, null, 0);
	}

	private static FilingDocument.HistoryEntry entry(String action) {
		return new FilingDocument.HistoryEntry(NOW, "admin-dh", action, List.of(), null);
	}

	private Mono<FilingDocument> decide(String id, FilingState.Transition transition) {
		return this.filings.transition(id, transition, entry(transition.name()), new Update().set("decidedAt", NOW));
	}

	@Test
	void whenThreeReviewersDecideASubmittedFilingAtOnceThenExactlyOneDecisionIsStored() {
		this.filings.insert(filing("f1", FilingState.SUBMITTED))
			.thenMany(Flux.merge(decide("f1", FilingState.Transition.APPROVE),
					decide("f1", FilingState.Transition.RETURN), decide("f1", FilingState.Transition.REJECT)))
			.collectList()
			.flatMap((winners) -> this.filings.find("f1").map((stored) -> {
				assertThat(winners).hasSize(1);
				assertThat(stored.state()).isEqualTo(winners.get(0).state());
				assertThat(stored.history()).hasSize(1);
				assertThat(stored.revision()).isEqualTo(1);
				return stored;
			}))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void whenADecisionMeetsAFilingDecidedMeanwhileThenNothingChanges() {
		this.filings.insert(filing("f2", FilingState.SUBMITTED))
			.then(decide("f2", FilingState.Transition.APPROVE))
			.then(decide("f2", FilingState.Transition.RETURN))
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);
		this.filings.find("f2").as(StepVerifier::create).assertNext((stored) -> {
			assertThat(stored.state()).isEqualTo("APPROVED");
			assertThat(stored.history()).extracting(FilingDocument.HistoryEntry::action).containsExactly("APPROVE");
			assertThat(stored.revision()).isEqualTo(1);
		}).expectComplete().verify(TIMEOUT);
	}

	@Test
	void whenADraftIsDecidedOrASubmittedFilingEditedThenNothingChanges() {
		this.filings.insert(filing("f3", FilingState.DRAFT))
			.then(decide("f3", FilingState.Transition.APPROVE))
			.then(this.filings.insert(filing("f4", FilingState.SUBMITTED)))
			.then(this.filings.edit("f4", new Update().set("remarks", "改过")))
			.as(StepVerifier::create)
			.expectComplete()
			.verify(TIMEOUT);
		Flux.concat(this.filings.find("f3"), this.filings.find("f4"))
			.as(StepVerifier::create)
			.assertNext((draft) -> assertThat(draft).isEqualTo(filing("f3", FilingState.DRAFT)))
			.assertNext((submitted) -> assertThat(submitted).isEqualTo(filing("f4", FilingState.SUBMITTED)))
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void whenAReturnedFilingIsEditedAndSubmittedThenBothApply() {
		this.filings.insert(filing("f5", FilingState.RETURNED))
			.then(this.filings.edit("f5", new Update().set("remarks", "已更正")))
			.then(this.filings.transition("f5", FilingState.Transition.SUBMIT, entry("SUBMITTED"), new Update()))
			.as(StepVerifier::create)
			.assertNext((submitted) -> {
				assertThat(submitted.state()).isEqualTo("SUBMITTED");
				assertThat(submitted.remarks()).isEqualTo("已更正");
				assertThat(submitted.revision()).isEqualTo(2);
			})
			.expectComplete()
			.verify(TIMEOUT);
	}

	@Test
	void whenAnAppointmentEndsTwiceOrBeforeApprovalThenOnlyTheFirstEndOfTheApprovedOneIsStored() {
		this.filings.insert(filing("f6", FilingState.APPROVED))
			.then(this.filings.insert(filing("f7", FilingState.SUBMITTED)))
			.thenMany(Flux.concat(this.filings.endAppointment("f6", "2026-12", "辞职", "f8").map(FilingDocument::endedBy),
					this.filings.endAppointment("f6", "2026-11", "另一个", "f9").map(FilingDocument::endedBy),
					this.filings.endAppointment("f7", "2026-12", "辞职", "f8").map(FilingDocument::endedBy)))
			.as(StepVerifier::create)
			.expectNext("f8")
			.expectComplete()
			.verify(TIMEOUT);
		this.filings.find("f7")
			.as(StepVerifier::create)
			.assertNext((submitted) -> assertThat(submitted.endedBy()).isNull())
			.expectComplete()
			.verify(TIMEOUT);
	}

}
