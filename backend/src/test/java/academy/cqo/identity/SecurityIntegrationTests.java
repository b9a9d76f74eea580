package academy.cqo.identity;

import java.time.Duration;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.PageForm;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecurityIntegrationTests {

	static final String DEMO_PASSWORD = "Cqo@2026demo";

	@Autowired
	WebTestClient client;

	@Autowired
	ReactiveMongoTemplate mongo;

	@Autowired
	MutableClock clock;

	@Autowired
	WebSessionManager sessions;

	@Autowired
	org.springframework.security.web.server.WebFilterChainProxy securityFilters;

	@Nested
	class Firewall {

		@Test
		void theStrictFirewallsChecksRunOncePerRequestAndStillRejectAForbiddenUrl() {
			assertThat(org.springframework.test.util.ReflectionTestUtils
				.getField(SecurityIntegrationTests.this.securityFilters, "firewall"))
				.extracting((firewall) -> firewall.getClass().getSimpleName())
				.isEqualTo("CheckedOnceFirewall");
			SecurityIntegrationTests.this.client.get()
				.uri("/api/v1/regions;jsessionid=1")
				.exchange()
				.expectStatus()
				.isBadRequest();
			SecurityIntegrationTests.this.client.get().uri("/api/v1/regions").exchange().expectStatus().isOk();
		}

	}

	@Nested
	class Lockout {

		@Test
		void fiveFailuresLockTheAccountForThatAddressForFifteenMinutesEvenForTheRightPasswordAnsweredAlike() {
			String username = registerFresh();
			for (int i = 1; i <= 5; i++) {
				tokenRequest(username, "Wrong#Pass1").expectStatus()
					.isUnauthorized()
					.expectBody()
					.jsonPath("$.code")
					.isEqualTo("BAD_CREDENTIALS");
			}
			tokenRequest(username, "Qual1ty#Safe").expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("BAD_CREDENTIALS")
				.jsonPath("$.detail")
				.isEqualTo("用户名或密码错误。");
			SecurityIntegrationTests.this.clock.advance(Duration.ofMinutes(14));
			tokenRequest(username, "Qual1ty#Safe").expectStatus().isUnauthorized();
			SecurityIntegrationTests.this.clock.advance(Duration.ofMinutes(2));
			tokenRequest(username, "Qual1ty#Safe").expectStatus().isOk();
			assertAudited(username, AuditLog.ACCOUNT_LOCKED);
			assertAudited(username, AuditLog.LOGIN_FAILED);
			assertAudited(username, AuditLog.LOGIN_SUCCEEDED);
		}

		@Test
		void formLoginAnswersALockedAccountLikeAWrongPassword() {
			String username = registerFresh();
			for (int i = 1; i <= 5; i++) {
				formLogin(username, "Wrong#Pass1").expectStatus().isFound().expectHeader().location("/login?error");
			}
			formLogin(username, "Qual1ty#Safe").expectHeader().location("/login?error");
		}

		@Test
		void successResetsTheFailureCount() {
			String username = registerFresh();
			for (int i = 1; i <= 4; i++) {
				tokenRequest(username, "Wrong#Pass1").expectStatus().isUnauthorized();
			}
			tokenRequest(username, "Qual1ty#Safe").expectStatus().isOk();
			for (int i = 1; i <= 4; i++) {
				tokenRequest(username, "Wrong#Pass1").expectBody().jsonPath("$.code").isEqualTo("BAD_CREDENTIALS");
			}
			tokenRequest(username, "Qual1ty#Safe").expectStatus().isOk();
		}

		@Test
		void unknownUsernameIsJustBadCredentials() {
			tokenRequest("nobody-" + People.username(), "Wrong#Pass1").expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("BAD_CREDENTIALS");
		}

	}

	@Nested
	class Csrf {

		@Test
		void registrationFormWithoutTokenIsForbidden() {
			SecurityIntegrationTests.this.client.post()
				.uri("/register")
				.body(BodyInserters.fromFormData("username", People.username()))
				.exchange()
				.expectStatus()
				.isForbidden();
		}

		@Test
		void loginFormWithoutTokenIsForbidden() {
			SecurityIntegrationTests.this.client.post()
				.uri("/login")
				.body(BodyInserters.fromFormData("username", "candidate").with("password", DEMO_PASSWORD))
				.exchange()
				.expectStatus()
				.isForbidden();
		}

		@Test
		void apiWriteWithSessionCookieButNoTokenIsForbidden() {
			ResponseCookie session = sessionOf("admin-jx");
			SecurityIntegrationTests.this.client.post()
				.uri("/api/v1/admin/users")
				.cookie(session.getName(), session.getValue())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", People.username()))
				.exchange()
				.expectStatus()
				.isForbidden();
		}

		@Test
		void registrationPageCarriesTheToken() {
			SecurityIntegrationTests.this.client.get()
				.uri("/register")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.value((html) -> assertThat(html).contains("name=\"_csrf\""));
		}

	}

	@Nested
	class Roles {

		@Test
		void candidateIsForbiddenOnAdminPagesAndApis() {
			ResponseCookie session = sessionOf("candidate");
			SecurityIntegrationTests.this.client.get()
				.uri("/admin/users")
				.accept(MediaType.TEXT_HTML)
				.cookie(session.getName(), session.getValue())
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody(String.class)
				.value((html) -> assertThat(html).contains("无权访问").contains("首席质量官培训考核平台"));
			String token = token("candidate");
			getAs(token, "/api/v1/admin/users").expectStatus()
				.isForbidden()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
			getAs(token, "/actuator/prometheus").expectStatus().isForbidden();
		}

		@Test
		void anonymousGetsProblemOnApiAndLoginRedirectOnPages() {
			SecurityIntegrationTests.this.client.get()
				.uri("/api/v1/me")
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.status")
				.isEqualTo(401);
			SecurityIntegrationTests.this.client.get()
				.uri("/account")
				.exchange()
				.expectStatus()
				.isFound()
				.expectHeader()
				.location("/login");
			SecurityIntegrationTests.this.client.get()
				.uri("/actuator/prometheus")
				.exchange()
				.expectStatus()
				.isUnauthorized();
			SecurityIntegrationTests.this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		}

		@Test
		void adminReadsMetrics() {
			String token = token("admin-jx");
			getAs(token, "/actuator/prometheus").expectStatus()
				.isOk()
				.expectBody(String.class)
				.value((text) -> assertThat(text).contains("jvm_memory_used_bytes"));
		}

		@Test
		void requestsAreTimedWithoutAGaugeOfThoseInFlight() {
			String token = token("admin-jx");
			getAs(token, "/api/v1/me").expectStatus().isOk();
			getAs(token, "/actuator/prometheus").expectStatus()
				.isOk()
				.expectBody(String.class)
				.value((text) -> assertThat(text).contains("http_server_requests_seconds_count{")
					.contains("uri=\"/api/v1/me\"")
					.doesNotContain("http_server_requests_active"));
		}

		@Test
		void forgedTokenIsRefused() {
			String token = token("candidate");
			String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
			getAs(forged, "/api/v1/me").expectStatus().isUnauthorized();
		}

		@Test
		void roleChangeIsAuditedAndSelfDemotionRefused() {
			String username = registerFresh();
			String admin = token("admin-jx");
			SecurityIntegrationTests.this.client.put()
				.uri("/api/v1/admin/users/{u}/roles", username)
				.headers((headers) -> headers.setBearerAuth(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("roles", new String[] { "CANDIDATE", "TRAINER" }))
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.roles.length()")
				.isEqualTo(2);
			assertAudited(username, AuditLog.ROLES_CHANGED);
			SecurityIntegrationTests.this.client.put()
				.uri("/api/v1/admin/users/admin-jx/roles")
				.headers((headers) -> headers.setBearerAuth(admin))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("roles", new String[] { "TRAINER" }))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].code")
				.isEqualTo("identity.roles.selfDemotion");
		}

	}

	@Nested
	class Jurisdictions {

		@Test
		void countyAdminSeesOnlyItsCounty() {
			String token = token("admin-dh");
			getAs(token, "/api/v1/admin/users?size=100").expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[?(@.username == 'candidate')]")
				.exists()
				.jsonPath("$.items[?(@.username == 'candidate2')]")
				.doesNotExist()
				.jsonPath("$.items[?(@.regionCode != '360102')]")
				.doesNotExist();
			getAs(token, "/api/v1/admin/users/candidate2").expectStatus().isNotFound();
			getAs(token, "/api/v1/admin/users/candidate2/id-number").expectStatus().isForbidden();
		}

		@Test
		void countyAdminPageListsOnlyItsCounty() {
			ResponseCookie session = sessionOf("admin-dh");
			SecurityIntegrationTests.this.client.get()
				.uri("/admin/users")
				.cookie(session.getName(), session.getValue())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(String.class)
				.value((html) -> assertThat(html).contains("data-username=\"candidate\"")
					.doesNotContain("data-username=\"candidate2\"")
					.contains("3601**********1238"));
		}

		@Test
		void cityAdminSeesItsCounties() {
			String token = token("admin-nc");
			getAs(token, "/api/v1/admin/users?size=100").expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.items[?(@.username == 'candidate')]")
				.exists()
				.jsonPath("$.items[?(@.username == 'candidate2')]")
				.exists();
		}

		@Test
		void countyAdminCannotCreateAnAccountAboveItsCounty() {
			String token = token("admin-dh");
			SecurityIntegrationTests.this.client.post()
				.uri("/api/v1/admin/users")
				.headers((headers) -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", People.username(), "password", "Qual1ty#Safe", "fullName", "赵管理", "roles",
						new String[] { "ADMIN" }, "regionCode", "360000"))
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].code")
				.isEqualTo("identity.region.outOfScope");
		}

		@Test
		void provinceAdminCreatesATrainerWhoCanSignIn() {
			String token = token("admin-jx");
			String username = People.username();
			SecurityIntegrationTests.this.client.post()
				.uri("/api/v1/admin/users")
				.headers((headers) -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("username", username, "password", "Qual1ty#Safe", "fullName", "钱讲师", "roles",
						new String[] { "TRAINER" }, "regionCode", "360100"))
				.exchange()
				.expectStatus()
				.isCreated();
			tokenRequest(username, "Qual1ty#Safe").expectStatus().isOk();
		}

		@Test
		void revealingAnIdNumberIsAudited() {
			String token = token("admin-nc");
			getAs(token, "/api/v1/admin/users/candidate/id-number").expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.idNumber")
				.isEqualTo("360102198503151238");
			assertAudited("candidate", AuditLog.PERSONAL_DATA_READ);
		}

	}

	@Test
	void pageSessionsExpireAfterThirtyMinutesIdle() {
		((DefaultWebSessionManager) this.sessions).getSessionStore()
			.createWebSession()
			.as(StepVerifier::create)
			.assertNext((session) -> assertThat(session.getMaxIdleTime()).isEqualTo(Duration.ofMinutes(30)))
			.verifyComplete();
	}

	private WebTestClient.ResponseSpec getAs(String token, String uri) {
		return this.client.get().uri(uri).headers((headers) -> headers.setBearerAuth(token)).exchange();
	}

	private String registerFresh() {
		String username = People.username();
		this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(People.registration(username, People.idNumber(), "360102"))
			.exchange()
			.expectStatus()
			.isCreated();
		return username;
	}

	private WebTestClient.ResponseSpec tokenRequest(String username, String password) {
		return Tokens.request(this.client, username, password);
	}

	private String token(String username) {
		return Tokens.issue(this.client, username, DEMO_PASSWORD);
	}

	private WebTestClient.ResponseSpec formLogin(String username, String password) {
		PageForm login = PageForm.open(this.client, "/login");
		return this.client.post()
			.uri("/login")
			.cookie("SESSION", login.session())
			.body(BodyInserters.fromFormData("username", username)
				.with("password", password)
				.with("_csrf", login.csrfToken()))
			.exchange();
	}

	private ResponseCookie sessionOf(String username) {
		ResponseCookie cookie = formLogin(username, DEMO_PASSWORD).expectStatus()
			.isFound()
			.expectHeader()
			.location("/")
			.returnResult(Void.class)
			.getResponseCookies()
			.getFirst("SESSION");
		assertThat(cookie).isNotNull();
		return cookie;
	}

	private void assertAudited(String subject, String action) {
		this.mongo.getCollection("audit_events")
			.flatMapMany((events) -> events.find(new Document("subject", subject).append("action", action)))
			.next()
			.as(StepVerifier::create)
			.assertNext((event) -> {
				assertThat(event.getString("address")).isNotBlank();
				assertThat(event.getDate("at")).isNotNull();
			})
			.verifyComplete();
	}

}
