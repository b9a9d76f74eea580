package academy.cqo.identity;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.People;
import academy.cqo.testsupport.Tokens;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class RegistrationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ReactiveMongoTemplate mongo;

	@LocalServerPort
	int port;

	@Test
	void registerWhenValidThenCreatedAndProfileDerivedFromIdNumber() {
		String username = People.username();
		Map<String, Object> body = People.registration(username, freshIdWithLowercaseX(), "360102");
		register(body).expectStatus().isCreated().expectHeader().location("/api/v1/me");
		String token = token(username, "Qual1ty#Safe");
		this.client.get()
			.uri("/api/v1/me")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.username")
			.isEqualTo(username)
			.jsonPath("$.roles[0]")
			.isEqualTo("CANDIDATE")
			.jsonPath("$.fullName")
			.isEqualTo("李质量")
			.jsonPath("$.idNumberMasked")
			.value((String masked) -> assertThat(masked).matches("3601\\*{10}\\d{3}X"))
			.jsonPath("$.sex")
			.isEqualTo("FEMALE")
			.jsonPath("$.regionCode")
			.isEqualTo("360102")
			.jsonPath("$.employerName")
			.isEqualTo("江西省质量示范企业（集团）有限公司");
	}

	/**
	 * A valid ID number whose check character is X, typed in lower case, with an even
	 * (female) sequence digit.
	 */
	private static String freshIdWithLowercaseX() {
		for (int i = 0; i < 100000; i++) {
			String candidate = People.idNumber();
			int sexDigit = candidate.charAt(16) - '0';
			if (candidate.endsWith("X") && sexDigit % 2 == 0) {
				return candidate.substring(0, 17) + "x";
			}
		}
		throw new IllegalStateException("no ID with X found");
	}

	@Test
	void idNumberIsStoredEncryptedAndFoundByBlindIndexOnly() {
		String username = People.username();
		String idNumber = People.idNumber();
		register(People.registration(username, idNumber, "360102")).expectStatus().isCreated();
		this.mongo.getCollection("accounts")
			.flatMapMany((collection) -> collection.find(new Document("username", username)))
			.as(StepVerifier::create)
			.assertNext((document) -> {
				assertThat(document.toJson()).doesNotContain(idNumber).doesNotContain(idNumber.substring(4, 14));
				assertThat(document.getString("idNumberCipher")).startsWith("v1:");
				assertThat(document.getString("idNumberHash")).isNotBlank();
			})
			.verifyComplete();
	}

	@Test
	void usernameTakenThenConflictNamingUsername() {
		String username = People.username();
		register(People.registration(username, People.idNumber(), "360102")).expectStatus().isCreated();
		register(People.registration(username.toUpperCase(), People.idNumber(), "360102")).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("username")
			.jsonPath("$.errors[0].message")
			.isEqualTo("该用户名已被注册。");
	}

	@Test
	void idNumberTakenThenConflictNamingIdNumber() {
		String idNumber = People.idNumber();
		register(People.registration(People.username(), idNumber, "360102")).expectStatus().isCreated();
		String second = People.username();
		register(People.registration(second, idNumber, "360102")).expectStatus()
			.isEqualTo(HttpStatus.CONFLICT)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("idNumber")
			.jsonPath("$.errors[0].code")
			.isEqualTo("identity.idNumber.taken");
		assertNotStored(second);
	}

	@Test
	void racingRegistrationsOfOneUsernameGiveExactlyOneAccount() {
		String username = People.username();
		WebClient web = WebClient.create("http://localhost:" + this.port);
		Flux.range(0, 8)
			.flatMap(
					(i) -> web.post()
						.uri("/api/v1/auth/register")
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(People.registration(username, People.idNumber(), "360102"))
						.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())),
					8)
			.collectList()
			.as(StepVerifier::create)
			.assertNext(
					(statuses) -> assertThat(statuses).containsOnly(201, 409).filteredOn((s) -> s == 201).hasSize(1))
			.verifyComplete();
		this.mongo.count(Query.query(Criteria.where("username").is(username)), "accounts")
			.as(StepVerifier::create)
			.expectNext(1L)
			.verifyComplete();
	}

	@Test
	void englishErrorsWhenAskedFor() {
		Map<String, Object> body = People.registration(People.username(), "360102198503151230", "360102");
		this.client.post()
			.uri("/api/v1/auth/register?lang=en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("The check digit of the ID number is wrong; please check the number.");
	}

	@Nested
	class BadInput {

		static Stream<Arguments> catalogue() {
			return Stream.of(Arguments.of("idNumber", "360102198503151230", "identity.idNumber.checksum"),
					Arguments.of("idNumber", "110105199001010829", "identity.idNumber.checksum"),
					Arguments.of("idNumber", "360102198502301230", "identity.idNumber.birthDate"),
					Arguments.of("idNumber", "360102199013401234", "identity.idNumber.birthDate"),
					Arguments.of("idNumber", "360102850315123", "identity.idNumber.legacy"),
					Arguments.of("idNumber", "36010219850315123", "identity.idNumber.format"),
					Arguments.of("idNumber", "3601021985031512381", "field.tooLong"),
					Arguments.of("employerIndustry", "Z", "identity.employerIndustry.unknown"),
					Arguments.of("employerIndustry", "制造业", "identity.employerIndustry.unknown"),
					Arguments.of("employerCreditCode", "91440300MA5G3K2I2J", "identity.creditCode.characters"),
					Arguments.of("employerCreditCode", "91440300MA5G3K2O2J", "identity.creditCode.characters"),
					Arguments.of("employerCreditCode", "91440300MA5G3K2S2J", "identity.creditCode.characters"),
					Arguments.of("employerCreditCode", "91440300MA5G3K2V2J", "identity.creditCode.characters"),
					Arguments.of("employerCreditCode", "91440300MA5G3K2Z2J", "identity.creditCode.characters"),
					Arguments.of("employerCreditCode", "91360100MA35F7Q46Y", "identity.creditCode.checksum"),
					Arguments.of("employerCreditCode", "91360100MA35F7Q4", "identity.creditCode.length"),
					Arguments.of("username", "u".repeat(33), "field.tooLong"),
					Arguments.of("username", "1abc", "identity.username.pattern"),
					Arguments.of("username", "ab", "identity.username.pattern"),
					Arguments.of("fullName", "张".repeat(31), "field.tooLong"),
					Arguments.of("fullName", "<script>alert(1)</script>", "identity.fullName.pattern"),
					Arguments.of("fullName", "<b>张三</b>", "identity.fullName.pattern"),
					Arguments.of("fullName", "张三1", "identity.fullName.pattern"),
					Arguments.of("employerName", "<script>alert(1)</script>有限公司", "identity.employerName.pattern"),
					Arguments.of("employerName", "公".repeat(101), "field.tooLong"),
					Arguments.of("email", "a".repeat(95) + "@x.com", "field.tooLong"),
					Arguments.of("email", "not-an-email", "identity.email.pattern"),
					Arguments.of("mobile", "1381234567", "identity.mobile.pattern"),
					Arguments.of("mobile", "23812345678", "identity.mobile.pattern"),
					Arguments.of("mobile", "138123456789", "field.tooLong"),
					Arguments.of("regionCode", "360100", "identity.region.notCounty"),
					Arguments.of("regionCode", "369999", "identity.region.unknown"),
					Arguments.of("password", "short1A", "identity.password.length"),
					Arguments.of("password", "onlylowercase", "identity.password.classes"),
					Arguments.of("password", "", "field.required"), Arguments.of("email", null, "field.required"));
		}

		@ParameterizedTest(name = "{0} = {1} -> {2}")
		@MethodSource("catalogue")
		void refusedWithFieldErrorAndNothingStored(String field, String value, String code) {
			String username = "username".equals(field) ? String.valueOf(value) : People.username();
			Map<String, Object> body = People.registration(username, People.idNumber(), "360102");
			body.put(field, value);
			register(body).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.errors[?(@.field == '" + field + "')].code")
				.isEqualTo(List.of(code))
				.jsonPath("$.errors[?(@.field == '" + field + "')].message")
				.value((List<String> messages) -> assertThat(messages.get(0)).isNotBlank()
					.doesNotStartWith("identity.")
					.doesNotStartWith("field."));
			assertNotStored(username);
		}

		@ParameterizedTest
		@MethodSource("stringFields")
		void mongoOperatorInAStringFieldIsRefused(String field) {
			String username = People.username();
			Map<String, Object> body = People.registration(username, People.idNumber(), "360102");
			body.put(field, Map.of("$gt", ""));
			register(body).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo(field)
				.jsonPath("$.errors[0].code")
				.isEqualTo("field.mustBeText");
			assertNotStored(username);
		}

		static Stream<String> stringFields() {
			return Stream.of("username", "password", "fullName", "idNumber", "mobile", "email", "regionCode",
					"employerName", "employerCreditCode");
		}

		@Test
		void operatorTextInsideAStringIsJustText() {
			String username = People.username();
			Map<String, Object> body = People.registration(username, People.idNumber(), "360102");
			body.put("employerName", "{\"$gt\": \"\"}");
			register(body).expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("employerName");
			assertNotStored(username);
		}

		@Test
		void everyBadFieldIsNamedAtOnce() {
			Map<String, Object> body = Map.of("username", "x", "password", "a");
			register(body).expectStatus().isBadRequest().expectBody().jsonPath("$.errors.length()").isEqualTo(9);
		}

		@Test
		void notJsonIsRefused() {
			RegistrationIntegrationTests.this.client.post()
				.uri("/api/v1/auth/register")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"username\": ")
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		}

	}

	private WebTestClient.ResponseSpec register(Map<String, Object> body) {
		return this.client.post()
			.uri("/api/v1/auth/register")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private String token(String username, String password) {
		return Tokens.issue(this.client, username, password);
	}

	private void assertNotStored(String username) {
		this.mongo.count(Query.query(Criteria.where("username").is(String.valueOf(username).toLowerCase())), "accounts")
			.as(StepVerifier::create)
			.expectNext(0L)
			.verifyComplete();
	}

}
