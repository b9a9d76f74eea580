package academy.cqo.course.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;

import academy.cqo.course.CourseProgress;
import academy.cqo.course.Courses;
import academy.cqo.course.Enrolments;
import academy.cqo.course.SelfChecks;
import academy.cqo.course.Study;
import academy.cqo.identity.CurrentUser;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.PageController;
import academy.cqo.shared.Pages;

/**
 * Candidates' course pages: the catalogue and their enrolments, a course with progress
 * per module, the study page (lesson, video, verified time) and the self-check.
 */
@PageController
class CoursePages implements Pages {

	private final Courses courses;

	private final Enrolments enrolments;

	private final Study study;

	private final SelfChecks selfChecks;

	CoursePages(Courses courses, Enrolments enrolments, Study study, SelfChecks selfChecks) {
		this.courses = courses;
		this.enrolments = enrolments;
		this.study = study;
		this.selfChecks = selfChecks;
	}

	@GetMapping("/courses")
	Mono<String> catalogue(@AuthenticationPrincipal CurrentUser user, Model model) {
		return this.courses.catalogue()
			.collectList()
			.zipWith(this.enrolments.enrolments(user.accountId()).collectMap(CourseProgress::courseId))
			.map((pair) -> {
				model.addAttribute("courses", pair.getT1());
				model.addAttribute("mine", pair.getT2());
				return "course/catalogue";
			});
	}

	@GetMapping("/courses/{courseId}")
	Mono<String> course(@PathVariable String courseId, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.courses.visibleCourse(courseId, user)
			.zipWith(this.enrolments.progress(courseId, user.accountId())
				.map(java.util.Optional::of)
				.defaultIfEmpty(java.util.Optional.empty()))
			.map((pair) -> {
				model.addAttribute("course", pair.getT1());
				model.addAttribute("progress", pair.getT2().orElse(null));
				return "course/course";
			});
	}

	@PostMapping("/courses/{courseId}/enrolment")
	Mono<String> enrol(@PathVariable String courseId, @AuthenticationPrincipal CurrentUser user) {
		return this.enrolments.enrol(courseId, user).thenReturn("redirect:/courses/" + courseId);
	}

	@GetMapping("/study/{moduleId}")
	Mono<String> study(@PathVariable String moduleId, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.enrolments.lesson(moduleId, user)
			.flatMap((lesson) -> this.study.open(moduleId, user).map((opened) -> {
				model.addAttribute("lesson", lesson);
				model.addAttribute("studySession", opened);
				return "course/study";
			}))
			.onErrorResume(Conflict.class, (ex) -> this.courses.module(moduleId)
				.map((module) -> "redirect:/courses/" + module.courseId() + "?refused=" + ex.violation().messageKey()));
	}

	@GetMapping("/study/{moduleId}/self-check")
	Mono<String> selfCheck(@PathVariable String moduleId, @AuthenticationPrincipal CurrentUser user, Model model) {
		return this.enrolments.lesson(moduleId, user).zipWith(this.selfChecks.selfCheck(moduleId)).map((pair) -> {
			model.addAttribute("lesson", pair.getT1());
			model.addAttribute("questions", pair.getT2());
			model.addAttribute("checked", false);
			return "course/self-check";
		});
	}

	@PostMapping("/study/{moduleId}/self-check")
	Mono<String> check(@PathVariable String moduleId, @AuthenticationPrincipal CurrentUser user,
			ServerWebExchange exchange, Model model) {
		return exchange.getFormData()
			.zipWith(this.enrolments.lesson(moduleId, user))
			.flatMap((pair) -> this.selfChecks.checkSelfCheck(moduleId, answers(pair.getT1())).map((checked) -> {
				model.addAttribute("lesson", pair.getT2());
				model.addAttribute("questions", checked);
				model.addAttribute("checked", true);
				model.addAttribute("right", checked.stream().filter((q) -> Boolean.TRUE.equals(q.right())).count());
				return "course/self-check";
			}));
	}

	/**
	 * The answers of a self-check form: a hidden {@code q} per question, {@code a-<id>}.
	 */
	private static Map<String, List<String>> answers(MultiValueMap<String, String> form) {
		Map<String, List<String>> answers = new LinkedHashMap<>();
		for (String questionId : form.getOrDefault("q", List.of())) {
			answers.put(questionId, new ArrayList<>(form.getOrDefault("a-" + questionId, List.of())));
		}
		return answers;
	}

}
