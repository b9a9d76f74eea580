package academy.cqo.certificate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

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

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.exam.AttemptPassed;
import academy.cqo.identity.Accounts;
import academy.cqo.platform.Sweep;
import academy.cqo.platform.SweepMarkers;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep {@code certificate-issues} after a crash at each point of an issue (the
 * documents written as the crash left them): the next run finishes every interrupted
 * issue exactly once (one number, one notice), leaves finished certificates as they are,
 * drops markers whose certificate is finished or never came; and on a store written
 * before markers, finishes its pending certificates from one scan, once.
 */
@IntegrationTest
class IssueSweepIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofMinutes(1);

	@Autowired
	WebTestClient client;

	@Autowired
	Issuing issuing;

	@Autowired
	CertificateStore store;

	@Autowired
	Accounts accounts;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	List<Sweep> sweeps;

	@Test
	void whenACrashInterruptsIssuesAtEachPointThenTheNextSweepFinishesEachOnce() {
		// after the pending insert (its marker first)
		String pending = intake(candidate());
		// between the issue's steps: content fixed and numbered, nothing signed or stored
		String numbered = intake(candidate());
		String number = fixAndNumber(numbered);
		// between issued and announced
		String unannounced = issue(intake(candidate()));
		this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(unannounced)), new Update().set("announced", false),
					CertificateDocument.class)
			.then(mark(unannounced, Instant.now()))
			.as(StepVerifier::create)
			.verifyComplete();
		// between the announcement and the marker's removal
		String announced = issue(intake(candidate()));
		mark(announced, Instant.now()).as(StepVerifier::create).verifyComplete();
		CertificateDocument announcedBefore = stored(announced);
		// between a marker and its insert, eleven minutes ago
		String neverInserted = "attempt:never-" + UUID.randomUUID();
		mark(neverInserted, Instant.now().minus(SweepMarkers.SETTLED).minusSeconds(60)).as(StepVerifier::create)
			.verifyComplete();

		// (the periodic run may come first: either finishes them)
		run().as(StepVerifier::create).expectNextCount(1).verifyComplete();

		for (String id : List.of(pending, numbered, unannounced, announced)) {
			CertificateDocument certificate = stored(id);
			assertThat(certificate.stage()).as(id).isEqualTo(CertificateStage.ISSUED.name());
			assertThat(certificate.announced()).as(id).isTrue();
			assertThat(certificate.number()).as(id).isNotNull();
		}
		assertThat(stored(numbered).number()).as("the number taken before the crash").isEqualTo(number);
		assertThat(stored(announced)).as("a finished certificate is left as it was").isEqualTo(announcedBefore);
		assertThat(notices(unannounced)).as("the holder told once").isEqualTo(1);
		assertNotMarked(pending, numbered, unannounced, announced, neverInserted);
		this.mongo.exists(Query.query(Criteria.where("_id").is(neverInserted)), CertificateDocument.class)
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();

		List<CertificateDocument> finished = List.of(stored(pending), stored(numbered), stored(unannounced));
		run().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(List.of(stored(pending), stored(numbered), stored(unannounced)))
			.as("finished certificates are not touched again")
			.isEqualTo(finished);
	}

	@Test
	void whenAStoreWasWrittenWithoutMarkersThenTheSweepFinishesItsUnfinishedIssuesOnce() {
		// as code from before markers left it: a pending certificate, no marker, no
		// record
		String id = "attempt:" + UUID.randomUUID();
		this.mongo
			.insert(new CertificateDocument(id, CertificateStage.PENDING.name(), null, null, null, null, candidate(),
					null, null, null, null, "exam", "首席质量官资格考试", "session", id.substring(8), 90.0, 100.0, null, null,
					null, null, null, List.of(), null, null, false, 0L, Instant.now(), null))
			.then(this.mongo.remove(Query.query(Criteria.where("_id").is(SweepMarkers.RECORD)),
					CertificateStore.ISSUE_MARKERS))
			.then()
			.as(StepVerifier::create)
			.verifyComplete();

		run().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		CertificateDocument issued = stored(id);
		assertThat(issued.stage()).isEqualTo(CertificateStage.ISSUED.name());
		assertThat(issued.announced()).isTrue();
		this.mongo.exists(Query.query(Criteria.where("_id").is(SweepMarkers.RECORD)), CertificateStore.ISSUE_MARKERS)
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();

		run().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(stored(id)).as("issued once").isEqualTo(issued);
		assertThat(notices(id)).isEqualTo(1);
	}

	private Mono<Long> run() {
		return this.sweeps.stream()
			.filter((sweep) -> sweep.name().equals("certificate-issues"))
			.findFirst()
			.orElseThrow()
			.work()
			.get()
			.defaultIfEmpty(0L);
	}

	/** A new candidate with real-name data, by account id. */
	private String candidate() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		String[] accountId = new String[1];
		this.accounts.profileByUsername(candidate.username())
			.as(StepVerifier::create)
			.consumeNextWith((profile) -> accountId[0] = profile.accountId())
			.verifyComplete();
		return accountId[0];
	}

	/** The pass taken note of, as a crash right after it leaves it. */
	private String intake(String accountId) {
		AttemptPassed pass = new AttemptPassed("sweep-" + UUID.randomUUID(), "exam", "首席质量官资格考试", true, "session",
				accountId, 90, 100, Instant.now());
		String[] id = new String[1];
		this.issuing.intake(pass)
			.as(StepVerifier::create)
			.consumeNextWith((certificate) -> id[0] = certificate.id())
			.verifyComplete();
		return id[0];
	}

	/** The first steps of an issue alone: content fixed, number taken. */
	private String fixAndNumber(String id) {
		CertificateDocument certificate = stored(id);
		String[] number = new String[1];
		this.accounts.profile(certificate.accountId())
			.flatMap((profile) -> this.store.fixContent(id,
					new Update().set("holderName", profile.fullName())
						.set("idNumberMasked", profile.idNumberMasked())
						.set("employerName", profile.employerName())
						.set("regionCode", profile.regionCode())
						.set("issuedOn", LocalDate.now().toString())
						.set("expiresOn", LocalDate.now().plusYears(3).minusDays(1).toString())
						.set("issuer", "首席质量官培训考核平台（演示发证机构）")))
			.flatMap((fixed) -> this.store.assignNumber(id, "JX", LocalDate.parse(fixed.issuedOn()).getYear()))
			.as(StepVerifier::create)
			.consumeNextWith((assigned) -> number[0] = assigned.toString())
			.verifyComplete();
		return number[0];
	}

	private String issue(String id) {
		this.issuing.issue(id)
			.as(StepVerifier::create)
			.assertNext((certificate) -> assertThat(certificate.announced()).isTrue())
			.verifyComplete();
		return id;
	}

	private Mono<Void> mark(String id, Instant since) {
		return this.mongo
			.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set("since", since),
					CertificateStore.ISSUE_MARKERS)
			.then();
	}

	private CertificateDocument stored(String id) {
		CertificateDocument[] found = new CertificateDocument[1];
		this.store.find(id).as(StepVerifier::create).consumeNextWith((stored) -> found[0] = stored).verifyComplete();
		return found[0];
	}

	/** The holder's notices of an issued certificate (each candidate here has one). */
	private long notices(String certificateId) {
		long[] count = new long[1];
		this.mongo
			.count(Query.query(Criteria.where("accountId")
				.is(stored(certificateId).accountId())
				.and("messageKey")
				.is("certificate.notice.issued")), "notifications")
			.as(StepVerifier::create)
			.consumeNextWith((found) -> count[0] = found)
			.verifyComplete();
		return count[0];
	}

	private void assertNotMarked(String... ids) {
		this.mongo
			.find(Query.query(Criteria.where("_id").in((Object[]) ids)), Document.class, CertificateStore.ISSUE_MARKERS)
			.as(StepVerifier::create)
			.verifyComplete();
	}

}
