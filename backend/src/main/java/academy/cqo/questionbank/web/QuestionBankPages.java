package academy.cqo.questionbank.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.BulkAction;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionbank.QuestionImports;
import academy.cqo.questionbank.QuestionView;
import academy.cqo.questionbank.Questions;
import academy.cqo.questionbank.RenderedQuestion;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.questionformats.ReviewStatus;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldErrors;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * The trainers' pages: banks, the question list with filters and bulk actions, import and
 * export, the editor with a live preview, a question's history and differences.
 */
@PageController
@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
class QuestionBankPages implements Pages {

	private static final int PAGE_SIZE = 20;

	private final QuestionBanks banks;

	private final Questions questions;

	private final QuestionImports imports;

	private final MessageSource messages;

	QuestionBankPages(QuestionBanks banks, Questions questions, QuestionImports imports, MessageSource messages) {
		this.questions = questions;
		this.banks = banks;
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping("/question-banks")
	Mono<String> banks(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("errors", Map.of());
		return bankList(user, model);
	}

	private Mono<String> bankList(CurrentUser user, Model model) {
		return this.banks.visibleTo(user).collectList().map((list) -> {
			model.addAttribute("banks", list);
			return "questionbank/banks";
		});
	}

	@PostMapping("/question-banks")
	Mono<String> createBank(@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.flatMap((data) -> this.banks.create(data.getFirst("name"), data.getFirst("description"), user))
			.map((bank) -> "redirect:/question-banks/" + bank.id())
			.onErrorResume(InvalidInput.class, (ex) -> refused(ex.violations(), user, exchange, model))
			.onErrorResume(Conflict.class, (ex) -> refused(List.of(ex.violation()), user, exchange, model));
	}

	private Mono<String> refused(List<FieldViolation> violations, CurrentUser user, ServerWebExchange exchange,
			Model model) {
		exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
		model.addAttribute("errors", FieldErrors.of(violations, this.messages, locale(exchange)));
		return bankList(user, model);
	}

	@GetMapping("/question-banks/{bankId}")
	Mono<String> bank(@PathVariable String bankId, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String type, @RequestParam(required = false) String tag,
			@RequestParam(required = false) Integer difficulty, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("filter", new Filter(type, tag, difficulty, status, q));
		return questionList(bankId, page, user, model);
	}

	/** The list's filter as typed, for the form and the pager links. */
	record Filter(String type, String tag, Integer difficulty, String status, String q) {
	}

	private Mono<String> questionList(String bankId, int page, CurrentUser user, Model model) {
		Filter filter = (Filter) model.getAttribute("filter");
		if (filter == null) {
			filter = new Filter(null, null, null, null, null);
			model.addAttribute("filter", filter);
		}
		model.addAttribute("types", QuestionType.values());
		model.addAttribute("statuses", ReviewStatus.values());
		model.addAttribute("formats", List.of("xlsx", "gift", "moodle-xml", "yaml"));
		return this.banks.bank(bankId, user)
			.zipWith(this.questions.questions(bankId,
					QuestionBanksApi.filter(filter.type(), filter.tag(), filter.difficulty(), filter.status(),
							filter.q()),
					page, PAGE_SIZE, user))
			.map((pair) -> {
				model.addAttribute("bank", pair.getT1());
				model.addAttribute("result", pair.getT2());
				return "questionbank/bank";
			});
	}

	@PostMapping("/question-banks/{bankId}/imports")
	Mono<String> importFile(@PathVariable String bankId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		Locale locale = locale(exchange);
		return exchange.getMultipartData().flatMap((parts) -> {
			Part part = parts.getFirst("file");
			String status = field(parts, "status");
			if (!(part instanceof FilePart file)) {
				return Mono.error(new InvalidInput(List.of(FieldViolation.of("file", "import.file.missing")), true));
			}
			ReviewStatus initial = ReviewStatus.fromCode(status).orElse(ReviewStatus.DRAFT);
			return QuestionBanksApi.readFile(file)
				.flatMap((bytes) -> this.imports.importFile(bankId, file.filename(), bytes, null, initial, user))
				.doOnNext((result) -> {
					model.addAttribute("importResult", result);
					model.addAttribute("importWarnings", messages(result.warnings(), locale));
				});
		}).then(questionList(bankId, 1, user, model)).onErrorResume(InvalidInput.class, (ex) -> {
			exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
			model.addAttribute("importProblems", messages(ex.violations(), locale));
			return questionList(bankId, 1, user, model);
		}).onErrorResume(Conflict.class, (ex) -> {
			exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
			model.addAttribute("importProblems", messages(List.of(ex.violation()), locale));
			return questionList(bankId, 1, user, model);
		});
	}

	private static String field(MultiValueMap<String, Part> parts, String name) {
		return (parts.getFirst(name) instanceof FormFieldPart field) ? field.value() : null;
	}

	/** A located problem or warning as a page lists it. */
	record Located(Integer line, String field, String message) {
	}

	private List<Located> messages(List<FieldViolation> violations, Locale locale) {
		return violations.stream()
			.map((violation) -> new Located(violation.line(), violation.field(),
					this.messages.getMessage(violation.messageKey(), violation.arguments().toArray(),
							violation.messageKey(), locale)))
			.toList();
	}

	@PostMapping("/question-banks/{bankId}/bulk")
	Mono<String> bulk(@PathVariable String bankId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap((data) -> {
			BulkAction action = BulkAction.valueOf(String.valueOf(data.getFirst("action")).toUpperCase(Locale.ROOT));
			List<String> ids = data.getOrDefault("ids", List.of());
			List<String> tags = (data.getFirst("tags") != null) ? List.of(data.getFirst("tags").split("[;；\\n]"))
					: List.of();
			return this.questions.bulk(bankId, ids, action, tags, user);
		})
			.map((count) -> "redirect:/question-banks/" + bankId + "?changed=" + count)
			.onErrorResume(IllegalArgumentException.class, (ex) -> Mono.just("redirect:/question-banks/" + bankId))
			.onErrorResume(InvalidInput.class, (ex) -> {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				model.addAttribute("bulkProblems", messages(ex.violations(), locale(exchange)));
				return questionList(bankId, 1, user, model);
			});
	}

	@PostMapping("/question-banks/{bankId}/settings")
	Mono<String> settings(@PathVariable String bankId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.flatMap((data) -> this.banks.updateBank(bankId, data.getFirst("name"), data.getFirst("description"),
					List.of(java.util.Objects.toString(data.getFirst("sharedWith"), "").split("[,，;；\\s]+")), user))
			.map((bank) -> "redirect:/question-banks/" + bankId + "?saved")
			.onErrorResume(InvalidInput.class, (ex) -> {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				model.addAttribute("bulkProblems", messages(ex.violations(), locale(exchange)));
				return questionList(bankId, 1, user, model);
			})
			.onErrorResume(Conflict.class, (ex) -> {
				exchange.getResponse().setStatusCode(HttpStatus.CONFLICT);
				model.addAttribute("bulkProblems", messages(List.of(ex.violation()), locale(exchange)));
				return questionList(bankId, 1, user, model);
			});
	}

	// The editor

	@GetMapping("/question-banks/{bankId}/questions/new")
	Mono<String> newQuestion(@PathVariable String bankId, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.banks.bank(bankId, user).map((bank) -> {
			model.addAttribute("bank", bank);
			model.addAttribute("form", QuestionForm.empty());
			model.addAttribute("errors", Map.of());
			return editor(model, null);
		});
	}

	@PostMapping("/question-banks/{bankId}/questions")
	Mono<String> createQuestion(@PathVariable String bankId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.map(QuestionForm::from)
			.flatMap((form) -> Mono.fromCallable(form::toDraft)
				.flatMap((draft) -> this.questions.create(bankId, draft, user))
				.map((question) -> "redirect:/questions/" + question.id() + "?saved")
				.onErrorResume(InvalidInput.class,
						(ex) -> editorAgain(bankId, null, form, ex.violations(), user, exchange, model))
				.onErrorResume(Conflict.class,
						(ex) -> editorAgain(bankId, null, form, List.of(ex.violation()), user, exchange, model)));
	}

	@GetMapping("/questions/{questionId}/edit")
	Mono<String> editQuestion(@PathVariable String questionId, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.questions.question(questionId, user)
			.flatMap((question) -> this.banks.bank(question.bankId(), user).map((bank) -> {
				model.addAttribute("bank", bank);
				model.addAttribute("form", QuestionForm.of(question));
				model.addAttribute("errors", Map.of());
				return editor(model, question);
			}));
	}

	@PostMapping("/questions/{questionId}")
	Mono<String> saveQuestion(@PathVariable String questionId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.map(QuestionForm::from)
			.flatMap((form) -> this.questions.question(questionId, user)
				.flatMap((question) -> Mono.fromCallable(form::toDraft)
					.flatMap((draft) -> this.questions.edit(questionId, parseRevision(form.revision()), draft, user))
					.map((saved) -> "redirect:/questions/" + saved.id() + "?saved")
					.onErrorResume(InvalidInput.class,
							(ex) -> editorAgain(question.bankId(), question, form, ex.violations(), user, exchange,
									model))
					.onErrorResume(Conflict.class, (ex) -> editorAgain(question.bankId(), question, form,
							List.of(ex.violation()), user, exchange, model))));
	}

	private static long parseRevision(String revision) {
		try {
			return Long.parseLong(revision);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private Mono<String> editorAgain(String bankId, QuestionView question, QuestionForm form,
			List<FieldViolation> violations, CurrentUser user, ServerWebExchange exchange, Model model) {
		exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
		Locale locale = locale(exchange);
		model.addAttribute("form", form);
		model.addAttribute("errors", FieldErrors.of(violations, this.messages, locale));
		model.addAttribute("problems", messages(violations, locale));
		return this.banks.bank(bankId, user).map((bank) -> {
			model.addAttribute("bank", bank);
			return editor(model, question);
		});
	}

	private static String editor(Model model, QuestionView question) {
		model.addAttribute("question", question);
		model.addAttribute("types", QuestionType.values());
		model.addAttribute("statuses", ReviewStatus.values());
		return "questionbank/editor";
	}

	@PostMapping("/question-banks/preview")
	Mono<String> preview(ServerWebExchange exchange, Model model) {
		return exchange.getFormData().map(QuestionForm::from).map((form) -> {
			try {
				model.addAttribute("rendered", RenderedQuestion.of(form.toDraft().content()));
			}
			catch (RuntimeException ex) {
				model.addAttribute("rendered", null);
			}
			return "questionbank/preview :: preview";
		});
	}

	// One question

	@GetMapping("/questions/{questionId}")
	Mono<String> question(@PathVariable String questionId, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.questions.question(questionId, user)
			.flatMap((question) -> this.banks.bank(question.bankId(), user).map((bank) -> {
				model.addAttribute("bank", bank);
				model.addAttribute("question", question);
				model.addAttribute("rendered", RenderedQuestion.of(question.content()));
				return question;
			}))
			.flatMap((question) -> {
				if (from == null || to == null) {
					return Mono.just("questionbank/question");
				}
				return this.questions.diff(questionId, from, to, user).map((changes) -> {
					model.addAttribute("diff", changes);
					model.addAttribute("diffFrom", from);
					model.addAttribute("diffTo", to);
					return "questionbank/question";
				});
			});
	}

	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
	}

}
