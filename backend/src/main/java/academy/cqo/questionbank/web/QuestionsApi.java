package academy.cqo.questionbank.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.Questions;
import academy.cqo.questionbank.QuestionVersion;
import academy.cqo.questionbank.RenderedQuestion;
import academy.cqo.questionbank.domain.VersionDiff;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * One question: read it with its key and versions, edit it (a delivered version becomes
 * history), compare versions, preview it as a candidate will see it.
 */
@RestController
@RequestMapping("/api/v1/questions")
@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
@Tag(name = "questions", description = "Questions, their versions and previews")
class QuestionsApi {

	private final Questions questions;

	QuestionsApi(Questions questions) {
		this.questions = questions;
	}

	record VersionJson(String questionId, int version, QuestionJson question) {
	}

	@GetMapping("/{questionId}")
	@Operation(summary = "The question with its key (correct option ids, or accepted texts per blank) and versions")
	Mono<QuestionJson> one(@PathVariable String questionId, @AuthenticationPrincipal CurrentUser user) {
		return this.questions.question(questionId, user).map(QuestionJson::of);
	}

	@PutMapping("/{questionId}")
	@Operation(summary = "Edit the question; send the revision you read (409 when it changed meanwhile). "
			+ "A version candidates have seen is kept and the edit becomes a new version")
	Mono<QuestionJson> edit(@PathVariable String questionId, @RequestBody QuestionJson question,
			@AuthenticationPrincipal CurrentUser user) {
		if (question.revision() == null) {
			return Mono.error(new Conflict(FieldViolation.of("revision", "question.revision.missing")));
		}
		return Mono.fromCallable(question::toDraft)
			.flatMap((draft) -> this.questions.edit(questionId, question.revision(), draft, user))
			.map(QuestionJson::of);
	}

	@GetMapping("/{questionId}/versions/{version}")
	@Operation(summary = "One version exactly as it was")
	Mono<QuestionVersion> version(@PathVariable String questionId, @PathVariable int version,
			@AuthenticationPrincipal CurrentUser user) {
		return this.questions.version(questionId, version, user);
	}

	@GetMapping("/{questionId}/diff")
	@Operation(summary = "What changed between two versions, field by field")
	Mono<List<VersionDiff.Change>> diff(@PathVariable String questionId, @RequestParam int from, @RequestParam int to,
			@AuthenticationPrincipal CurrentUser user) {
		return this.questions.diff(questionId, from, to, user);
	}

	@PostMapping("/preview")
	@Operation(summary = "Render a question as a candidate will see it (sanitised HTML)")
	Mono<RenderedQuestion> preview(@RequestBody QuestionJson question) {
		return Mono.fromCallable(question::toDraft).map((draft) -> RenderedQuestion.of(draft.content()));
	}

}
