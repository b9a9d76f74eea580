package academy.cqo.certificate.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.certificate.CertificateNotFound;
import academy.cqo.certificate.CertificateStateConflict;
import academy.cqo.certificate.CertificateStates;
import academy.cqo.certificate.Certificates;
import academy.cqo.certificate.SessionIssues;
import academy.cqo.certificate.signing.SigningKeys;
import academy.cqo.certificate.TalentPool;
import academy.cqo.identity.AuditLog;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.testsupport.WebSlice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The published revocation endpoint ({@code POST
 * /api/v1/certificates/{number}/revocation} {@code {reason, note}}) as a slice: how its
 * body is read and how each refusal is shown, without the store.
 */
@WebFluxTest(controllers = CertificatesApi.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "academy\\.cqo\\.(identity|notification)\\.web\\.(PageModel|UnreadNotices)|.*\\.ResponseHeaders"))
@Import(WebSlice.class)
class CertificateRevocationApiTests {

	private static final String REVOCATION = "/api/v1/certificates/{number}/revocation";

	@Autowired
	WebTestClient client;

	@MockitoBean
	CertificateStates states;

	@MockitoBean
	Certificates certificates;

	@MockitoBean
	SessionIssues sessions;

	@MockitoBean
	TalentPool pool;

	@MockitoBean
	SigningKeys keys;

	@MockitoBean
	AuditLog audit;

	@Test
	void whenTheReasonIsNotTextThenTheFieldIsNamedAndNothingIsRevoked() {
		revoke(WebSlice.provinceAdmin(), "{\"reason\": [\"FRAUD\"], \"note\": \"伪造\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason")
			.jsonPath("$.errors[0].code")
			.isEqualTo("field.mustBeText");
		verify(this.states, never()).changeState(any(), any(), any(), any(), any());
	}

	@Test
	void whenTheBodyIsMissingThenTheServiceIsAskedWithoutReasonAndItsRefusalListsTheField() {
		given(this.states.changeState(eq("JX-2026-000001"), eq("REVOKE"), isNull(), isNull(), any(CurrentUser.class)))
			.willReturn(Mono
				.error(new InvalidInput(List.of(FieldViolation.of("reason", "certificate.reason.required")), true)));

		this.client.mutateWith(WebSlice.as(WebSlice.provinceAdmin()))
			.post()
			.uri(REVOCATION, "JX-2026-000001")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("reason")
			.jsonPath("$.errors[0].code")
			.isEqualTo("certificate.reason.required");
	}

	@Test
	void whenACandidateAsksThenA403ProblemAndNothingIsRevoked() {
		revoke(WebSlice.candidate(), "{\"reason\": \"FRAUD\"}").expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(403);
		verify(this.states, never()).changeState(any(), any(), any(), any(), any());
	}

	@Test
	void whenTheCertificateIsOutsideTheJurisdictionThenA404Problem() {
		given(this.states.changeState(eq("HB-2026-000001"), eq("REVOKE"), eq("FRAUD"), isNull(),
				any(CurrentUser.class)))
			.willReturn(Mono.error(new CertificateNotFound("HB-2026-000001")));

		this.client.mutateWith(WebSlice.as(WebSlice.provinceAdmin()))
			.post()
			.uri(REVOCATION, "HB-2026-000001")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"reason\": \"FRAUD\"}")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errors")
			.doesNotExist();
	}

	@Test
	void whenAlreadyRevokedThenA409ProblemNamingTheState() {
		given(this.states.changeState(eq("JX-2026-000001"), eq("REVOKE"), eq("FRAUD"), eq("伪造学历"),
				any(CurrentUser.class)))
			.willReturn(Mono.error(new CertificateStateConflict("REVOKED")));

		revoke(WebSlice.provinceAdmin(), "{\"reason\": \"FRAUD\", \"note\": \"伪造学历\"}").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("state")
			.jsonPath("$.errors[0].code")
			.isEqualTo("certificate.state.conflict");
	}

	private WebTestClient.ResponseSpec revoke(CurrentUser user, String body) {
		return this.client.mutateWith(WebSlice.as(user))
			.post()
			.uri(REVOCATION, "JX-2026-000001")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
