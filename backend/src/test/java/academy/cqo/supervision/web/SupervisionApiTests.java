package academy.cqo.supervision.web;

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
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.certificate.HolderSanctions;
import academy.cqo.filing.Appointments;
import academy.cqo.filing.Enterprises;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.identity.Role;
import academy.cqo.notification.Notifications;
import academy.cqo.platform.PlatformSettings;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.supervision.StepKind;
import academy.cqo.supervision.SupervisionCases;
import academy.cqo.supervision.SupervisionSettings;
import academy.cqo.supervision.persistence.CaseDocument;
import academy.cqo.supervision.persistence.CaseStore;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockAuthentication;

/**
 * The supervision-case API's validation and problem details, without the application: a
 * {@code @WebFluxTest} slice of {@link SupervisionApi} with the real
 * {@link SupervisionCases}, the platform's web components (the one advice, request
 * limits, strict JSON) and the module's store and neighbours stubbed. Boot's default
 * security chain stands in for the platform's; the caller is a {@link CurrentUser}
 * principal.
 */
@WebFluxTest(SupervisionApi.class)
@Import({ SupervisionCases.class, SupervisionApiTests.Beans.class })
class SupervisionApiTests {

	private static final CurrentUser DONGHU = new CurrentUser("a-dh", "admin-dh", "东湖区管理员", Set.of(Role.ADMIN),
			"360102");

	@Autowired
	private WebTestClient client;

	@MockitoBean
	private CaseStore store;

	@MockitoBean
	private Appointments appointments;

	@MockitoBean
	private Enterprises enterprises;

	@MockitoBean
	private HolderSanctions sanctions;

	@MockitoBean
	private Notifications notifications;

	@MockitoBean
	private AuditLog audit;

	/**
	 * What the slice lacks: {@code @ConfigurationPropertiesScan} does not run in a slice,
	 * so the settings the included components need are enabled here.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ PlatformSettings.class, SupervisionSettings.class })
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

	private WebTestClient as(CurrentUser user, String role) {
		return this.client.mutateWith(mockAuthentication(new TestingAuthenticationToken(user, null, role)))
			.mutateWith(csrf());
	}

	private static CaseDocument closedCase() {
		return new CaseDocument("c1", "WARNING", "CLOSED", "f1", "360102-2026-0001", "91360100MA35F7Q46X", "某企业",
				"360102", "张三", "抽查不合格", LocalDate.of(2026, 12, 31), List.of(), null, "admin-dh", "a-dh", Instant.EPOCH,
				2);
	}

	@Test
	void whenACaseIsOpenedWithAnUnknownKindAndNoPersonOrReasonThen400NamesEveryFieldAndNothingIsRead() {
		as(DONGHU, "ROLE_ADMIN").post()
			.uri("/api/v1/supervision-cases")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "AUDIT"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'cqoIdNumber')].code")
			.isEqualTo("supervision.field.cqoOrFiling")
			.jsonPath("$.errors[?(@.field == 'kind')].code")
			.isEqualTo("field.invalidValue")
			.jsonPath("$.errors[?(@.field == 'reason')]")
			.exists();
		verifyNoInteractions(this.store, this.appointments, this.sanctions);
	}

	@Test
	void whenAnExitIsOpenedWithAnUnknownCertificateActionAndReasonThen400NamesBothAndNothingIsRead() {
		as(DONGHU, "ROLE_ADMIN").post()
			.uri("/api/v1/supervision-cases")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("filingId", "f1", "kind", "EXIT", "reason", "严重失职", "certificateAction", "DELETE",
					"reasonCategory", "WHIM"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'certificateAction')].code")
			.isEqualTo("certificate.action.unknown")
			.jsonPath("$.errors[?(@.field == 'reasonCategory')].code")
			.isEqualTo("certificate.reason.required")
			.jsonPath("$.errors[?(@.field == 'kind')]")
			.doesNotExist();
		verifyNoInteractions(this.store, this.appointments, this.sanctions);
	}

	@Test
	void whenAKindIsNotTextThen400NamesTheField() {
		as(DONGHU, "ROLE_ADMIN").post()
			.uri("/api/v1/supervision-cases")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"filingId\": \"f1\", \"kind\": [\"EXIT\"], \"reason\": \"x\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("kind");
		verifyNoInteractions(this.store, this.appointments);
	}

	@Test
	void whenAStepThatIsNotTheBureausIsRecordedThen400() {
		as(DONGHU, "ROLE_ADMIN").post()
			.uri("/api/v1/supervision-cases/c1/steps")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "RECTIFICATION"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'kind')].code")
			.isEqualTo("supervision.step.notAdminStep");
		verifyNoInteractions(this.store);
	}

	@Test
	void whenAStepIsRecordedOnAFinishedCaseThenTheStoreGuardRefusesItAnd409SaysTheState() {
		given(this.store.find("c1")).willReturn(Mono.just(closedCase()));
		given(this.store.addStep(eq("c1"), eq(StepKind.CLOSE), any(), any())).willReturn(Mono.empty());
		as(DONGHU, "ROLE_ADMIN").post()
			.uri("/api/v1/supervision-cases/c1/steps")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "CLOSE", "reason", "已整改"))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("state")
			.jsonPath("$.errors[0].code")
			.isEqualTo("supervision.state.finished");
		verify(this.audit, never()).record(anyString(), anyString(), anyString(), anyString(), anyString());
	}

	@Test
	void whenTheCaseIsUnknownOrOutsideTheJurisdictionThen404() {
		given(this.store.find("c1")).willReturn(Mono.just(closedCase()));
		given(this.store.find("c9")).willReturn(Mono.empty());
		CurrentUser qingshanhu = new CurrentUser("a-qsh", "admin-qsh", "青山湖区管理员", Set.of(Role.ADMIN), "360111");
		as(qingshanhu, "ROLE_ADMIN").post()
			.uri("/api/v1/supervision-cases/c1/steps")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "CLOSE"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errors")
			.doesNotExist();
		as(DONGHU, "ROLE_ADMIN").post()
			.uri("/api/v1/supervision-cases/c9/steps")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("kind", "CLOSE"))
			.exchange()
			.expectStatus()
			.isNotFound();
		verify(this.store, never()).addStep(anyString(), any(), any(), any());
	}

	@Test
	void whenSomeoneOtherThanAnAdministratorOpensACaseThen403() {
		CurrentUser candidate = new CurrentUser("c-1", "zhangsan", "张三", Set.of(Role.CANDIDATE), "360102");
		as(candidate, "ROLE_CANDIDATE").post()
			.uri("/api/v1/supervision-cases")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("filingId", "f1", "kind", "WARNING", "reason", "x"))
			.exchange()
			.expectStatus()
			.isForbidden();
		verifyNoInteractions(this.store, this.appointments);
	}

}
