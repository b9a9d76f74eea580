package academy.cqo.exam.web;

import java.time.Instant;
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

import academy.cqo.exam.Answers;
import academy.cqo.exam.AttemptClosed;
import academy.cqo.exam.AttemptHeldElsewhere;
import academy.cqo.exam.AttemptNotFound;
import academy.cqo.exam.Attempts;
import academy.cqo.exam.Exams;
import academy.cqo.identity.CurrentUser;
import academy.cqo.testsupport.WebSlice;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The exam save endpoint as a slice: the controller, the JSON codecs with the platform's
 * strict input, and the platform's one advice, without the store. A body the endpoint
 * cannot read is refused as 400 naming the field before any service is called; the
 * service's named failures become 404 and 409 problem details.
 */
@WebFluxTest(controllers = AttemptsApi.class, excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = "academy\\.cqo\\.(identity|notification)\\.web\\.(PageModel|UnreadNotices)|.*\\.ResponseHeaders"))
@Import(WebSlice.class)
class AttemptsApiTests {

	private static final String SAVE = "/api/v1/attempts/{id}/answers/{questionId}";

	private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

	@Autowired
	WebTestClient client;

	@MockitoBean
	Answers answers;

	@MockitoBean
	Attempts attempts;

	@MockitoBean
	Exams exams;

	@Test
	void whenTheResponseIsTextInsteadOfAListThenTheFieldIsNamedAndNothingIsSaved() {
		save("{\"response\": \"A\", \"seq\": 1}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("response")
			.jsonPath("$.errors[0].code")
			.isEqualTo("field.wrongType");
		verify(this.answers, never()).save(any(), any(), any(), anyLong(), any(), any());
	}

	@Test
	void whenTheSequenceIsNotANumberThenTheFieldIsNamed() {
		save("{\"response\": [\"A\"], \"seq\": \"first\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("seq")
			.jsonPath("$.errors[0].code")
			.isEqualTo("field.invalidValue");
	}

	@Test
	void whenTheSequenceIsAFractionThenItIsRefusedNotTruncated() {
		save("{\"response\": [\"A\"], \"seq\": 1.5}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("seq")
			.jsonPath("$.errors[0].code")
			.isEqualTo("field.wrongType");
		verify(this.answers, never()).save(any(), any(), any(), anyLong(), any(), any());
	}

	@Test
	void whenAnOptionIsNullThenTheFieldIsNamed() {
		save("{\"response\": [\"A\", null], \"seq\": 2}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("response[1]")
			.jsonPath("$.errors[0].code")
			.isEqualTo("field.nullElement");
	}

	@Test
	void whenTheBodyIsNotJsonThenTheBodyIsNamed() {
		save("response=A&seq=1").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.errors[0].field")
			.isEqualTo("body");
	}

	@Test
	void whenTheAttemptIsNotTheCallersThenA404ProblemThatNamesNothing() {
		given(this.answers.save(eq("s1:other:1"), eq("q1"), eq(List.of("A")), eq(1L), isNull(), any(CurrentUser.class)))
			.willReturn(Mono.error(new AttemptNotFound("s1:other:1")));

		this.client.mutateWith(WebSlice.as(WebSlice.candidate()))
			.put()
			.uri("/api/v1/attempts/s1:other:1/answers/q1")
			.header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"response\": [\"A\"], \"seq\": 1}")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Not found.")
			.jsonPath("$.instance")
			.isEqualTo("/api/v1/attempts/s1:other:1/answers/q1")
			.jsonPath("$.errors")
			.doesNotExist();
	}

	@Test
	void whenTheAttemptIsClosedThenA409ProblemNamingTheAttempt() {
		given(this.answers.save(eq("s1:account-1:1"), eq("q1"), eq(List.of("A")), eq(3L), isNull(),
				any(CurrentUser.class)))
			.willReturn(Mono.error(new AttemptClosed()));

		save("{\"response\": [\"A\"], \"seq\": 3}").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("attempt")
			.jsonPath("$.errors[0].code")
			.isEqualTo("exam.attempt.closed")
			.jsonPath("$.errors[0].message")
			.isEqualTo("考试已结束，答案不能再修改");
	}

	@Test
	void whenAnotherPageHoldsTheAttemptThenA409ProblemSaysSo() {
		given(this.answers.save(eq("s1:account-1:1"), eq("q1"), eq(List.of("A")), eq(4L), eq("old-page"),
				any(CurrentUser.class)))
			.willReturn(Mono.error(new AttemptHeldElsewhere()));

		this.client.mutateWith(WebSlice.as(WebSlice.candidate()))
			.put()
			.uri(SAVE, "s1:account-1:1", "q1")
			.header("X-Attempt-Page", "old-page")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"response\": [\"A\"], \"seq\": 4}")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.errors[0].code")
			.isEqualTo("exam.attempt.otherWindow");
	}

	@Test
	void whenSavedThenTheAcknowledgementIsReturned() {
		given(this.answers.save(eq("s1:account-1:1"), eq("q1"), eq(List.of("A")), eq(5L), isNull(),
				any(CurrentUser.class)))
			.willReturn(Mono.just(new Answers.Saved(5, NOW, NOW.plusSeconds(3600), NOW)));

		save("{\"response\": [\"A\"], \"seq\": 5}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.seq")
			.isEqualTo(5)
			.jsonPath("$.savedAt")
			.isEqualTo("2026-12-05T09:00:00Z");
	}

	private WebTestClient.ResponseSpec save(String body) {
		return this.client.mutateWith(WebSlice.as(WebSlice.candidate()))
			.put()
			.uri(SAVE, "s1:account-1:1", "q1")
			.header("Accept-Language", "zh-CN")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

}
