package academy.cqo.reporting;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.filing.FilingApi;
import academy.cqo.reporting.persistence.ProjectionStore;
import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;
import academy.cqo.testsupport.Studying;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Course completions, CE met and certificate expiry reach the coverage report and the
 * dashboard at once, without the reconciling sweep: a completion through the course
 * module's {@code CompletionHandler} port, an approved CE claim through the CE module's
 * {@code CeChanges} port, an expiry at read time (the projection keeps its certified
 * rows' expiry dates). Told again, each changes nothing; the reconciliation agrees.
 */
@IntegrationTest
class LiveFiguresIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes();

	@Autowired
	WebTestClient client;

	@Autowired
	MutableClock clock;

	@Autowired
	CountyProjection projection;

	@Autowired
	ProjectionStore store;

	@Autowired
	org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;

	/** A roster enterprise of the county with an approved filing of a registered CQO. */
	private QuestionBankApi filedCqo(String county) throws Exception {
		QuestionBankApi countyAdmin = RosterApi.countyAdmin(this.client, county);
		QuestionBankApi enterprise = FilingApi.enterprise(this.client, county);
		String code = (String) enterprise.getJson("/api/v1/me").get("employerCreditCode");
		RosterApi.imported(this.client, countyAdmin,
				List.of(RosterApi.row(code, "实时测试有限公司", county, true), RosterApi.row(county, false)));
		String idNumber = People.idNumber();
		QuestionBankApi cqo = QuestionBankApi.newCandidate(this.client,
				Map.of("idNumber", idNumber, "regionCode", county));
		String filing = FilingApi.submitted(this.client, enterprise, FilingApi.form("黎实时", idNumber));
		FilingApi.decide(countyAdmin, filing, Map.of("decision", "APPROVE"));
		assertThat(coverage(county)).containsEntry("filed", 1)
			.containsEntry("trained", 0)
			.containsEntry("certified", 0)
			.containsEntry("ceMet", 0);
		return cqo;
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCompletedCourseAndMetCeCountAtOnceAndOnceWhenToldAgain() throws Exception {
		String county = "361028";
		QuestionBankApi cqo = filedCqo(county);
		String account = accountId(cqo);

		// Completing the course (one module of 20 CE hours) trains the CQO.
		String[] course = Studying.publishedCourse(new QuestionBankApi(this.client, "trainer"), 1, 20.0, null);
		new Studying(cqo, this.clock).completeCourse(course[0]);
		assertThat(coverage(county)).containsEntry("trained", 1).containsEntry("ceMet", 0);
		Map<String, Object> training = (Map<String, Object>) dashboard(county).get("training");
		assertThat(training).containsEntry("achieved", 1);

		// 20 + 40 + 20 hours: not yet the 90 required; the last 10 approved meet it.
		approve(claim(cqo, "OFFLINE_CLASS", 40));
		approve(claim(cqo, "CONFERENCE", 20));
		assertThat(coverage(county)).containsEntry("ceMet", 0);
		approve(claim(cqo, "VISIT", 10));
		assertThat(coverage(county)).containsEntry("ceMet", 1).containsEntry("trained", 1);
		assertThat((Map<String, Object>) dashboard(county).get("ce")).containsEntry("met", 1);

		// Told again, nothing changes; the reconciliation finds nothing to repair.
		long version = this.store.county(county).block(WAIT).version();
		this.projection.completed(account).block(WAIT);
		this.projection.ceChanged(account).block(WAIT);
		assertThat(this.store.county(county).block(WAIT).version()).isEqualTo(version);
		this.projection.reconcile().block(WAIT);
		assertThat(this.store.county(county).block(WAIT).version()).isEqualTo(version);
		assertThat(coverage(county)).containsEntry("ceMet", 1).containsEntry("trained", 1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCertificateThatExpiresStopsCountingOnTheNextDay() throws Exception {
		String county = "361030";
		QuestionBankApi cqo = filedCqo(county);
		String account = accountId(cqo);
		LocalDate today = LocalDate.now(this.clock);
		this.mongo
			.insert(new Document("_id", "live-c-" + account).append("stage", "ISSUED")
				.append("announced", true)
				.append("state", "ACTIVE")
				.append("accountId", account)
				.append("number", "JX-LIVE-" + county)
				.append("expiresOn", today.toString())
				.append("regionCode", county)
				.append("createdAt", new Date()), "certificates")
			.block(WAIT);
		this.projection.certificatesChanged(account).block(WAIT);
		assertThat(coverage(county)).containsEntry("certified", 1);

		this.clock.advance(Duration.ofDays(1));
		try {
			// The certificate expired at the end of yesterday: no event, no sweep.
			assertThat(coverage(county)).containsEntry("certified", 0).containsEntry("filed", 1);
			List<Map<String, Object>> bars = (List<Map<String, Object>>) dashboard(county).get("bars");
			assertThat(bars).allSatisfy((bar) -> assertThat(bar).containsEntry("certified", 0));
			// The reconciliation writes the county once and agrees.
			this.projection.reconcile().block(WAIT);
			long version = this.store.county(county).block(WAIT).version();
			assertThat(coverage(county)).containsEntry("certified", 0);
			this.projection.reconcile().block(WAIT);
			assertThat(this.store.county(county).block(WAIT).version()).isEqualTo(version);
		}
		finally {
			this.clock.advance(Duration.ofDays(-1));
		}
	}

	private String accountId(QuestionBankApi person) {
		String username = (String) person.getJson("/api/v1/me").get("username");
		Document account = this.mongo
			.findOne(Query.query(Criteria.where("username").is(username)), Document.class, "accounts")
			.block(WAIT);
		assertThat(account).isNotNull();
		return String.valueOf(account.get("_id"));
	}

	private String claim(QuestionBankApi holder, String type, double hours) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		Map.of("activityType", type, "title", "质量管理研修", "organiser", "中国质量协会", "date",
				LocalDate.now(this.clock).toString(), "hours", String.valueOf(hours), "professional", "true")
			.forEach(body::part);
		body.part("evidence", new ByteArrayResource(PDF) {
			@Override
			public String getFilename() {
				return "证明.pdf";
			}
		});
		Map<String, Object> claim = this.client.post()
			.uri("/api/v1/me/ce/" + LocalDate.now(this.clock).getYear() + "/claims")
			.headers((headers) -> headers.setBearerAuth(holder.token()))
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
		return (String) claim.get("id");
	}

	private void approve(String claimId) {
		new QuestionBankApi(this.client, "admin-jx")
			.post("/api/v1/admin/ce/claims/" + claimId + "/decision", Map.of("approve", true))
			.expectStatus()
			.isOk();
	}

	private Map<String, Object> coverage(String county) {
		return new QuestionBankApi(this.client, "admin-jx").getJson("/api/v1/reports/coverage?regionCode=" + county);
	}

	private Map<String, Object> dashboard(String county) {
		return new QuestionBankApi(this.client, "admin-jx").getJson("/api/v1/dashboard?regionCode=" + county);
	}

}
