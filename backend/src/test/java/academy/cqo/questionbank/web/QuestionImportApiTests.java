package academy.cqo.questionbank.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.BankNotEditable;
import academy.cqo.questionbank.BankNotFound;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionbank.QuestionImports;
import academy.cqo.questionbank.Questions;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.testsupport.WebSlice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The question import endpoint as a slice: the multipart upload read as the application
 * reads it, and each refusal shown as the problem detail a client lists line by line,
 * without the store.
 */
@WebFluxTest(controllers = QuestionBanksApi.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "academy\\.cqo\\.(identity|notification)\\.web\\.(PageModel|UnreadNotices)|.*\\.ResponseHeaders"))
@Import(WebSlice.class)
class QuestionImportApiTests {

	private static final byte[] YAML = "questions:\n  - type: single\n"
		.getBytes(java.nio.charset.StandardCharsets.UTF_8);

	@Autowired
	WebTestClient client;

	@MockitoBean
	QuestionImports imports;

	@MockitoBean
	QuestionBanks banks;

	@MockitoBean
	Questions questions;

	@Test
	void whenTheReviewStatusIsUnknownThenItIsNamedAndNothingIsImported() {
		upload("b1", "?status=BOGUS").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("status")
			.jsonPath("$.errors[0].code")
			.isEqualTo("question.status.unknown")
			.jsonPath("$.errors[0].message")
			.isEqualTo("Unknown review status \"BOGUS\"");
		verify(this.imports, never()).importFile(any(), any(), any(), any(), any(), any());
	}

	@Test
	void whenTheFileIsRefusedThenEveryProblemIsListedWithItsLine() {
		given(this.imports.importFile(eq("b1"), eq("bank.yaml"), eq(YAML), any(), any(), any(CurrentUser.class)))
			.willReturn(
					Mono.error(new InvalidInput(
							List.of(new FieldViolation("questions", "import.file.noQuestions", List.of(), 1),
									new FieldViolation("file", "import.file.tooManyQuestions", List.of(5000), 2)),
							true)));

		upload("b1", "").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(2)
			.jsonPath("$.errors[0].line")
			.isEqualTo(1)
			.jsonPath("$.errors[0].code")
			.isEqualTo("import.file.noQuestions")
			.jsonPath("$.errors[1].line")
			.isEqualTo(2)
			.jsonPath("$.errors[1].message")
			.isEqualTo("A file holds at most 5,000 questions; split it and import the parts");
	}

	@Test
	void whenTheBankIsNotTheCallersThenA404Problem() {
		given(this.imports.importFile(eq("other"), any(), any(), any(), any(), any(CurrentUser.class)))
			.willReturn(Mono.error(new BankNotFound("other")));

		upload("other", "").expectStatus().isNotFound().expectBody().jsonPath("$.errors").doesNotExist();
	}

	@Test
	void whenTheBankIsOnlyReadableThenA403ProblemWithoutErrors() {
		given(this.imports.importFile(eq("shared"), any(), any(), any(), any(), any(CurrentUser.class)))
			.willReturn(Mono.error(new BankNotEditable()));

		upload("shared", "").expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("You are not allowed to do this.")
			.jsonPath("$.errors")
			.doesNotExist();
	}

	private WebTestClient.ResponseSpec upload(String bankId, String query) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(YAML) {

			@Override
			public String getFilename() {
				return "bank.yaml";
			}

		});
		return this.client.mutateWith(WebSlice.as(WebSlice.trainer()))
			.post()
			.uri("/api/v1/question-banks/" + bankId + "/imports" + query)
			.header("Accept-Language", "en")
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

}
