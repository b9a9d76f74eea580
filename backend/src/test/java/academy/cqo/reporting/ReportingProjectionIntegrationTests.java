package academy.cqo.reporting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.exam.AttemptPassed;
import academy.cqo.filing.FilingApi;
import academy.cqo.reporting.persistence.CountyFiguresDocument;
import academy.cqo.reporting.persistence.CountyStandingsDocument;
import academy.cqo.reporting.persistence.ProjectionStore;
import academy.cqo.testsupport.Eventually;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.Qualification;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reporting projection (per-county standings and counts, docs/REPORTING.md) stays
 * equal to the records: two racing changes of one county are both counted, a replayed
 * event counts once, a stale write is refused, the reconciliation repairs a corrupted
 * counter and a lost update, and a filing approved after the roster import counts at once
 * through the API. Records are seeded directly where the test needs control over them.
 */
@IntegrationTest
class ReportingProjectionIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	CountyProjection projection;

	@Autowired
	ProjectionStore store;

	@Autowired
	Standings standings;

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Test
	void twoRacingChangesOfOneCountyAreBothCounted() {
		String county = "361021";
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			String code = People.creditCode(county);
			codes.add(code);
			rosterEntry(code, county, true);
		}
		this.projection.refreshCounties(List.of(county)).block(WAIT);
		assertThat(county(county).counts().rosterEnterprises()).isEqualTo(12);
		assertThat(county(county).counts().filed()).isZero();

		// A write based on a version another write has moved past is refused.
		CountyStandingsDocument read = county(county);
		CountyStandingsDocument first = new CountyStandingsDocument(county, read.version() + 1, read.ceYear(),
				read.rows(), read.counts(), read.rowsHash(), Instant.now());
		assertThat(this.store.put(first).block(WAIT)).isTrue();
		assertThat(this.store.put(first).block(WAIT)).isFalse();

		// Pairs of enterprises get their CQO at the same moment; both changes are
		// counted.
		long conflictsBefore = this.projection.conflicts();
		for (int i = 0; i < codes.size(); i += 2) {
			String a = codes.get(i);
			String b = codes.get(i + 1);
			filed(a, county, "acct-race-" + a);
			filed(b, county, "acct-race-" + b);
			Mono.zip(this.projection.changed(a).subscribeOn(Schedulers.parallel()).thenReturn(a),
					this.projection.changed(b).subscribeOn(Schedulers.parallel()).thenReturn(b))
				.block(WAIT);
		}
		CountyStandingsDocument after = county(county);
		assertThat(after.counts().filed()).isEqualTo(12);
		assertThat(after.rows()).allSatisfy((row) -> assertThat(row.filed()).isTrue());
		assertThat(after.counts())
			.isEqualTo(CoverageCounts.of(this.standings.inRegion(county, this.projection.year()).block(WAIT)));
		assertThat(coverage(county)).containsEntry("filed", 12).containsEntry("aboveScaleFiled", 12);
		System.out.printf("Racing county writes: %d lost a race and were written again%n",
				this.projection.conflicts() - conflictsBefore);
	}

	@Test
	void aReplayedEventIsCountedOnce() {
		String county = "361022";
		String code = People.creditCode(county);
		String account = "acct-replay-" + code;
		rosterEntry(code, county, true);
		filed(code, county, account);
		rosterEntry(People.creditCode(county), county, false);
		this.projection.refreshCounties(List.of(county)).block(WAIT);
		CountyStandingsDocument before = county(county);
		assertThat(before.counts().filed()).isEqualTo(1);
		assertThat(before.counts().trained()).isZero();

		AttemptPassed pass = new AttemptPassed("attempt-" + code, "exam", "考试", true, "session", account, 90, 100,
				Instant.now());
		this.projection.passed(pass).block(WAIT);
		CountyStandingsDocument once = county(county);
		assertThat(once.counts().trained()).isEqualTo(1);
		assertThat(once.version()).isEqualTo(before.version() + 1);

		this.projection.passed(pass).block(WAIT);
		this.projection.passed(pass).block(WAIT);
		CountyStandingsDocument replayed = county(county);
		assertThat(replayed.counts().trained()).isEqualTo(1);
		assertThat(replayed.version()).isEqualTo(once.version());
		assertThat(coverage(county)).containsEntry("trained", 1).containsEntry("filed", 1);

		// A pass of someone who is no roster enterprise's CQO changes nothing.
		this.projection
			.passed(new AttemptPassed("attempt-x", "exam", "考试", true, "session", "acct-nobody-" + code, 90, 100,
					Instant.now()))
			.block(WAIT);
		assertThat(county(county).version()).isEqualTo(once.version());

		// The same change of CQO told twice: written once.
		this.projection.changed(code).block(WAIT);
		long version = county(county).version();
		this.projection.changed(code).block(WAIT);
		assertThat(county(county).version()).isEqualTo(version);
	}

	@Test
	void theReconciliationRepairsACorruptedCounterAndALostUpdate() {
		String county = "361023";
		List<String> codes = List.of(People.creditCode(county), People.creditCode(county), People.creditCode(county));
		codes.forEach((code) -> rosterEntry(code, county, true));
		filed(codes.get(0), county, "acct-rec-" + codes.get(0));
		filed(codes.get(1), county, "acct-rec-" + codes.get(1));
		this.projection.refreshCounties(List.of(county)).block(WAIT);
		assertThat(coverage(county)).containsEntry("filed", 2);

		// Both the county's counts and their copy damaged: the report shows the damage...
		Query byId = Query.query(Criteria.where("_id").is(county));
		this.mongo.updateFirst(byId, new Update().set("counts.filed", 999), CountyStandingsDocument.class).block(WAIT);
		this.mongo.updateFirst(byId, new Update().set("counts.filed", 999), CountyFiguresDocument.class).block(WAIT);
		assertThat(coverage(county)).containsEntry("filed", 999);
		// ...until the reconciliation recomputes the county from the records.
		assertThat(this.projection.reconcile().block(WAIT)).isPositive();
		assertThat(coverage(county)).containsEntry("filed", 2);
		assertThat(county(county).counts().filed()).isEqualTo(2);

		// Only the copy damaged (same version): repaired too.
		this.mongo.updateFirst(byId, new Update().set("counts.aboveScale", 0), CountyFiguresDocument.class).block(WAIT);
		assertThat(coverage(county)).containsEntry("aboveScale", 0);
		this.projection.reconcile().block(WAIT);
		assertThat(coverage(county)).containsEntry("aboveScale", 3);

		// A change nobody told the projection about (a lost event) is found by the next
		// run.
		filed(codes.get(2), county, "acct-rec-" + codes.get(2));
		assertThat(coverage(county)).containsEntry("filed", 2);
		this.projection.reconcile().block(WAIT);
		assertThat(coverage(county)).containsEntry("filed", 3).containsEntry("aboveScaleFiled", 3);
		// and it writes nothing when nothing differs in that county.
		long version = county(county).version();
		this.projection.reconcile().block(WAIT);
		assertThat(county(county).version()).isEqualTo(version);

		// The county document lost, then an event: the county is rebuilt at version 1,
		// behind its copy, which refuses its figures; one run rewrites the county after
		// its own version and replaces the copy.
		this.mongo.remove(byId, CountyStandingsDocument.class).block(WAIT);
		String fourth = People.creditCode(county);
		rosterEntry(fourth, county, true);
		filed(fourth, county, "acct-rec-" + fourth);
		this.projection.changed(fourth).block(WAIT);
		assertThat(county(county).version()).isEqualTo(1);
		assertThat(coverage(county)).containsEntry("filed", 3);
		this.projection.reconcile().block(WAIT);
		assertThat(coverage(county)).containsEntry("filed", 4).containsEntry("aboveScale", 4);
		assertThat(county(county).version()).isEqualTo(2);
	}

	@Test
	void aFilingApprovedOrEndedAfterTheRosterImportCountsAtOnce() throws Exception {
		String county = "361024";
		QuestionBankApi countyAdmin = RosterApi.countyAdmin(this.client, county);
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, county);
		String code = (String) enterprise.getJson("/api/v1/me").get("employerCreditCode");
		RosterApi.imported(this.client, countyAdmin, List.of(RosterApi.row(code, "广昌投影测试有限公司", county, true),
				RosterApi.row(county, true), RosterApi.row(county, false)));
		assertThat(coverage(county)).containsEntry("rosterEnterprises", 3)
			.containsEntry("aboveScale", 2)
			.containsEntry("filed", 0);

		String idNumber = People.idNumber();
		QuestionBankApi cqo = QuestionBankApi.newCandidate(this.client,
				Map.of("idNumber", idNumber, "regionCode", county));
		String filing = FilingApi.submitted(this.client, enterprise, FilingApi.form("黎投影", idNumber));
		FilingApi.decide(countyAdmin, filing, Map.of("decision", "APPROVE"));
		assertThat(coverage(county)).containsEntry("filed", 1)
			.containsEntry("aboveScaleFiled", 1)
			.containsEntry("trained", 0)
			.containsEntry("certified", 0);
		assertThat(county(county).rows()).filteredOn((row) -> row.entry().creditCode().equals(code))
			.singleElement()
			.satisfies((row) -> assertThat(row.cqo().fullName()).isEqualTo("黎投影"));

		// The CQO passes and is certified: the pass and the issued certificate reach the
		// figures without waiting for the reconciliation; so does a suspension.
		Map<String, Object> certificate = Qualification.pass(cqo, new QuestionBankApi(this.client, "trainer"));
		Eventually.await("trained and certified in the projection", WAIT,
				() -> Integer.valueOf(1).equals(coverage(county).get("trained"))
						&& Integer.valueOf(1).equals(coverage(county).get("certified")));
		new QuestionBankApi(this.client, "admin-jx")
			.post("/api/v1/admin/certificates/" + certificate.get("id") + "/suspend", Map.of("reason", "OTHER"))
			.expectStatus()
			.isOk();
		assertThat(coverage(county)).containsEntry("certified", 0).containsEntry("trained", 1);

		String dismissal = (String) enterprise
			.post("/api/v1/filings/" + filing + "/dismissal", Map.of("endMonth", "2026-11", "reason", "本人辞职"))
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody()
			.get("id");
		FilingApi.decide(countyAdmin, dismissal, Map.of("decision", "APPROVE"));
		assertThat(coverage(county)).containsEntry("filed", 0).containsEntry("aboveScaleFiled", 0);
	}

	private Map<String, Object> coverage(String county) {
		return new QuestionBankApi(this.client, "admin-jx").getJson("/api/v1/reports/coverage?regionCode=" + county);
	}

	private CountyStandingsDocument county(String county) {
		return this.store.county(county).block(WAIT);
	}

	private void rosterEntry(String code, String county, boolean aboveScale) {
		this.mongo
			.insert(new Document("_id", code).append("name", "投影测试企业" + code.substring(10))
				.append("regionCode", county)
				.append("industry", "C")
				.append("aboveScale", aboveScale)
				.append("size", "MEDIUM")
				.append("keyCultivation", false)
				.append("importId", "test")
				.append("updatedAt", new Date()), "roster_entries")
			.block(WAIT);
	}

	/** The enterprise gets a current CQO in the records (nobody tells the projection). */
	private void filed(String code, String county, String account) {
		String filingId = "proj-f-" + code;
		this.mongo
			.insert(new Document("_id", filingId).append("kind", "APPOINTMENT")
				.append("state", "APPROVED")
				.append("creditCode", code)
				.append("regionCode", county)
				.append("enterprise",
						new Document("name", "投影测试企业").append("regionCode", county)
							.append("industry", "C")
							.append("enterpriseType", "PRIVATE")
							.append("aboveScale", true)
							.append("size", "MEDIUM"))
				.append("cqo",
						new Document("fullName", "投影" + code.substring(12)).append("idNumberHash", "proj-h-" + code)
							.append("education", "BACHELOR")
							.append("professionalTitle", "INTERMEDIATE")
							.append("currentPost", "质量总监"))
				.append("appointment",
						new Document("post", "首席质量官").append("fullTime", true).append("startMonth", "2025-03"))
				.append("declaration", true)
				.append("number", "PROJ-" + code)
				.append("candidateAccountId", account)
				.append("decidedAt", new Date())
				.append("revision", 0L), "filings")
			.block(WAIT);
		this.mongo.upsert(Query.query(Criteria.where("_id").is(code)),
				new Update().set("name", "投影测试企业")
					.set("regionCode", county)
					.set("aboveScale", true)
					.set("verified", true)
					.set("accountIds", List.of())
					.set("currentFilingId", filingId),
				"enterprises")
			.block(WAIT);
	}

}
