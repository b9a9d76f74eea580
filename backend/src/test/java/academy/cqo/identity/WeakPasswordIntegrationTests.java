package academy.cqo.identity;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.QuestionBankApi;

/**
 * Weak passwords are refused with the reason (security finding 8): the probe's
 * {@code Password1}, {@code Qwerty123}, {@code 12345678Aa} (among the 10,000 most common
 * or a small variation of one) and eight spaces with {@code A1a} (whitespace does not
 * count), on registration and on user creation alike.
 */
@IntegrationTest
class WeakPasswordIntegrationTests {

	@Autowired
	WebTestClient client;

	@ParameterizedTest(name = "registering with ''{0}'' is refused: {1}")
	@CsvSource(delimiter = '|', value = { "Password1|identity.password.common", "Qwerty123|identity.password.common",
			"12345678Aa|identity.password.common", "'        A1a'|identity.password.whitespace" })
	void registration(String password, String code) {
		Map<String, Object> registration = People.registration(People.username(), People.idNumber(), "360102");
		registration.put("password", password);
		this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(registration)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'password')].code")
			.isEqualTo(code);
	}

	@ParameterizedTest(name = "creating a user with ''{0}'' is refused: {1}")
	@CsvSource(delimiter = '|',
			value = { "Password1|identity.password.common", "'        A1a'|identity.password.whitespace" })
	void userCreation(String password, String code) {
		new QuestionBankApi(this.client, "admin-jx")
			.post("/api/v1/admin/users",
					Map.of("username", People.username(), "password", password, "fullName", "郑讲师", "roles",
							List.of("TRAINER"), "regionCode", "360102"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[?(@.field == 'password')].code")
			.isEqualTo(code);
	}

}
