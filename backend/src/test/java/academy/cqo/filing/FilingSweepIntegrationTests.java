package academy.cqo.filing;

import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.platform.Sweep;
import academy.cqo.platform.SweepMarkers;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep {@code filing-approvals} after a crash at each point of an approval (the
 * documents written as the crash left them): the next run finishes every interrupted
 * approval exactly once (one number, the enterprise's current CQO), leaves completed
 * filings as they are, drops markers whose filing is completed or was never moved; and on
 * a store written before markers, finishes its interrupted approvals from one scan, once.
 */
@IntegrationTest
class FilingSweepIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	FilingStore store;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	List<Sweep> sweeps;

	@Test
	void whenACrashInterruptsApprovalsAtEachPointThenTheNextSweepFinishesEachOnce() {
		QuestionBankApi county = new QuestionBankApi(this.client, "admin-dh");
		// between the marker and the approval's move, eleven minutes ago
		Filed notMoved = submitted("林未动");
		mark(notMoved.id(), Instant.now().minus(SweepMarkers.SETTLED).minusSeconds(60)).as(StepVerifier::create)
			.verifyComplete();
		// right after the approval's move (its marker first)
		Filed approved = submitted("林已批");
		approve(approved.id());
		// between the follow-up steps: numbered, nothing else
		Filed numbered = submitted("林编号");
		approve(numbered.id());
		String[] number = new String[1];
		this.store.find(numbered.id())
			.flatMap((filing) -> this.store.assignNumber(filing, Year.now().getValue()))
			.as(StepVerifier::create)
			.consumeNextWith((assigned) -> number[0] = assigned)
			.verifyComplete();
		// between completedAt and the marker's removal
		Filed completed = submitted("林已完成");
		FilingApi.decide(county, completed.id(), Map.of("decision", "APPROVE"));
		mark(completed.id(), Instant.now()).as(StepVerifier::create).verifyComplete();
		FilingDocument completedBefore = stored(completed.id());

		// (the periodic run may come first: either finishes them)
		run().as(StepVerifier::create).expectNextCount(1).verifyComplete();

		for (Filed filed : List.of(approved, numbered)) {
			FilingDocument filing = stored(filed.id());
			assertThat(filing.completedAt()).as(filed.id()).isNotNull();
			assertThat(filing.number()).as(filed.id()).matches("360102-20\\d\\d-\\d{4}");
			assertThat(current(filed)).as("the enterprise's current CQO").isEqualTo(filing.cqo().fullName());
		}
		assertThat(stored(numbered.id()).number()).as("the number taken before the crash").isEqualTo(number[0]);
		assertThat(stored(completed.id())).as("a completed filing is left as it was").isEqualTo(completedBefore);
		FilingDocument lost = stored(notMoved.id());
		assertThat(lost.state()).as("an approval that never moved stays to be decided")
			.isEqualTo(FilingState.SUBMITTED.name());
		assertThat(lost.number()).isNull();
		assertNotMarked(notMoved.id(), approved.id(), numbered.id(), completed.id());

		List<FilingDocument> finished = List.of(stored(approved.id()), stored(numbered.id()));
		run().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(List.of(stored(approved.id()), stored(numbered.id()))).as("completed filings are not touched again")
			.isEqualTo(finished);
		assertThat(FilingApi.decide(county, notMoved.id(), Map.of("decision", "APPROVE"))).containsEntry("state",
				"APPROVED");
	}

	@Test
	void whenAStoreWasWrittenWithoutMarkersThenTheSweepFinishesItsInterruptedApprovalsOnce() {
		// as code from before markers left it: approved, not completed, no marker, no
		// record
		Filed old = submitted("林旧版");
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(old.id())),
					new Update().set(FilingState.FIELD, FilingState.APPROVED.name())
						.set("decidedAt", Instant.now())
						.set("replaces", null),
					FilingDocument.class)
			.then(this.mongo.remove(Query.query(Criteria.where("_id").is(SweepMarkers.RECORD)),
					FilingStore.APPROVAL_MARKERS))
			.then()
			.as(StepVerifier::create)
			.verifyComplete();

		run().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		FilingDocument completed = stored(old.id());
		assertThat(completed.completedAt()).isNotNull();
		assertThat(completed.number()).matches("360102-20\\d\\d-\\d{4}");
		assertThat(current(old)).isEqualTo("林旧版");
		this.mongo.exists(Query.query(Criteria.where("_id").is(SweepMarkers.RECORD)), FilingStore.APPROVAL_MARKERS)
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();

		run().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(stored(old.id())).as("completed once").isEqualTo(completed);
	}

	/** A submitted filing and its enterprise. */
	record Filed(String id, QuestionBankApi enterprise) {
	}

	private Filed submitted(String cqo) {
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, "360102");
		return new Filed(FilingApi.submitted(this.client, enterprise, FilingApi.form(cqo, People.idNumber())),
				enterprise);
	}

	/**
	 * The approval's move alone (its marker first), as a crash right after it leaves it.
	 */
	private void approve(String id) {
		this.store
			.transition(id, FilingState.Transition.APPROVE,
					new FilingDocument.HistoryEntry(Instant.now(), "admin-dh", "APPROVED", List.of(), null),
					new Update().set("decidedAt", Instant.now()).set("replaces", null))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

	@SuppressWarnings("unchecked")
	private String current(Filed filed) {
		String code = (String) filed.enterprise().getJson("/api/v1/me").get("employerCreditCode");
		Map<String, Object> current = (Map<String, Object>) filed.enterprise()
			.getJson("/api/v1/enterprises/" + code + "/cqo")
			.get("current");
		return (current != null) ? (String) current.get("fullName") : null;
	}

	private Mono<Long> run() {
		return this.sweeps.stream()
			.filter((sweep) -> sweep.name().equals("filing-approvals"))
			.findFirst()
			.orElseThrow()
			.work()
			.get()
			.defaultIfEmpty(0L);
	}

	private Mono<Void> mark(String id, Instant since) {
		return this.mongo
			.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("since", since),
					FilingStore.APPROVAL_MARKERS)
			.then();
	}

	private FilingDocument stored(String id) {
		FilingDocument[] found = new FilingDocument[1];
		this.store.find(id).as(StepVerifier::create).consumeNextWith((filing) -> found[0] = filing).verifyComplete();
		return found[0];
	}

	private void assertNotMarked(String... ids) {
		this.mongo
			.find(Query.query(Criteria.where("_id").in((Object[]) ids)), Document.class, FilingStore.APPROVAL_MARKERS)
			.as(StepVerifier::create)
			.verifyComplete();
	}

}
