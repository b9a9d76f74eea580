package academy.cqo.course.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.course.CourseDraft;
import academy.cqo.course.Courses;
import academy.cqo.course.CourseAuthoring;
import academy.cqo.course.Enrolments;
import academy.cqo.course.ModuleDraft;
import academy.cqo.course.ModuleView;
import academy.cqo.course.SubjectCategory;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldErrors;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.FormNumbers;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * Trainers' and administrators' course pages: courses and modules with a live preview,
 * publishing, the enrolled candidates' progress and its Excel export.
 */
@PageController
@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
class CourseAuthoringPages implements Pages {

	private final Courses courses;

	private final Enrolments enrolments;

	private final CourseAuthoring authoring;

	private final MessageSource messages;

	private final academy.cqo.course.CourseFiles files;

	/** The platform zone of the exported times. */
	private final java.time.ZoneId zone;

	CourseAuthoringPages(Courses courses, Enrolments enrolments, CourseAuthoring authoring,
			academy.cqo.course.CourseFiles files, MessageSource messages, java.time.Clock clock) {
		this.zone = clock.getZone();
		this.courses = courses;
		this.enrolments = enrolments;
		this.authoring = authoring;
		this.files = files;
		this.messages = messages;
	}

	@GetMapping("/manage/courses")
	Mono<String> overview(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("form", new CourseDraft("", "", "PROFESSIONAL", true));
		return overviewPage(user, model);
	}

	private Mono<String> overviewPage(CurrentUser user, Model model) {
		model.addAttribute("categories", SubjectCategory.values());
		return this.courses.allCourses(user).collectList().map((courses) -> {
			model.addAttribute("courses", courses);
			return "course/manage";
		});
	}

	@PostMapping("/manage/courses")
	Mono<String> create(@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.map(CourseAuthoringPages::courseDraft)
			.flatMap((draft) -> Mono.defer(() -> this.authoring.create(draft, user))
				.map((course) -> "redirect:/manage/courses/" + course.id())
				.onErrorResume(InvalidInput.class, (ex) -> {
					invalid(ex.violations(), exchange, model);
					model.addAttribute("form", draft);
					return overviewPage(user, model);
				}));
	}

	@GetMapping("/manage/courses/{courseId}")
	Mono<String> course(@PathVariable String courseId, @AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("errors", Map.of());
		return coursePage(courseId, null, user, model);
	}

	private Mono<String> coursePage(String courseId, CourseDraft form, CurrentUser user, Model model) {
		model.addAttribute("categories", SubjectCategory.values());
		return this.courses.course(courseId)
			.zipWith(this.enrolments.enrolled(courseId, user).collectList())
			.map((pair) -> {
				model.addAttribute("course", pair.getT1());
				model.addAttribute("form", (form != null) ? form : new CourseDraft(pair.getT1().title(),
						pair.getT1().summary(), pair.getT1().subjectCategory(), pair.getT1().sequential()));
				model.addAttribute("enrolled", pair.getT2());
				return "course/manage-course";
			});
	}

	@PostMapping("/manage/courses/{courseId}")
	Mono<String> update(@PathVariable String courseId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.map(CourseAuthoringPages::courseDraft)
			.flatMap((draft) -> Mono.defer(() -> this.authoring.update(courseId, draft, user))
				.map((course) -> "redirect:/manage/courses/" + courseId + "?saved")
				.onErrorResume(InvalidInput.class, (ex) -> {
					invalid(ex.violations(), exchange, model);
					return coursePage(courseId, draft, user, model);
				}));
	}

	@PostMapping("/manage/courses/{courseId}/publication")
	Mono<String> publish(@PathVariable String courseId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.flatMap((form) -> this.authoring.publish(courseId, "true".equals(form.getFirst("published")), user))
			.map((course) -> "redirect:/manage/courses/" + courseId)
			.onErrorResume(Conflict.class, (ex) -> {
				invalid(List.of(ex.violation()), exchange, model);
				return coursePage(courseId, null, user, model);
			});
	}

	@GetMapping("/manage/courses/{courseId}/modules/new")
	Mono<String> newModule(@PathVariable String courseId, Model model) {
		return this.courses.course(courseId).map((course) -> {
			model.addAttribute("course", course);
			model.addAttribute("form", ModuleForm.empty());
			model.addAttribute("errors", Map.of());
			model.addAttribute("categories", SubjectCategory.values());
			return "course/module-editor";
		});
	}

	@PostMapping("/manage/courses/{courseId}/modules")
	Mono<String> addModule(@PathVariable String courseId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return saveModule(courseId, null, exchange, model,
				(draft) -> () -> this.authoring.addModule(courseId, draft, user));
	}

	@GetMapping("/manage/modules/{moduleId}")
	Mono<String> editModule(@PathVariable String moduleId, Model model) {
		return this.courses.module(moduleId)
			.flatMap((module) -> this.courses.course(module.courseId())
				.zipWith(this.files.ofModule(moduleId).collectList())
				.map((pair) -> {
					academy.cqo.course.CourseView course = pair.getT1();
					model.addAttribute("files", pair.getT2());
					model.addAttribute("course", course);
					model.addAttribute("moduleId", moduleId);
					model.addAttribute("form", ModuleForm.of(module));
					model.addAttribute("errors", Map.of());
					model.addAttribute("categories", SubjectCategory.values());
					return "course/module-editor";
				}));
	}

	@PostMapping("/manage/modules/{moduleId}/files")
	Mono<String> uploadFile(@PathVariable String moduleId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return exchange.getMultipartData()
			.flatMap((
					parts) -> (parts.getFirst("file") instanceof org.springframework.http.codec.multipart.FilePart file)
							? CourseFilesWeb.read(file)
								.flatMap((bytes) -> this.files.upload(moduleId, file.filename(), bytes, user))
								.map((stored) -> "redirect:/manage/modules/" + moduleId + "#files")
							: Mono.error(
									new InvalidInput(List.of(FieldViolation.of("file", "course.file.missing")), true)))
			.onErrorResume(InvalidInput.class, (ex) -> {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
				model.addAttribute("fileProblems", FieldErrors.of(ex.violations(), this.messages, locale(exchange)));
				return editModule(moduleId, model);
			});
	}

	@PostMapping("/manage/modules/{moduleId}")
	Mono<String> updateModule(@PathVariable String moduleId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return this.courses.module(moduleId)
			.flatMap((module) -> saveModule(module.courseId(), moduleId, exchange, model,
					(draft) -> () -> this.authoring.updateModule(moduleId, draft, user)));
	}

	private Mono<String> saveModule(String courseId, String moduleId, ServerWebExchange exchange, Model model,
			java.util.function.Function<ModuleDraft, Supplier<Mono<ModuleView>>> save) {
		return exchange.getFormData().flatMap((data) -> {
			ModuleForm form = ModuleForm.from(data);
			List<FieldViolation> violations = new ArrayList<>();
			ModuleDraft draft = form.toDraft(violations);
			Mono<ModuleView> saved = violations.isEmpty() ? Mono.defer(save.apply(draft))
					: Mono.error(new InvalidInput(violations));
			return saved.map((module) -> "redirect:/manage/courses/" + courseId + "?savedModule=" + module.id())
				.onErrorResume(InvalidInput.class, (ex) -> this.courses.course(courseId).map((course) -> {
					invalid(ex.violations(), exchange, model);
					model.addAttribute("course", course);
					model.addAttribute("moduleId", moduleId);
					model.addAttribute("form", form);
					model.addAttribute("categories", SubjectCategory.values());
					return "course/module-editor";
				}));
		});
	}

	@GetMapping("/manage/courses/{courseId}/progress.xlsx")
	Mono<ResponseEntity<byte[]>> progressWorkbook(@PathVariable String courseId,
			@AuthenticationPrincipal CurrentUser user, ServerWebExchange exchange) {
		Locale locale = locale(exchange);
		return this.courses.course(courseId)
			.zipWith(this.enrolments.enrolled(courseId, user).collectList())
			.map((pair) -> ResponseEntity.ok()
				.contentType(
						MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename(pair.getT1().title() + "-progress.xlsx", StandardCharsets.UTF_8)
							.build()
							.toString())
				.body(ProgressWorkbook.write(pair.getT1(), pair.getT2(), this.messages, locale, this.zone)));
	}

	private void invalid(List<FieldViolation> violations, ServerWebExchange exchange, Model model) {
		exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
		model.addAttribute("errors", FieldErrors.of(violations, this.messages, locale(exchange)));
	}

	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return (locale != null) ? locale : Locale.SIMPLIFIED_CHINESE;
	}

	private static CourseDraft courseDraft(MultiValueMap<String, String> form) {
		return new CourseDraft(form.getFirst("title"), form.getFirst("summary"), form.getFirst("subjectCategory"),
				"true".equals(form.getFirst("sequential")));
	}

	/**
	 * The module editor's fields as typed.
	 */
	record ModuleForm(String title, String body, String videoUrl, String videoSeconds, String requiredMinutes,
			String creditHours, String subjectCategory, String selfCheckTags, String selfCheckCount, String position) {

		static ModuleForm empty() {
			return new ModuleForm("", "", "", "", "45", "1", "PROFESSIONAL", "", "5", "");
		}

		static ModuleForm of(ModuleView module) {
			return new ModuleForm(module.title(), module.body(), (module.videoUrl() != null) ? module.videoUrl() : "",
					(module.videoSeconds() != null) ? String.valueOf(module.videoSeconds()) : "",
					String.valueOf(module.requiredMinutes()), String.valueOf(module.creditHours()),
					module.subjectCategory(), String.join("\n", module.selfCheckTags()),
					String.valueOf(module.selfCheckCount()), String.valueOf(module.position()));
		}

		static ModuleForm from(MultiValueMap<String, String> form) {
			return new ModuleForm(form.getFirst("title"), form.getFirst("body"), form.getFirst("videoUrl"),
					form.getFirst("videoSeconds"), form.getFirst("requiredMinutes"), form.getFirst("creditHours"),
					form.getFirst("subjectCategory"), form.getFirst("selfCheckTags"), form.getFirst("selfCheckCount"),
					form.getFirst("position"));
		}

		public String value(String field) {
			return switch (field) {
				case "requiredMinutes" -> this.requiredMinutes;
				case "creditHours" -> this.creditHours;
				case "position" -> this.position;
				case "videoUrl" -> this.videoUrl;
				case "videoSeconds" -> this.videoSeconds;
				case "selfCheckCount" -> this.selfCheckCount;
				default -> "";
			};
		}

		ModuleDraft toDraft(List<FieldViolation> violations) {
			Integer video = integer(this.videoSeconds, "videoSeconds", violations);
			Integer minutes = integer(this.requiredMinutes, "requiredMinutes", violations);
			double hours = FormNumbers.parse(this.creditHours, -1, "creditHours", violations);
			Integer count = integer(this.selfCheckCount, "selfCheckCount", violations);
			Integer at = integer(this.position, "position", violations);
			List<String> tags = (this.selfCheckTags == null) ? List.of()
					: Arrays.stream(this.selfCheckTags.split("[\\n,，]"))
						.map(String::strip)
						.filter((t) -> !t.isEmpty())
						.toList();
			return new ModuleDraft(this.title, this.body, this.videoUrl, video, minutes, (hours >= 0) ? hours : null,
					this.subjectCategory, tags, count, at);
		}

		private static Integer integer(String text, String field, List<FieldViolation> violations) {
			if (text == null || text.isBlank()) {
				return null;
			}
			double value = FormNumbers.parse(text, Double.NaN, field, violations);
			if (Double.isNaN(value)) {
				return null;
			}
			if (value != Math.rint(value)) {
				violations.add(FieldViolation.of(field, "field.notANumber", text));
				return null;
			}
			return (int) value;
		}

	}

}
