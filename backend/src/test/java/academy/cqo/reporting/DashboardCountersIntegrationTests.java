package academy.cqo.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.filing.FilingApi;
import academy.cqo.reporting.persistence.ActivityCountyDocument;
import academy.cqo.reporting.persistence.ActivityFiguresDocument;
import academy.cqo.reporting.persistence.ActivityStore;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard counters ({@link DashboardCounters}: per county approved appointment
 * filings and talent-pool certificates issued per month, filings awaiting review) equal a
 * recount from the records after racing approvals, returns and issues, count an event
 * told again once, and are healed by the reconciliation when their copy is damaged or
 * deleted, when the county document is lost, and when a change was never told. Filings go
 * through the API (submission, approval and return tell the counters); talent-pool
 * entries are seeded directly and told through {@code certificatesChanged}, as the
 * certificate module does after it enters a holder.
 */
@IntegrationTest
class DashboardCountersIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Autowired
	WebTestClient client;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	DashboardCounters counters;

	@Autowired
	ActivityStore store;

	@Autowired
	java.time.Clock clock;

	@BeforeEach
	void patientClient() {
		this.client = this.client.mutate().responseTimeout(Duration.ofMinutes(2)).build();
	}

	@Test
	void racingApprovalsReturnsAndIssuesAreAllCountedAndEqualARecount() {
		String county = "361124";
		QuestionBankApi admin = RosterApi.countyAdmin(this.client, county);
		List<String> filings = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			filings.add(submittedFiling(county, "赛" + "甲乙丙丁戊己".charAt(i)));
		}
		assertThat(activity(county).toReview()).isEqualTo(6);
		assertThat(activity(county).approved()).isEmpty();

		// At the same moment: four approvals and a return by the county, and eight
		// holders entering the talent pool (five this month, three last month).
		YearMonth now = YearMonth.now(this.clock);
		List<Mono<Void>> racing = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String decision = (i < 4) ? "APPROVE" : "RETURN";
			String filing = filings.get(i);
			racing.add(Mono.fromRunnable(() -> FilingApi.decide(admin, filing,
					Map.of("decision", decision, "reason", "核对材料", "comments", List.of())))
				.then());
		}
		for (int i = 0; i < 8; i++) {
			String account = poolEntry(county, "race-" + i, (i < 5) ? now.atDay(1) : now.minusMonths(1).atDay(2));
			racing.add(this.counters.certificatesChanged(account));
		}
		long conflictsBefore = this.counters.conflicts();
		Flux.fromIterable(racing)
			.flatMap((step) -> step.subscribeOn(Schedulers.boundedElastic()), racing.size())
			.then()
			.block(WAIT);

		DashboardCounters.Activity counted = activity(county);
		assertThat(counted.approved()).containsExactly(Map.entry(now, 4L));
		assertThat(counted.toReview()).isEqualTo(1);
		assertThat(counted.issued()).containsOnly(Map.entry(now, 5L), Map.entry(now.minusMonths(1), 3L));
		System.out.printf("Racing dashboard counter writes: %d lost a race and were written again%n",
				this.counters.conflicts() - conflictsBefore);

		// The recount from the records finds nothing to repair in this county.
		long version = this.store.county(county).block(WAIT).version();
		this.counters.reconcile().block(WAIT);
		assertThat(this.store.county(county).block(WAIT).version()).isEqualTo(version);
		assertThat(activity(county)).isEqualTo(counted);
	}

	@Test
	void anEventToldAgainCountsOnce() {
		String county = "361125";
		QuestionBankApi admin = RosterApi.countyAdmin(this.client, county);
		String filing = submittedFiling(county, "重");
		FilingApi.decide(admin, filing, Map.of("decision", "APPROVE"));
		String account = poolEntry(county, "replay", LocalDate.now(this.clock));
		this.counters.certificatesChanged(account).block(WAIT);
		long version = this.store.county(county).block(WAIT).version();

		for (int i = 0; i < 3; i++) {
			this.counters.filingChanged(filing).block(WAIT);
			this.counters.certificatesChanged(account).block(WAIT);
		}
		assertThat(this.store.county(county).block(WAIT).version()).isEqualTo(version);
		YearMonth now = YearMonth.now(this.clock);
		DashboardCounters.Activity counted = activity(county);
		assertThat(counted.approved()).containsExactly(Map.entry(now, 1L));
		assertThat(counted.issued()).containsExactly(Map.entry(now, 1L));
		assertThat(counted.toReview()).isZero();
	}

	@Test
	void theReconciliationHealsADamagedOrDeletedCounterAndAnUntoldChange() {
		String county = "361126";
		QuestionBankApi admin = RosterApi.countyAdmin(this.client, county);
		String approved = submittedFiling(county, "愈");
		FilingApi.decide(admin, approved, Map.of("decision", "APPROVE"));
		submittedFiling(county, "待");
		this.counters.certificatesChanged(poolEntry(county, "heal-1", LocalDate.now(this.clock))).block(WAIT);
		YearMonth now = YearMonth.now(this.clock);
		DashboardCounters.Activity right = new DashboardCounters.Activity(Map.of(now, 1L), Map.of(now, 1L), 1);
		assertThat(activity(county)).isEqualTo(right);

		// The copy damaged: the dashboard shows it until the reconciliation repairs it.
		Query byId = Query.query(Criteria.where("_id").is(county));
		this.mongo
			.updateFirst(byId, new Update().set("toReview", 99L).set("approved", Map.of("2020-01", 42L)),
					ActivityFiguresDocument.class)
			.block(WAIT);
		assertThat(activity(county).toReview()).isEqualTo(99);
		this.counters.reconcile().block(WAIT);
		assertThat(activity(county)).isEqualTo(right);

		// The copy deleted.
		this.mongo.remove(byId, ActivityFiguresDocument.class).block(WAIT);
		assertThat(activity(county).toReview()).isZero();
		this.counters.reconcile().block(WAIT);
		assertThat(activity(county)).isEqualTo(right);

		// The county document lost, then an event: it starts again from that one event;
		// the reconciliation rewrites the county from the records.
		this.mongo.remove(byId, ActivityCountyDocument.class).block(WAIT);
		this.counters.certificatesChanged(poolEntry(county, "heal-2", LocalDate.now(this.clock))).block(WAIT);
		this.counters.reconcile().block(WAIT);
		this.counters.reconcile().block(WAIT);
		DashboardCounters.Activity two = new DashboardCounters.Activity(Map.of(now, 1L), Map.of(now, 2L), 1);
		assertThat(activity(county)).isEqualTo(two);
		assertThat(this.store.county(county).block(WAIT).issued()).hasSize(2);

		// A change nobody told: found by the next run; a run with nothing to repair
		// writes
		// nothing.
		poolEntry(county, "untold", LocalDate.now(this.clock));
		this.counters.reconcile().block(WAIT);
		assertThat(activity(county).issued()).containsExactly(Map.entry(now, 3L));
		long version = this.store.county(county).block(WAIT).version();
		this.counters.reconcile().block(WAIT);
		assertThat(this.store.county(county).block(WAIT).version()).isEqualTo(version);
	}

	private DashboardCounters.Activity activity(String county) {
		Optional<DashboardCounters.Activity> activity = this.counters.of(county).block(WAIT);
		assertThat(activity).isPresent();
		return activity.get();
	}

	private String submittedFiling(String county, String name) {
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, county);
		return FilingApi.submitted(this.client, enterprise, FilingApi.form("计" + name, People.idNumber()));
	}

	/** A holder's talent-pool entry, written as the certificate module writes it. */
	private String poolEntry(String county, String name, LocalDate issuedOn) {
		String account = "acct-dash-" + county + "-" + name;
		this.mongo
			.insert(new Document("_id", account).append("certificateId", "cert-dash-" + account)
				.append("number", "JX-DASH-" + county + "-" + name)
				.append("holderName", "计数" + name)
				.append("regionCode", county)
				.append("issuedOn", issuedOn.toString())
				.append("expiresOn", issuedOn.plusYears(3).toString())
				.append("state", "ACTIVE")
				.append("enteredAt", new Date())
				.append("certificateIssuedAt", Date.from(issuedOn.atStartOfDay(this.clock.getZone()).toInstant())),
					"talent_pool")
			.block(WAIT);
		return account;
	}

}
