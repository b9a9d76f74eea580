package academy.cqo.exam.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.exam.Attempts;
import academy.cqo.exam.AttemptView;
import academy.cqo.exam.Exams;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.RequestOrigin;

/**
 * Candidates' exam pages: the open sessions and their attempts, the exam page (server
 * deadline, autosave, answer sheet) and the result.
 */
@Controller
class ExamPages {

	private final Exams exams;

	private final Attempts attempts;

	private final MessageSource messages;

	ExamPages(Exams exams, Attempts attempts, MessageSource messages) {
		this.exams = exams;
		this.attempts = attempts;
		this.messages = messages;
	}

	@GetMapping("/exams")
	Mono<String> sessions(@AuthenticationPrincipal CurrentUser user, Model model) {
		return sessionList(user, model);
	}

	private Mono<String> sessionList(CurrentUser user, Model model) {
		return this.exams.sessions(true, user)
			.collectList()
			.zipWith(this.attempts.mine(user).collectList())
			.map((pair) -> {
				model.addAttribute("sessions", pair.getT1());
				model.addAttribute("attempts", pair.getT2());
				return "exam/sessions";
			});
	}

	@PostMapping("/exams/sessions/{sessionId}/start")
	Mono<String> start(@PathVariable String sessionId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return RequestOrigin.current()
			.flatMap((origin) -> this.attempts.start(sessionId, user, origin.address()))
			.map((started) -> "redirect:/attempts/" + started.attempt().id())
			.onErrorResume(Conflict.class, (ex) -> {
				exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
				Locale locale = exchange.getLocaleContext().getLocale();
				model.addAttribute("refusal",
						this.messages.getMessage(ex.violation().messageKey(), ex.violation().arguments().toArray(),
								ex.violation().messageKey(), (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE));
				return sessionList(user, model);
			});
	}

	@GetMapping("/attempts/{attemptId}")
	Mono<String> attempt(@PathVariable String attemptId, @AuthenticationPrincipal CurrentUser user, Model model) {
		return RequestOrigin.current()
			.flatMap((origin) -> this.attempts.openInPage(attemptId, user, origin.address()))
			.map((attempt) -> {
				model.addAttribute("attempt", attempt);
				if (!"IN_PROGRESS".equals(attempt.status())) {
					model.addAttribute("reviews", reviews(attempt));
					return "exam/result";
				}
				model.addAttribute("answers", answers(attempt));
				return "exam/attempt";
			});
	}

	/** Per question id, the answer's values, for checking boxes and filling inputs. */
	private static Map<String, List<String>> answers(AttemptView attempt) {
		Map<String, List<String>> answers = new HashMap<>();
		attempt.answers().forEach((id, answer) -> answers.put(id, answer.response()));
		return answers;
	}

	private static Map<String, AttemptView.QuestionReview> reviews(AttemptView attempt) {
		Map<String, AttemptView.QuestionReview> reviews = new HashMap<>();
		if (attempt.result() != null) {
			attempt.result().questions().forEach((review) -> reviews.put(review.questionId(), review));
		}
		return reviews;
	}

}
