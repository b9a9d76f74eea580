package academy.cqo.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.reporting.persistence.ProjectionStore;
import academy.cqo.reporting.persistence.ReportRoundDocument;
import academy.cqo.reporting.persistence.RoundStore;
import academy.cqo.shared.RegionDirectory;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;

/**
 * The 附件3 API's validation and problem details, without the application: a
 * {@code @WebFluxTest} slice of {@code ReportRoundsApi} with the real
 * {@link ReportRounds} and the platform's one advice ({@code ApiProblems}); the store and
 * the figures beneath are stubbed. Boot's default security chain stands in for the
 * platform's (the identity module keeps its own package-private); the caller is a
 * {@link CurrentUser} principal. In this package because {@code ReportRounds}'
 * collaborators are package private.
 */
@WebFluxTest(useDefaultFilters = false,
		includeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = { "academy\\.cqo\\.reporting\\.web\\.ReportRoundsApi",
						"academy\\.cqo\\.platform\\.web\\.ApiProblems" }))
@Import({ ReportRounds.class, ReportRoundsApiTests.Beans.class })
class ReportRoundsApiTests {

	private static final String ROUND = "/api/v1/report-rounds/r1";

	private static final CurrentUser DONGHU = new CurrentUser("a-dh", "admin-dh", "东湖区管理员", Set.of(Role.ADMIN),
			"360102");

	private static final CurrentUser NANCHANG = new CurrentUser("a-nc", "admin-nc", "南昌市管理员", Set.of(Role.ADMIN),
			"360100");

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private RoundStore store;

	@MockitoBean
	private Standings standings;

	@MockitoBean
	private TablePdfs pdfs;

	@MockitoBean
	private AuditLog audit;

	/** The projection not built: live figures come from the (stubbed) standings. */
	@MockitoBean
	private ProjectionStore projection;

	@org.junit.jupiter.api.BeforeEach
	void projectionNotBuilt() {
		given(this.projection.reconciled()).willReturn(Mono.just(false));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Beans {

		@Bean
		RegionDirectory regionDirectory() {
			return RegionDirectory.load();
		}

		@Bean
		Clock clock() {
			return Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
		}

	}

	private WebTestClient as(CurrentUser user) {
		return this.client.mutateWith(mockAuthentication(new TestingAuthenticationToken(user, null, "ROLE_ADMIN")))
			.mutateWith(csrf());
	}

	private void roundOfNanchang() {
		given(this.store.round("r1")).willReturn(Mono.just(new ReportRoundDocument("r1", "2027 年培育计划",
				List.of(2027, 2028), LocalDate.of(2027, 1, 31), "360100", "admin-nc", Instant.EPOCH)));
	}

	@Test
	void whenPlansAreMissingOrOutOfRangeThen400NamesEachPlanYearAndNothingIsStored() {
		roundOfNanchang();
		as(DONGHU).put()
			.uri(ROUND + "/submissions/360102")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("plans", Map.of("2027", -1)))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.instance")
			.isEqualTo(ROUND + "/submissions/360102")
			.jsonPath("$.errors.length()")
			.isEqualTo(2)
			.jsonPath("$.errors[0].field")
			.isEqualTo("plans.2027")
			.jsonPath("$.errors[0].code")
			.isEqualTo("report.submission.plan")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Give a whole number from 0 to 1,000,000.")
			.jsonPath("$.errors[1].field")
			.isEqualTo("plans.2028");
		verify(this.store, never()).savePlans(anyString(), anyString(), any(), any());
	}

	@Test
	void whenAPlanIsNotANumberThen400NamesThatPlan() {
		roundOfNanchang();
		as(DONGHU).put()
			.uri(ROUND + "/submissions/360102")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"plans\": {\"2027\": \"many\", \"2028\": 3}}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("plans.2027");
		verify(this.store, never()).savePlans(anyString(), anyString(), any(), any());
	}

	@Test
	void whenTheReportIsSubmittedThenSavingPlansIs409SubmissionLocked() {
		roundOfNanchang();
		given(this.store.savePlans(anyString(), anyString(), any(), any())).willReturn(Mono.empty());
		as(DONGHU).put()
			.uri(ROUND + "/submissions/360102")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("plans", Map.of("2027", 3, "2028", 5)))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("state")
			.jsonPath("$.errors[0].code")
			.isEqualTo("report.submission.locked");
	}

	@Test
	void whenTheRegionIsOutsideTheCallersJurisdictionOrTheRoundUnknownThen404WithoutDetails() {
		roundOfNanchang();
		given(this.store.round("nope")).willReturn(Mono.empty());
		as(DONGHU).put()
			.uri(ROUND + "/submissions/360103")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("plans", Map.of("2027", 3, "2028", 5)))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.errors")
			.doesNotExist();
		as(DONGHU).get().uri("/api/v1/report-rounds/nope").exchange().expectStatus().isNotFound();
		verify(this.store, never()).savePlans(anyString(), anyString(), any(), any());
	}

	@Test
	void whenAnAdministratorReturnsTheirOwnRegionsReportThen403SaysWhy() {
		roundOfNanchang();
		as(DONGHU).post()
			.uri(ROUND + "/submissions/360102/return")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("comment", "自己退回"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("report.submission.ownReturn");
		verify(this.store, never()).giveBack(anyString(), anyString(), anyString(), any());
	}

	@Test
	void whenAReportThatIsNotSubmittedIsReturnedThen409() {
		roundOfNanchang();
		given(this.store.giveBack(anyString(), anyString(), anyString(), any())).willReturn(Mono.empty());
		as(NANCHANG).post()
			.uri(ROUND + "/submissions/360102/return")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("comment", "请补充"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("report.submission.notSubmitted");
	}

	@Test
	void whenACountySetsARoundThen403AndNothingIsStored() {
		as(DONGHU).post()
			.uri("/api/v1/report-rounds")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "县级任务", "planYears", List.of(2027), "dueDate", "2027-01-31"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("report.round.notByCounty");
		verify(this.store, never()).insert(any());
	}

}
