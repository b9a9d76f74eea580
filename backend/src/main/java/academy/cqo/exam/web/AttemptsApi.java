package academy.cqo.exam.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.exam.AttemptOutcome;
import academy.cqo.exam.Answers;
import academy.cqo.exam.Attempts;
import academy.cqo.exam.AttemptView;
import academy.cqo.exam.Exams;
import academy.cqo.exam.SessionSummary;
import academy.cqo.identity.CurrentUser;
import academy.cqo.platform.StoreRetry;
import academy.cqo.shared.RequestOrigin;

/**
 * Candidates take exams: list open sessions, start an attempt, save answers one by one,
 * submit. The exam page uses the same endpoints. A candidate reaches only their own
 * attempts (others answer 404).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "attempts", description = "Sessions, attempts, answers and results")
class AttemptsApi {

	/** The header an exam page sends with its saves (one active page per attempt). */
	static final String PAGE_TOKEN = "X-Attempt-Page";

	private final Exams exams;

	private final Attempts attempts;

	private final Answers answers;

	AttemptsApi(Exams exams, Attempts attempts, Answers answers) {
		this.exams = exams;
		this.attempts = attempts;
		this.answers = answers;
	}

	record StartedJson(String id, Instant deadline, Instant serverTime, List<QuestionJson> questions) {
	}

	// named apart from the question bank's QuestionJson, which the OpenAPI document would
	// otherwise show here
	@Schema(name = "AttemptPaperQuestion")
	record QuestionJson(String questionId, int version, String type, String stem, List<OptionJson> options, int blanks,
			double score) {
	}

	@Schema(name = "AttemptPaperOption")
	record OptionJson(String id, String text) {
	}

	record AnswerRequest(List<String> response, Long seq) {
	}

	record EventRequest(String type, String detail) {
	}

	record FlagRequest(boolean flagged) {
	}

	@GetMapping("/exam-sessions")
	@Operation(summary = "Sessions (open=true: open now); candidates see those of their region")
	Flux<SessionSummary> sessions(@RequestParam(defaultValue = "false") boolean open,
			@AuthenticationPrincipal CurrentUser user) {
		return this.exams.sessions(open, user);
	}

	@PostMapping("/exam-sessions/{id}/attempts")
	@Operation(summary = "Start an attempt (201), or get the open one (200); never includes answer keys")
	@ApiResponse(responseCode = "201",
			description = "Started: the attempt's paper and deadline (Location: the attempt)",
			content = @Content(schema = @Schema(implementation = StartedJson.class)))
	@ApiResponse(responseCode = "200", description = "The candidate's attempt of this session that is still open",
			content = @Content(schema = @Schema(implementation = StartedJson.class)))
	Mono<ResponseEntity<StartedJson>> start(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return RequestOrigin.current()
			.flatMap((origin) -> this.attempts.start(id, user, origin.address()))
			.map((started) -> {
				StartedJson body = started(started.attempt());
				return started.created()
						? ResponseEntity.created(URI.create("/api/v1/attempts/" + body.id())).body(body)
						: ResponseEntity.ok(body);
			});
	}

	static StartedJson started(AttemptView attempt) {
		return new StartedJson(attempt.id(), attempt.deadline(), attempt.serverTime(), attempt.questions()
			.stream()
			.map((q) -> new QuestionJson(q.questionId(), q.version(), q.type(), q.stem(),
					q.options().stream().map((o) -> new OptionJson(o.id(), o.text())).toList(), q.blanks(), q.score()))
			.toList());
	}

	@GetMapping("/me/attempts")
	@Operation(summary = "The caller's attempts, newest first (score and pass only once released)")
	Flux<Attempts.AttemptSummary> mine(@AuthenticationPrincipal CurrentUser user) {
		return this.attempts.mine(user);
	}

	@GetMapping("/attempts/{id}")
	@Operation(summary = "The attempt: status, deadline, server time, questions, answers, the result when released")
	Mono<AttemptView> attempt(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		return this.attempts.view(id, user);
	}

	@PutMapping("/attempts/{id}/answers/{questionId}")
	@Operation(summary = "Save one answer with the page's sequence number; idempotent, an older seq never overwrites "
			+ "a newer answer; 409 once the attempt is closed (deadline + grace)")
	Mono<Answers.Saved> save(@PathVariable String id, @PathVariable String questionId,
			@RequestBody AnswerRequest answer, @RequestHeader(name = PAGE_TOKEN, required = false) String page,
			@AuthenticationPrincipal CurrentUser user) {
		long seq = (answer.seq() != null) ? answer.seq() : 0;
		// a save with a sequence number may be applied twice (the second finds it stored)
		return StoreRetry.idempotent(this.answers.save(id, questionId, answer.response(), seq, page, user));
	}

	@PutMapping("/attempts/{id}/flags/{questionId}")
	@Operation(summary = "Flag a question for review, or unflag it")
	Mono<List<String>> flag(@PathVariable String id, @PathVariable String questionId, @RequestBody FlagRequest flag,
			@AuthenticationPrincipal CurrentUser user) {
		return this.answers.flag(id, questionId, flag.flagged(), user);
	}

	@PostMapping("/attempts/{id}/events")
	@Operation(summary = "Record focus loss, copy, full-screen exit… (kept in the attempt's log)")
	Mono<ResponseEntity<Map<String, Object>>> event(@PathVariable String id, @RequestBody EventRequest event,
			@AuthenticationPrincipal CurrentUser user) {
		return RequestOrigin.current()
			.flatMap((origin) -> this.attempts.record(id, event.type(), event.detail(), user, origin.address()))
			.map((state) -> ResponseEntity.status(HttpStatus.ACCEPTED).body(state));
	}

	@PostMapping("/attempts/{id}/submit")
	@Operation(summary = "Submit (idempotent): {status, score, maxScore, passed}")
	Mono<AttemptOutcome> submit(@PathVariable String id, @AuthenticationPrincipal CurrentUser user) {
		// a repeated submit finds the attempt submitted and returns the same outcome
		return StoreRetry
			.idempotent(RequestOrigin.current().flatMap((origin) -> this.attempts.submit(id, user, origin.address())));
	}

}
