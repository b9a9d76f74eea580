package academy.cqo.exam.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.exam.ExamDefinition;
import academy.cqo.exam.Exams;
import academy.cqo.exam.ItemAnalyses;
import academy.cqo.exam.Marking;
import academy.cqo.exam.MultipleChoiceScoring;
import academy.cqo.exam.ReviewPolicy;
import academy.cqo.exam.SessionAttempts;
import academy.cqo.exam.SessionDefinition;
import academy.cqo.exam.persistence.SessionDocument;
import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.shared.FieldErrors;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.RegionDirectory;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * Trainers' and administrators' exam pages: exams and sessions, the blueprint editor with
 * live counts of matching questions, per-candidate adjustments.
 */
@PageController
@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
class ExamAuthoringPages implements Pages {

	private final Exams exams;

	private final QuestionBanks banks;

	private final MessageSource messages;

	private final SessionAttempts attempts;

	private final ItemAnalyses analyses;

	private final Marking marking;

	/** The platform zone, in which form fields show and read times. */
	private final ZoneId zone;

	private final RegionDirectory regions;

	ExamAuthoringPages(Exams exams, QuestionBanks banks, MessageSource messages, SessionAttempts attempts,
			ItemAnalyses analyses, Marking marking, Clock clock, RegionDirectory regions) {
		this.regions = regions;
		this.zone = clock.getZone();
		this.exams = exams;
		this.banks = banks;
		this.messages = messages;
		this.attempts = attempts;
		this.analyses = analyses;
		this.marking = marking;
	}

	@GetMapping("/manage/exams")
	Mono<String> overview(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("errors", Map.of());
		return overviewPage(user, model);
	}

	private Mono<String> overviewPage(CurrentUser user, Model model) {
		return this.exams.exams(user)
			.collectList()
			.zipWith(this.exams.sessions(false, user).collectList())
			.zipWith(this.exams.requirableCourses().collectList(), (pair, courses) -> {
				model.addAttribute("courses", courses);
				model.addAttribute("scopeOptions", scopeOptions(user));
				return pair;
			})
			.map((pair) -> {
				model.addAttribute("exams", pair.getT1());
				model.addAttribute("sessions", pair.getT2());
				return "exam/manage";
			});
	}

	@GetMapping("/manage/exams/new")
	Mono<String> newExam(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("form", ExamForm.empty());
		model.addAttribute("errors", Map.of());
		return editor(user, model);
	}

	private Mono<String> editor(CurrentUser user, Model model) {
		model.addAttribute("types", QuestionType.values());
		model.addAttribute("policies", ReviewPolicy.values());
		model.addAttribute("scorings", MultipleChoiceScoring.values());
		return this.banks.visibleTo(user).collectList().map((banks) -> {
			model.addAttribute("banks", banks);
			return "exam/editor";
		});
	}

	@GetMapping("/manage/exams/{examId}/edit")
	Mono<String> editExam(@PathVariable String examId, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.exams.changeableExam(examId, user).flatMap((exam) -> {
			model.addAttribute("form", ExamForm.of(exam.definition()));
			model.addAttribute("examId", examId);
			model.addAttribute("errors", Map.of());
			return editor(user, model);
		});
	}

	@PostMapping("/manage/exams/{examId}")
	Mono<String> updateExam(@PathVariable String examId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		model.addAttribute("examId", examId);
		return this.exams.changeableExam(examId, user)
			.then(save(exchange, model, user, (definition) -> this.exams.update(examId, definition, user)));
	}

	@PostMapping("/manage/exams")
	Mono<String> createExam(@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange, Model model) {
		return save(exchange, model, user, (definition) -> this.exams.create(definition, user));
	}

	private Mono<String> save(ServerWebExchange exchange, Model model, CurrentUser user,
			Function<ExamDefinition, Mono<Exams.Exam>> store) {
		return exchange.getFormData()
			.map(ExamForm::from)
			.flatMap((form) -> Mono.fromCallable(form::toDefinition)
				.flatMap(store)
				.map((exam) -> "redirect:/manage/exams?created=" + exam.id())
				.onErrorResume(InvalidInput.class, (ex) -> {
					exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
					model.addAttribute("form", form);
					model.addAttribute("errors", FieldErrors.of(ex.violations(), this.messages, locale(exchange)));
					model.addAttribute("problems",
							ex.violations()
								.stream()
								.map((v) -> this.messages.getMessage(v.messageKey(), v.arguments().toArray(),
										v.messageKey(), locale(exchange)))
								.toList());
					return editor(user, model);
				}));
	}

	@PostMapping("/manage/sessions")
	Mono<String> createSession(@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.map(this::sessionOf)
			.flatMap((session) -> this.exams.createSession(session, user))
			.map((session) -> "redirect:/manage/sessions/" + session.id())
			.onErrorResume(InvalidInput.class, (ex) -> {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				model.addAttribute("errors", FieldErrors.of(ex.violations(), this.messages, locale(exchange)));
				return overviewPage(user, model);
			});
	}

	SessionDefinition sessionOf(MultiValueMap<String, String> data) {
		Integer capacity = null;
		String capacityText = data.getFirst("capacity");
		List<FieldViolation> violations = new ArrayList<>();
		if (capacityText != null && !capacityText.isBlank()) {
			try {
				capacity = Integer.parseInt(capacityText.strip());
			}
			catch (NumberFormatException ex) {
				violations.add(FieldViolation.of("capacity", "field.notANumber", capacityText));
			}
		}
		Instant opens = time(data.getFirst("opensAt"), "opensAt", violations);
		Instant closes = time(data.getFirst("closesAt"), "closesAt", violations);
		Instant results = time(data.getFirst("resultsAt"), "resultsAt", violations);
		if (!violations.isEmpty()) {
			throw new InvalidInput(violations);
		}
		return new SessionDefinition(data.getFirst("examId"), String.valueOf(data.getFirst("title")), opens, closes,
				data.getFirst("regionScope"), capacity, data.getFirst("requiredCourseId"), results,
				"1".equals(data.getFirst("requiresFiling")));
	}

	/** A time as a datetime-local form field shows it, in the platform zone. */
	String local(Instant time) {
		return (time != null) ? LocalDateTime.ofInstant(time, this.zone).withSecond(0).withNano(0).toString() : "";
	}

	private Instant time(String text, String field, List<FieldViolation> violations) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.strip()).atZone(this.zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			violations.add(FieldViolation.of(field, "exam.session.time", text));
			return null;
		}
	}

	@PostMapping("/manage/sessions/{sessionId}")
	Mono<String> updateSession(@PathVariable String sessionId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.map(this::sessionOf)
			.flatMap((session) -> this.exams.updateSession(sessionId, session, user))
			.map((session) -> "redirect:/manage/sessions/" + sessionId + "?saved")
			.onErrorResume(InvalidInput.class, (ex) -> {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				model.addAttribute("errors", FieldErrors.of(ex.violations(), this.messages, locale(exchange)));
				return session(sessionId, user, model);
			});
	}

	@GetMapping("/manage/sessions/{sessionId}")
	Mono<String> session(@PathVariable String sessionId, @AuthenticationPrincipal CurrentUser user, Model model,
			@org.springframework.web.bind.annotation.RequestParam(name = "q", required = false) String query,
			@org.springframework.web.bind.annotation.RequestParam(name = "page", defaultValue = "1") int page) {
		model.addAttribute("q", (query != null) ? query.strip() : "");
		model.addAttribute("page", Math.max(1, page));
		return session(sessionId, user, model);
	}

	private Mono<String> session(String sessionId, CurrentUser user, Model model) {
		if (!model.containsAttribute("q")) {
			model.addAttribute("q", "");
			model.addAttribute("page", 1);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return this.exams.requirableCourses()
			.collectList()
			.doOnNext((courses) -> model.addAttribute("courses", courses))
			.doOnNext((courses) -> model.addAttribute("scopeOptions", scopeOptions(user)))
			.then(this.exams.session(sessionId))
			.zipWhen((session) -> this.exams.exam(session.examId()))
			.zipWith(this.attempts.inSession(sessionId, user).collectList())
			.map((pair) -> {
				model.addAttribute("examSession", pair.getT1().getT1());
				model.addAttribute("scopeName", scopeName(pair.getT1().getT1().regionScope()));
				model.addAttribute("opensAtLocal", local(pair.getT1().getT1().opensAt()));
				model.addAttribute("closesAtLocal", local(pair.getT1().getT1().closesAt()));
				model.addAttribute("resultsAtLocal", local(pair.getT1().getT1().resultsAt()));
				model.addAttribute("exam", pair.getT1().getT2());
				attemptPage(pair.getT2(), model);
				return "exam/session";
			});
	}

	/**
	 * The regions a session may be limited to, within the author's region, by name; the
	 * value is the code prefix the session stores (36 a province, 3601 a city, 360102 a
	 * county).
	 */
	private List<RegionDirectory.Option> scopeOptions(CurrentUser user) {
		String region = (user.regionCode() != null) ? user.regionCode() : "";
		return this.regions.optionsWithin(region)
			.stream()
			.map((option) -> new RegionDirectory.Option(prefix(option.code()), option.label()))
			.toList();
	}

	private String scopeName(String scope) {
		if (scope == null) {
			return null;
		}
		String code = (scope.length() == 2) ? scope + "0000" : (scope.length() == 4) ? scope + "00" : scope;
		return this.regions.fullName(code);
	}

	private static String prefix(String code) {
		if (code.endsWith("0000")) {
			return code.substring(0, 2);
		}
		return code.endsWith("00") ? code.substring(0, 4) : code;
	}

	/** Attempts per page of the session page. */
	static final int ATTEMPTS_PER_PAGE = 50;

	/**
	 * One page of a session's attempts, filtered by the candidate's username: a session
	 * of 1,500 attempts is not one page.
	 */
	private static void attemptPage(List<SessionAttempts.StaffAttempt> all, Model model) {
		String query = String.valueOf(model.getAttribute("q")).toLowerCase(Locale.ROOT);
		List<SessionAttempts.StaffAttempt> found = query.isEmpty() ? all
				: all.stream()
					.filter((attempt) -> attempt.username() != null
							&& attempt.username().toLowerCase(Locale.ROOT).contains(query))
					.toList();
		int pages = Math.max(1, (found.size() + ATTEMPTS_PER_PAGE - 1) / ATTEMPTS_PER_PAGE);
		int page = Math.min(pages, (Integer) model.getAttribute("page"));
		int from = (page - 1) * ATTEMPTS_PER_PAGE;
		model.addAttribute("page", page);
		model.addAttribute("pages", pages);
		model.addAttribute("attemptsTotal", all.size());
		model.addAttribute("attemptsFound", found.size());
		model.addAttribute("attempts", found.subList(from, Math.min(found.size(), from + ATTEMPTS_PER_PAGE)));
	}

	@GetMapping("/manage/exams/{examId}/analysis")
	Mono<String> analysis(@PathVariable String examId, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.exams.exam(examId).zipWith(this.analyses.analysis(examId, user)).map((pair) -> {
			model.addAttribute("exam", pair.getT1());
			model.addAttribute("report", pair.getT2());
			return "exam/analysis";
		});
	}

	@GetMapping("/manage/exams/{examId}/analysis.xlsx")
	Mono<org.springframework.http.ResponseEntity<byte[]>> analysisWorkbook(@PathVariable String examId,
			@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
		return this.exams.exam(examId)
			.zipWith(this.analyses.analysis(examId, user))
			.map((pair) -> org.springframework.http.ResponseEntity.ok()
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
						org.springframework.http.ContentDisposition.attachment()
							.filename(pair.getT1().definition().title() + "-item-analysis.xlsx",
									java.nio.charset.StandardCharsets.UTF_8)
							.build()
							.toString())
				.contentType(org.springframework.http.MediaType
					.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(ItemAnalysisWorkbook.write(pair.getT1().definition().title(), pair.getT2(), this.messages,
						locale(exchange))));
	}

	@GetMapping("/manage/sessions/{sessionId}/marking")
	Mono<String> marking(@PathVariable String sessionId,
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "paper") String by,
			@AuthenticationPrincipal CurrentUser user, Model model) {
		return this.exams.session(sessionId)
			.zipWhen((session) -> this.exams.exam(session.examId()))
			.zipWith(this.marking.markingQueue(sessionId, user).collectList())
			.map((pair) -> {
				List<Marking.MarkingItem> items = new ArrayList<>(pair.getT2());
				if ("question".equals(by)) {
					items.sort(java.util.Comparator.comparing(Marking.MarkingItem::questionId)
						.thenComparing(Marking.MarkingItem::label));
				}
				model.addAttribute("examSession", pair.getT1().getT1());
				model.addAttribute("scopeName", scopeName(pair.getT1().getT1().regionScope()));
				model.addAttribute("opensAtLocal", local(pair.getT1().getT1().opensAt()));
				model.addAttribute("closesAtLocal", local(pair.getT1().getT1().closesAt()));
				model.addAttribute("resultsAtLocal", local(pair.getT1().getT1().resultsAt()));
				model.addAttribute("exam", pair.getT1().getT2());
				model.addAttribute("items", items);
				model.addAttribute("by", by);
				return "exam/marking";
			});
	}

	@PostMapping("/manage/sessions/{sessionId}/marking")
	Mono<String> mark(@PathVariable String sessionId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((data) -> this.marking.mark(String.valueOf(data.getFirst("attemptId")),
					String.valueOf(data.getFirst("questionId")), points(data.getFirst("points")), user))
			.map((outcome) -> "redirect:/manage/sessions/" + sessionId + "/marking?marked")
			.onErrorResume(InvalidInput.class,
					(ex) -> Mono.just("redirect:/manage/sessions/" + sessionId + "/marking?refused"))
			.onErrorResume(academy.cqo.shared.Conflict.class,
					(ex) -> Mono.just("redirect:/manage/sessions/" + sessionId + "/marking?refused"));
	}

	private static double points(String text) {
		try {
			return Double.parseDouble(String.valueOf(text).strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	@PostMapping("/manage/sessions/{sessionId}/adjustments")
	Mono<String> adjust(@PathVariable String sessionId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap((data) -> this.exams.adjust(sessionId,
					new SessionDocument.Adjustment(String.valueOf(data.getFirst("username")).strip(),
							parse(data.getFirst("extraMinutes")) * 60, parse(data.getFirst("extraAttempts"))),
					user))
			.map((adjustments) -> "redirect:/manage/sessions/" + sessionId + "?adjusted")
			.onErrorResume(InvalidInput.class,
					(ex) -> Mono.just("redirect:/manage/sessions/" + sessionId + "?adjustmentRefused"));
	}

	private static int parse(String text) {
		try {
			return (text == null || text.isBlank()) ? 0 : Integer.parseInt(text.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
	}

}
