package academy.cqo.exam.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.exam.AttemptView;
import academy.cqo.exam.Attempts;
import academy.cqo.exam.CourseRequirement;
import academy.cqo.exam.Exams;
import academy.cqo.exam.FilingRequirement;
import academy.cqo.exam.SessionNotFound;
import academy.cqo.exam.SessionSummary;
import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.identity.AccountPhotos;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.NotFound;
import academy.cqo.shared.RequestOrigin;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * Candidates' exam pages: the open sessions and their attempts, the exam page (server
 * deadline, autosave, answer sheet) and the result.
 */
@PageController
class ExamPages implements Pages {

	private final Exams exams;

	private final Attempts attempts;

	private final MessageSource messages;

	private final AccountPhotos photos;

	private final ObjectProvider<CourseRequirement> courses;

	private final ObjectProvider<FilingRequirement> filings;

	ExamPages(Exams exams, Attempts attempts, MessageSource messages, AccountPhotos photos,
			ObjectProvider<CourseRequirement> courses, ObjectProvider<FilingRequirement> filings) {
		this.filings = filings;
		this.photos = photos;
		this.courses = courses;
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

	/**
	 * The exam's front door: its rules, what the candidate has left and needs, and the
	 * explicit confirmation that starts the attempt.
	 */
	@GetMapping("/exams/sessions/{sessionId}")
	Mono<String> rules(@PathVariable String sessionId, @AuthenticationPrincipal CurrentUser user, Model model) {
		return rulesPage(sessionId, user, model);
	}

	private Mono<String> rulesPage(String sessionId, CurrentUser user, Model model) {
		return this.exams.sessions(true, user)
			.filter((session) -> session.id().equals(sessionId))
			.next()
			.switchIfEmpty(Mono.error(() -> new SessionNotFound(sessionId)))
			.zipWith(this.attempts.mine(user).filter((attempt) -> attempt.sessionId().equals(sessionId)).count())
			.zipWith(this.photos.has(user.accountId()), (pair, photo) -> {
				SessionSummary session = pair.getT1();
				int left = (int) Math.max(0, session.maxAttempts() - pair.getT2());
				model.addAttribute("examSession", session);
				model.addAttribute("attemptsUsed", pair.getT2());
				model.addAttribute("attemptsLeft", left);
				model.addAttribute("photoMissing", session.qualifying() && !photo);
				return session;
			})
			.flatMap((session) -> requiredCourse(session, user, model).then(requiredFiling(session, user, model)))
			.thenReturn("exam/rules");
	}

	/**
	 * The course the session requires first, by title, and whether the candidate
	 * completed it.
	 */
	private Mono<Void> requiredCourse(SessionSummary session, CurrentUser user, Model model) {
		CourseRequirement requirement = this.courses.getIfAvailable();
		if (session.requiredCourseId() == null || requirement == null) {
			model.addAttribute("courseMissing", session.requiredCourseId() != null);
			return Mono.empty();
		}
		return requirement.courses()
			.filter((course) -> course.id().equals(session.requiredCourseId()))
			.map(CourseRequirement.CourseOption::title)
			.next()
			.defaultIfEmpty(session.requiredCourseId())
			.zipWith(requirement.completed(user.accountId(), session.requiredCourseId()).defaultIfEmpty(false))
			.doOnNext((pair) -> {
				model.addAttribute("requiredCourse", pair.getT1());
				model.addAttribute("courseMissing", !pair.getT2());
			})
			.then();
	}

	/**
	 * Whether the session admits only filed CQOs and whether the candidate is one
	 * (先聘任后培训).
	 */
	private Mono<Void> requiredFiling(SessionSummary session, CurrentUser user, Model model) {
		model.addAttribute("filingRequired", session.requiresFiling());
		FilingRequirement requirement = this.filings.getIfAvailable();
		if (!session.requiresFiling()) {
			model.addAttribute("filingMissing", false);
			return Mono.empty();
		}
		Mono<Boolean> filed = (requirement != null) ? requirement.approved(user.accountId()).defaultIfEmpty(false)
				: Mono.just(false);
		return filed.doOnNext((approved) -> model.addAttribute("filingMissing", !approved)).then();
	}

	@PostMapping("/exams/sessions/{sessionId}/start")
	Mono<String> start(@PathVariable String sessionId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap((form) -> {
			if (!"1".equals(form.getFirst("agree"))) {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				model.addAttribute("refusal", message("exam.rules.notAgreed", List.of(), exchange));
				return rulesPage(sessionId, user, model);
			}
			return startAgreed(sessionId, user, exchange, model);
		});
	}

	private String message(String key, List<Object> arguments, ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return this.messages.getMessage(key, arguments.toArray(), key,
				(locale != null) ? locale : Locale.SIMPLIFIED_CHINESE);
	}

	private Mono<String> startAgreed(String sessionId, CurrentUser user, ServerWebExchange exchange, Model model) {
		return RequestOrigin.current()
			.flatMap((origin) -> this.attempts.start(sessionId, user, origin.address()))
			.map((started) -> "redirect:/attempts/" + started.attempt().id())
			.onErrorResume(Conflict.class, (ex) -> {
				exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
				model.addAttribute("refusal",
						message(ex.violation().messageKey(), ex.violation().arguments(), exchange));
				return rulesPage(sessionId, user, model).onErrorResume(NotFound.class,
						(gone) -> sessionList(user, model));
			});
	}

	@GetMapping("/attempts/{attemptId}")
	Mono<String> attempt(@PathVariable String attemptId, @AuthenticationPrincipal CurrentUser user, Model model) {
		return RequestOrigin.current()
			.flatMap((origin) -> this.attempts.openInPage(attemptId, user, origin.address()))
			.flatMap((attempt) -> {
				model.addAttribute("attempt", attempt);
				if (!AttemptStatus.IN_PROGRESS.name().equals(attempt.status())) {
					model.addAttribute("reviews", reviews(attempt));
					return qualifying(attempt.sessionId(), user).map((qualifying) -> {
						model.addAttribute("qualifying", qualifying);
						return "exam/result";
					});
				}
				model.addAttribute("answers", answers(attempt));
				return Mono.just("exam/attempt");
			});
	}

	private Mono<Boolean> qualifying(String sessionId, CurrentUser user) {
		return this.exams.sessions(false, user)
			.filter((session) -> session.id().equals(sessionId))
			.next()
			.map(SessionSummary::qualifying)
			.defaultIfEmpty(false);
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
