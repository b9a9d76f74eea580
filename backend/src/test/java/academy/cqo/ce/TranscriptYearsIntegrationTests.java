package academy.cqo.ce;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import academy.cqo.testsupport.IntegrationTest;
import academy.cqo.testsupport.QuestionBankApi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transcripts only for years with a ledger (security finding 9): from the year the
 * account was registered to this year. Any other year (next year, a year before
 * registration, 99999, 0, −5) is refused with 400 naming the year before anything is
 * numbered or signed.
 */
@IntegrationTest
class TranscriptYearsIntegrationTests {

	@Autowired
	WebTestClient client;

	@ParameterizedTest(name = "a transcript for {0} is refused")
	@ValueSource(ints = { 2001, 99999, 0, -5 })
	void whenTheYearHasNoLedgerThenNoTranscript(int year) {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		candidate.get("/api/v1/me/ce/" + year + "/transcript.pdf")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("year");
	}

	@Test
	void whenTheYearHasNotBegunThenNoTranscript() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		candidate.get("/api/v1/me/ce/" + (LocalDate.now().getYear() + 1) + "/transcript.pdf")
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("ce.transcript.noLedger");
	}

	@Test
	void whenTheYearIsThisYearThenTheTranscriptIsIssued() {
		QuestionBankApi candidate = QuestionBankApi.newCandidate(this.client);
		byte[] pdf = candidate.get("/api/v1/me/ce/" + LocalDate.now().getYear() + "/transcript.pdf")
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
	}

}
