package academy.cqo.identity;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.MutableClock;
import academy.cqo.testsupport.PageForm;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lockout without revealing names or handing out lockouts (security finding 6). Clients
 * connect from different loopback addresses (127.0.0.x) to stand for different machines.
 * <p>
 * The design, in {@code identity.security.LoginThrottle}: failed sign-ins are counted per
 * address and per account-and-address over a sliding 15-minute window. Five failures from
 * one address lock the account <em>for that address only</em>, so an attacker who guesses
 * an administrator's password five times locks themself out, not the administrator, who
 * still signs in from their own machine. An address that fails
 * {@code max-failures-per-address} times (20 by default, 8 here) is refused outright with
 * 429 and {@code Retry-After}, whatever username it tries. The account's own, stored,
 * all-addresses lock (against guessing from many machines) takes ten failures, and each
 * address feeds it at most four per window: one address can never trigger it, however
 * long it keeps going. An unknown username, a wrong password and a locked account get the
 * same 401 code and the same page redirect after the same password hashing.
 */
@IntegrationTest
@TestPropertySource(properties = "cqo.identity.max-failures-per-address=8")
class LoginThrottleIntegrationTests {

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	private WebTestClient from(String address) {
		HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
			.baseUrl("http://127.0.0.1:" + this.port)
			.responseTimeout(Duration.ofMinutes(1))
			.build();
	}

	private static WebTestClient.ResponseSpec token(WebTestClient client, String username, String password) {
		return client.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", username, "password", password))
			.exchange();
	}

	private static String registered(WebTestClient client) {
		String username = People.username();
		client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(People.registration(username, People.idNumber(), "360102"))
			.exchange()
			.expectStatus()
			.isCreated();
		return username;
	}

	private static Map<String, Object> refusal(WebTestClient client, String username, String password) {
		return token(client, username, password).expectStatus()
			.isUnauthorized()
			.expectBody(QuestionBankApi.JSON)
			.returnResult()
			.getResponseBody();
	}

	@Test
	void anAttackerAddressLocksItselfOutButNotTheOwnerElsewhere() {
		WebTestClient attacker = from("127.0.0.21");
		WebTestClient owner = from("127.0.0.22");
		String username = registered(owner);
		for (int i = 0; i < 7; i++) {
			refusal(attacker, username, "Wrong#Pass" + i);
		}
		refusal(attacker, username, "Qual1ty#Safe");
		token(owner, username, "Qual1ty#Safe").expectStatus().isOk();
	}

	@Test
	void anUnknownNameAWrongPasswordAndALockedAccountAreAnsweredAlike() {
		WebTestClient client = from("127.0.0.31");
		String username = registered(client);
		Map<String, Object> wrong = refusal(client, username, "Wrong#Pass1");
		for (int i = 0; i < 4; i++) {
			refusal(client, username, "Wrong#Pass1");
		}
		Map<String, Object> locked = refusal(client, username, "Qual1ty#Safe");
		Map<String, Object> unknown = refusal(client, "nobody-" + People.username(), "Qual1ty#Safe");
		assertThat(locked.get("code")).isEqualTo(unknown.get("code")).isEqualTo(wrong.get("code"));
		assertThat(locked.get("detail")).isEqualTo(unknown.get("detail")).isEqualTo(wrong.get("detail"));
	}

	@Test
	void theLoginPageRedirectsALockedAndAnUnknownAccountAlike() {
		WebTestClient client = from("127.0.0.41");
		String username = registered(client);
		for (int i = 0; i < 5; i++) {
			formLogin(client, username, "Wrong#Pass1");
		}
		assertThat(formLogin(client, username, "Qual1ty#Safe"))
			.isEqualTo(formLogin(client, "nobody-" + People.username(), "Qual1ty#Safe"))
			.isEqualTo("/login?error");
	}

	private static String formLogin(WebTestClient client, String username, String password) {
		PageForm login = PageForm.open(client, "/login");
		return client.post()
			.uri("/login")
			.cookie("SESSION", login.session())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(org.springframework.web.reactive.function.BodyInserters.fromFormData("username", username)
				.with("password", password)
				.with("_csrf", login.csrfToken()))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
	}

	@Test
	void anAddressThatFailsTooOftenIsToldToWaitWhateverItTries() {
		WebTestClient sprayer = from("127.0.0.51");
		WebTestClient someoneElse = from("127.0.0.52");
		for (int i = 0; i < 8; i++) {
			refusal(sprayer, "nobody-" + People.username(), "Wrong#Pass1");
		}
		String retryAfter = token(sprayer, "candidate", QuestionBankApi.DEMO_PASSWORD).expectStatus()
			.isEqualTo(429)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("TOO_MANY_ATTEMPTS")
			.returnResult()
			.getResponseHeaders()
			.getFirst("Retry-After");
		assertThat(Long.parseLong(retryAfter)).isBetween(1L, 15 * 60L + 1);
		token(someoneElse, "candidate", QuestionBankApi.DEMO_PASSWORD).expectStatus().isOk();
		this.clock.advance(Duration.ofMinutes(16));
		try {
			token(sprayer, "candidate", QuestionBankApi.DEMO_PASSWORD).expectStatus().isOk();
		}
		finally {
			this.clock.advance(Duration.ofMinutes(-16));
		}
	}

	@Test
	void oneAddressCannotLockTheAccountForEveryoneHoweverLongItTries() {
		WebTestClient attacker = from("127.0.0.61");
		WebTestClient owner = from("127.0.0.62");
		String username = registered(owner);
		for (int window = 0; window < 4; window++) {
			for (int i = 0; i < 5; i++) {
				refusal(attacker, username, "Wrong#Pass1");
			}
			this.clock.advance(Duration.ofMinutes(16));
		}
		try {
			token(owner, username, "Qual1ty#Safe").expectStatus().isOk();
		}
		finally {
			this.clock.advance(Duration.ofMinutes(-64));
		}
	}

}
