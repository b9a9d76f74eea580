package academy.cqo.course;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.questionbank.DrawCriteria;
import academy.cqo.questionbank.Markdown;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionbank.QuestionVersion;
import academy.cqo.questionbank.RenderedQuestion;
import academy.cqo.questionformats.QuestionType;

/**
 * A module's self-check: reviewed objective questions of the official bank with the
 * module's knowledge points, drawn in random order and checked with explanations.
 * Practice only: nothing is stored.
 */
@Service
public class SelfChecks {

	private final Courses courses;

	private final QuestionBanks banks;

	SelfChecks(Courses courses, QuestionBanks banks) {
		this.courses = courses;
		this.banks = banks;
	}

	/**
	 * Draw a module's self-check: reviewed objective questions of the official bank with
	 * the module's knowledge points, in random order. Practice only: nothing is stored.
	 * @param moduleId the module
	 * @return the questions (without answers)
	 */
	public Mono<List<SelfCheckQuestion>> selfCheck(String moduleId) {
		return this.courses.module(moduleId).flatMap((module) -> selfCheckPool(module).flatMapMany((ids) -> {
			List<String> shuffled = new ArrayList<>(ids);
			Collections.shuffle(shuffled);
			return Flux.fromIterable(shuffled.subList(0, Math.min(module.selfCheckCount(), shuffled.size())));
		})
			.concatMap(this.banks::currentVersion)
			.map((version) -> new SelfCheckQuestion(version.questionId(), RenderedQuestion.of(version.content()),
					List.of(), List.of(), null, ""))
			.collectList());
	}

	/**
	 * The questions a module's self-check draws from: reviewed single, multiple choice
	 * and true/false questions of the official bank with the module's knowledge points.
	 */
	private Mono<List<String>> selfCheckPool(ModuleView module) {
		if (module.selfCheckCount() == 0 || module.selfCheckTags().isEmpty()) {
			return Mono.just(List.of());
		}
		return this.banks.officialBankId()
			.flatMapMany((bankId) -> Flux.just(QuestionType.SINGLE, QuestionType.MULTIPLE, QuestionType.TRUE_FALSE)
				.concatMap((type) -> this.banks
					.drawable(new DrawCriteria(List.of(bankId), type, module.selfCheckTags(), Set.of()))))
			.collectList();
	}

	/**
	 * Check self-check answers and explain them. Only questions of the module's own
	 * self-check are checked (no other question's key is ever revealed).
	 * @param moduleId the module
	 * @param answers per question id, the chosen option ids (or
	 * {@code true}/{@code false})
	 * @return each question with the answer, whether it was right and the explanation
	 */
	public Mono<List<SelfCheckQuestion>> checkSelfCheck(String moduleId, Map<String, List<String>> answers) {
		return this.courses.module(moduleId)
			.flatMap((module) -> selfCheckPool(module).flatMap((pool) -> Flux.fromIterable(answers.keySet())
				.filter(Set.copyOf(pool)::contains)
				.take(20)
				.concatMap((questionId) -> this.banks.currentVersion(questionId)
					.map((version) -> checked(version, answers.get(questionId))))
				.collectList()));
	}

	private static SelfCheckQuestion checked(QuestionVersion version, List<String> given) {
		List<String> key = version.content().answer();
		List<String> chosen = (given != null) ? given : List.of();
		boolean right = Set.copyOf(key).equals(Set.copyOf(chosen));
		return new SelfCheckQuestion(version.questionId(), RenderedQuestion.of(version.content()), chosen, key, right,
				Markdown.toHtml(version.content().explanation()));
	}

}
