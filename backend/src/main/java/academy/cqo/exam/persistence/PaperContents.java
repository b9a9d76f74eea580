package academy.cqo.exam.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.exam.persistence.AttemptDocument.PaperQuestion;
import academy.cqo.questionbank.QuestionBanks;
import academy.cqo.questionformats.QuestionContent;

/**
 * An attempt stores its paper as references to frozen question versions, not their text,
 * so that the document every autosave rewrites stays small. The text is filled in when an
 * attempt is read, from the versions (which never change, so they are kept in memory once
 * read). A question whose key was corrected by a regrade keeps its corrected content in
 * the attempt itself.
 */
@Component
class PaperContents {

	private static final int CACHED = 20_000;

	private final QuestionBanks banks;

	private final Map<String, QuestionContent> versions = new ConcurrentHashMap<>();

	PaperContents(QuestionBanks banks) {
		this.banks = banks;
	}

	/**
	 * The attempt as stored: paper contents left out unless corrected.
	 * @param attempt the attempt with its paper's contents
	 * @return the attempt to store
	 */
	static AttemptDocument stripped(AttemptDocument attempt) {
		List<PaperQuestion> paper = new ArrayList<>();
		for (PaperQuestion question : attempt.paper()) {
			paper.add(new PaperQuestion(question.questionId(), question.version(), question.section(), null,
					question.score(), question.optionOrder()));
		}
		return attempt.withPaper(paper);
	}

	/**
	 * Fill in the paper's contents.
	 * @param attempt the attempt as stored
	 * @return the attempt with every question's content
	 */
	Mono<AttemptDocument> hydrate(AttemptDocument attempt) {
		if (attempt.paper().stream().allMatch((question) -> question.content() != null)) {
			return Mono.just(attempt);
		}
		return Flux.fromIterable(attempt.paper()).concatMap(this::withContent).collectList().map(attempt::withPaper);
	}

	private Mono<PaperQuestion> withContent(PaperQuestion question) {
		if (question.content() != null) {
			return Mono.just(question);
		}
		String key = question.questionId() + ":" + question.version();
		QuestionContent cached = this.versions.get(key);
		Mono<QuestionContent> content = (cached != null) ? Mono.just(cached)
				: this.banks.deliveredVersion(question.questionId(), question.version())
					.map((version) -> remember(key, version.content()))
					.switchIfEmpty(Mono.error(new IllegalStateException("Question version " + key + " is missing")));
		return content.map((text) -> new PaperQuestion(question.questionId(), question.version(), question.section(),
				text, question.score(), question.optionOrder()));
	}

	private QuestionContent remember(String key, QuestionContent content) {
		if (this.versions.size() > CACHED) {
			this.versions.clear();
		}
		this.versions.put(key, content);
		return content;
	}

}
