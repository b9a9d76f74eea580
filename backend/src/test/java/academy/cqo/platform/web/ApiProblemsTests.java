package academy.cqo.platform.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import academy.cqo.ce.YearEndNotAllowed;
import academy.cqo.exam.AttemptClosed;
import academy.cqo.exam.AttemptNotFound;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.NotAllowed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform's one advice turns the modules' named failures into problem details: any
 * {@code NotFound} a 404 that says nothing of what was looked up, any {@code Conflict} a
 * 409 naming its field, a {@code NotAllowed} a 403 with its reason only when it has one.
 */
class ApiProblemsTests {

	private final ApiProblems problems = new ApiProblems(messages());

	@Test
	void namedNotFoundIsA404ProblemWithoutTheKey() {
		MockServerWebExchange exchange = exchange("/api/v1/attempts/s1:a1:1", "en");
		ResponseEntity<ProblemDetail> answer = this.problems.notFound(new AttemptNotFound("s1:a1:1"), exchange);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		ProblemDetail problem = answer.getBody();
		assertThat(problem.getStatus()).isEqualTo(404);
		assertThat(problem.getDetail()).isEqualTo("Not found.");
		assertThat(problem.getInstance()).hasToString("/api/v1/attempts/s1:a1:1");
		assertThat(problem.getProperties()).isNull();
	}

	@Test
	void namedConflictIsA409ProblemNamingItsFieldInTheCallersLanguage() {
		MockServerWebExchange exchange = exchange("/api/v1/attempts/x/answers/q1", "zh-CN");
		ResponseEntity<ProblemDetail> answer = this.problems.conflict(new AttemptClosed(), exchange);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		ProblemDetail problem = answer.getBody();
		assertThat(problem.getDetail()).isEqualTo("与已有数据冲突。");
		assertThat(problem.getProperties()).containsEntry("errors",
				List.of(Map.of("field", "attempt", "code", "exam.attempt.closed", "message", "考试已结束，答案不能再修改")));
	}

	@Test
	void namedRefusalWithoutReasonIsA403WithoutErrors() {
		ResponseEntity<ProblemDetail> answer = this.problems.notAllowed(new YearEndNotAllowed(),
				exchange("/api/v1/admin/ce/year-end", "en"));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(answer.getBody().getDetail()).isEqualTo("You are not allowed to do this.");
		assertThat(answer.getBody().getProperties()).isNull();
	}

	@Test
	void refusalWithReasonIsA403NamingIt() {
		ResponseEntity<ProblemDetail> answer = this.problems.notAllowed(
				new NotAllowed(FieldViolation.of("claim", "ce.claim.ownClaim")), exchange("/api/v1/ce/claims", "en"));
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(answer.getBody().getProperties()).extractingByKey("errors")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.singleElement()
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("field", "claim")
			.containsEntry("code", "ce.claim.ownClaim");
	}

	private static MockServerWebExchange exchange(String path, String language) {
		return MockServerWebExchange.from(MockServerHttpRequest.get(path).header("Accept-Language", language));
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
