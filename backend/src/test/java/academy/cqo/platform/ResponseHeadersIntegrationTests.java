package academy.cqo.platform;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Response headers (security finding 11), with {@code CQO_SECURE_COOKIES=true}: pages say
 * their charset, HSTS is sent and cookies are {@code Secure}; the camera is allowed only
 * on {@code /verify}; a refused verification says when to retry.
 */
@IntegrationTest
@TestPropertySource(properties = { "CQO_SECURE_COOKIES=true", "cqo.certificate.verifications-per-minute=3" })
class ResponseHeadersIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void pagesSayTheirCharsetAndHttpsOnlyPlatformsSendHstsAndSecureCookies() {
		EntityExchangeResult<byte[]> login = this.client.get()
			.uri("/login?lang=en")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Content-Type", "text/html;charset=UTF-8")
			.expectHeader()
			.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
			.expectHeader()
			.valueEquals("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
			.expectBody()
			.returnResult();
		ResponseCookie session = login.getResponseCookies().getFirst("SESSION");
		ResponseCookie language = login.getResponseCookies().getFirst("cqo-lang");
		assertThat(session).isNotNull();
		assertThat(session.isSecure()).isTrue();
		assertThat(language).isNotNull();
		assertThat(language.isSecure()).isTrue();
	}

	@Test
	void onlyTheVerificationPageMayUseTheCamera() {
		this.client.get()
			.uri("/verify")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=()");
	}

	@Test
	void aRefusedVerificationSaysWhenToRetry() {
		for (int i = 0; i < 3; i++) {
			verify().expectStatus().isOk();
		}
		String retryAfter = verify().expectStatus()
			.isEqualTo(429)
			.returnResult(byte[].class)
			.getResponseHeaders()
			.getFirst("Retry-After");
		assertThat(retryAfter).isNotNull();
		assertThat(Long.parseLong(retryAfter)).isBetween(1L, 61L);
	}

	private WebTestClient.ResponseSpec verify() {
		return this.client.post()
			.uri("/api/v1/verifications")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("certificateNumber", "CQO-0000-000000", "holderName", "张三"))
			.exchange();
	}

}
