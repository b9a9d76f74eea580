package academy.cqo.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.NotAllowed;
import academy.cqo.shared.NotFound;
import academy.cqo.shared.TooLarge;

/**
 * Turns refusals of JSON endpoints into RFC 9457 problem details in the caller's
 * language. Field problems are listed under {@code errors} as {@code {field, code,
 * message}} (and {@code line} for imports), every one of them, so a client can show each
 * next to its field.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems {

	private static final Logger logger = LoggerFactory.getLogger(ApiProblems.class);

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidInput(InvalidInput ex, ServerWebExchange exchange) {
		HttpStatus status = ex.unprocessable() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.BAD_REQUEST;
		return problem(exchange, status, "problem.invalidInput", ex.violations());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> conflict(Conflict ex, ServerWebExchange exchange) {
		return problem(exchange, HttpStatus.CONFLICT, "problem.conflict", List.of(ex.violation()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(TooLarge ex, ServerWebExchange exchange) {
		return problem(exchange, HttpStatus.CONTENT_TOO_LARGE, "problem.tooLarge", List.of(ex.violation()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> bodyTooLarge(DataBufferLimitException ex, ServerWebExchange exchange) {
		return tooLarge(RequestLimits.bodyTooLarge(), exchange);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notAllowed(NotAllowed ex, ServerWebExchange exchange) {
		List<FieldViolation> violations = (ex.violation() != null) ? List.of(ex.violation()) : List.of();
		return problem(exchange, HttpStatus.FORBIDDEN, "problem.forbidden", violations);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> notFound(NotFound ex, ServerWebExchange exchange) {
		return problem(exchange, HttpStatus.NOT_FOUND, "problem.notFound", List.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex, ServerWebExchange exchange) {
		return problem(exchange, HttpStatus.FORBIDDEN, "problem.forbidden", List.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> bindingFailed(WebExchangeBindException ex, ServerWebExchange exchange) {
		List<FieldViolation> violations = new ArrayList<>();
		for (FieldError error : ex.getFieldErrors()) {
			violations.add(FieldViolation.of(error.getField(), "field.invalid"));
		}
		return problem(exchange, HttpStatus.BAD_REQUEST, "problem.invalidInput", violations);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unreadable(ServerWebInputException ex, ServerWebExchange exchange) {
		JacksonException json = findCause(ex, JacksonException.class);
		if (json != null) {
			String field = fieldOf(json);
			String code = codeOf(json);
			List<FieldViolation> violations = (field != null) ? List.of(FieldViolation.of(field, code))
					: List.of(FieldViolation.of("body", "problem.unreadableJson"));
			return problem(exchange, HttpStatus.BAD_REQUEST, "problem.invalidInput", violations);
		}
		String parameter = (ex.getMethodParameter() != null) ? ex.getMethodParameter().getParameterName() : null;
		if (parameter != null) {
			return problem(exchange, HttpStatus.BAD_REQUEST, "problem.invalidInput",
					List.of(FieldViolation.of(parameter, "field.invalid")));
		}
		return problem(exchange, HttpStatus.BAD_REQUEST, "problem.badRequest", List.of());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> status(ResponseStatusException ex, ServerWebExchange exchange) {
		String key = switch (ex.getStatusCode().value()) {
			case 404 -> "problem.notFound";
			case 403 -> "problem.forbidden";
			case 401 -> "problem.unauthorized";
			default -> "problem.badRequest";
		};
		if (ex.getStatusCode().is5xxServerError()) {
			logger.error("Request failed: {}", exchange.getRequest().getPath(), ex);
			key = "problem.serverError";
		}
		List<FieldViolation> violations = (ex.getStatusCode().value() == 415)
				? List.of(FieldViolation.of("Content-Type", "problem.unsupportedMediaType")) : List.of();
		ResponseEntity<ProblemDetail> answer = problem(exchange, ex.getStatusCode(), key, violations);
		return ResponseEntity.status(answer.getStatusCode()).headers(ex.getHeaders()).body(answer.getBody());
	}

	private ResponseEntity<ProblemDetail> problem(ServerWebExchange exchange, HttpStatusCode status, String key,
			List<FieldViolation> violations) {
		Locale locale = exchange.getLocaleContext().getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(key, List.of(), locale));
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		if (!violations.isEmpty()) {
			List<Map<String, Object>> errors = new ArrayList<>();
			for (FieldViolation violation : violations) {
				Map<String, Object> error = new LinkedHashMap<>();
				if (violation.line() != null) {
					error.put("line", violation.line());
				}
				error.put("field", violation.field());
				error.put("code", violation.messageKey());
				error.put("message", message(violation.messageKey(), violation.arguments(), locale));
				errors.add(error);
			}
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).body(problem);
	}

	private String message(String key, List<Object> arguments, Locale locale) {
		return this.messages.getMessage(key, arguments.toArray(), key,
				(locale != null) ? locale : Locale.SIMPLIFIED_CHINESE);
	}

	/**
	 * What was wrong with a value: {@code null} inside an array or object, an object or
	 * array where text belongs, a value of the right kind that is not allowed (an unknown
	 * role, a malformed date), or a value of the wrong kind (text for a number, a
	 * fraction for a whole number, {@code true} for text).
	 */
	private static String codeOf(JacksonException ex) {
		if (ex instanceof InvalidNullException) {
			return "field.nullElement";
		}
		if (ex instanceof InvalidFormatException format) {
			return (format.getValue() instanceof String) ? "field.invalidValue" : "field.wrongType";
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != String.class) {
			return "field.wrongType";
		}
		return "field.mustBeText";
	}

	private static String fieldOf(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

	private static <T extends Throwable> T findCause(Throwable ex, Class<T> type) {
		Throwable current = ex;
		while (current != null) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = current.getCause();
		}
		return null;
	}

}
