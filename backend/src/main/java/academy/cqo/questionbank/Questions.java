package academy.cqo.questionbank;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.domain.QuestionRules;
import academy.cqo.questionbank.domain.VersionDiff;
import academy.cqo.questionbank.persistence.BankStore;
import academy.cqo.questionbank.persistence.QuestionDocument;
import academy.cqo.questionbank.persistence.QuestionStore;
import academy.cqo.questionbank.persistence.QuestionStore.QuestionQuery;
import academy.cqo.questionformats.QuestionContent;
import academy.cqo.questionformats.QuestionDraft;
import academy.cqo.questionformats.QuestionSyntax;
import academy.cqo.questionformats.ReviewStatus;
import academy.cqo.questionformats.TextFolding;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * The questions of a bank: pages of them, one with its version history, a version as it
 * was and what changed between two, adding, editing (a delivered version is kept and the
 * change becomes a new version) and bulk review. Who may read or edit a bank is decided
 * by {@link QuestionBanks}.
 */
@Service
public class Questions {

	private final QuestionBanks access;

	private final BankStore banks;

	private final QuestionStore questions;

	private final Clock clock;

	Questions(QuestionBanks access, BankStore banks, QuestionStore questions, Clock clock) {
		this.access = access;
		this.banks = banks;
		this.questions = questions;
		this.clock = clock;
	}

	/** One page of questions. */
	public record Page(List<QuestionView> items, long total, int page, int size) {

		public int pages() {
			return (int) Math.max(1, (this.total + this.size - 1) / this.size);
		}

	}

	/**
	 * A page of a bank's questions, in number order, answer keys included.
	 * @param bankId the bank
	 * @param filter which questions
	 * @param page the page, from 1
	 * @param size questions per page (1–200)
	 * @param user someone who may read the bank
	 * @return the page
	 */
	public Mono<Page> questions(String bankId, QuestionFilter filter, int page, int size, CurrentUser user) {
		int safePage = Math.max(1, page);
		int safeSize = Math.min(200, Math.max(1, size));
		String text = (filter.text() != null && !filter.text().isBlank()) ? TextFolding.answer(filter.text()) : null;
		QuestionQuery query = new QuestionQuery(bankId, filter.type(), filter.tag(), filter.difficulty(),
				filter.status(), text, filter.anyStatus());
		return this.access.readableBank(bankId, user)
			.then(Mono.zip(this.questions.find(query, (long) (safePage - 1) * safeSize, safeSize)
				.map((question) -> view(question, List.of()))
				.collectList(), this.questions.count(query)))
			.map((result) -> new Page(result.getT1(), result.getT2(), safePage, safeSize));
	}

	/**
	 * One question with its answer key and version history.
	 * @param questionId the question
	 * @param user someone who may read its bank
	 * @return the question
	 */
	public Mono<QuestionView> question(String questionId, CurrentUser user) {
		return visibleQuestion(questionId, user).flatMap(this::withHistory);
	}

	private Mono<QuestionDocument> visibleQuestion(String questionId, CurrentUser user) {
		return this.questions.findById(questionId)
			.switchIfEmpty(Mono.error(() -> new QuestionNotFound(questionId)))
			.flatMap((question) -> this.access.readableBank(question.bankId(), user).thenReturn(question));
	}

	private Mono<QuestionView> withHistory(QuestionDocument question) {
		return this.questions.findVersions(question.id())
			.filter((version) -> version.version() < question.version())
			.map((version) -> new QuestionView.VersionInfo(version.version(), version.savedAt(), version.savedBy(),
					true, false))
			.collectList()
			.map((history) -> {
				List<QuestionView.VersionInfo> versions = new ArrayList<>(history);
				versions.add(new QuestionView.VersionInfo(question.version(), question.updatedAt(),
						question.updatedBy(), question.delivered(), true));
				return view(question, versions);
			});
	}

	/**
	 * One version of a question as it was.
	 * @param questionId the question
	 * @param version the version
	 * @param user someone who may read its bank
	 * @return the version
	 */
	public Mono<QuestionVersion> version(String questionId, int version, CurrentUser user) {
		return visibleQuestion(questionId, user).flatMap((question) -> versionOf(question, version));
	}

	/**
	 * What changed from one version to another.
	 * @param questionId the question
	 * @param from the older version
	 * @param to the newer version
	 * @param user someone who may read its bank
	 * @return the changed fields
	 */
	public Mono<List<VersionDiff.Change>> diff(String questionId, int from, int to, CurrentUser user) {
		return visibleQuestion(questionId, user)
			.flatMap((question) -> Mono.zip(versionOf(question, from), versionOf(question, to)))
			.map((pair) -> VersionDiff.between(pair.getT1().content(), pair.getT2().content()));
	}

	private Mono<QuestionVersion> versionOf(QuestionDocument question, int version) {
		if (version == question.version()) {
			return Mono.just(new QuestionVersion(question.id(), question.bankId(), version, question.content()));
		}
		return this.questions.findVersion(question.id(), version)
			.map((stored) -> new QuestionVersion(stored.questionId(), stored.bankId(), stored.version(),
					stored.content()))
			.switchIfEmpty(Mono.error(() -> new QuestionNotFound(question.id(), version)));
	}

	/**
	 * Add a question to a bank.
	 * @param bankId the bank
	 * @param draft the question (its line is ignored)
	 * @param user someone who may edit the bank
	 * @return the new question
	 */
	public Mono<QuestionView> create(String bankId, QuestionDraft draft, CurrentUser user) {
		return this.access.editableBank(bankId, user)
			.flatMap((bank) -> checked(draft).then(refuseDuplicate(bankId, null, draft.content()))
				.then(this.banks.reserveNumbers(bankId, 1))
				.flatMap((number) -> this.questions.insert(newQuestion(bankId, number, draft, user)))
				.onErrorMap(DuplicateKeyException.class, (ex) -> duplicateKey(ex, draft))
				.flatMap((question) -> this.banks.addToTaxonomy(bankId, question.tags()).thenReturn(question))
				.flatMap(this::withHistory));
	}

	QuestionDocument newQuestion(String bankId, long number, QuestionDraft draft, CurrentUser user) {
		Instant now = this.clock.instant();
		String code = (draft.code() != null) ? draft.code() : "Q" + number;
		ReviewStatus status = (draft.status() != null) ? draft.status() : ReviewStatus.DRAFT;
		return new QuestionDocument(QuestionStore.newId(), bankId, code, number, draft.content(), draft.difficulty(),
				draft.tags(), status, 1, false, 0, TextFolding.fingerprint(draft.content()),
				searchText(code, draft.content()), null, now, user.username(), now, user.username());
	}

	/**
	 * Change a question. A version that candidates have seen is kept as it was and the
	 * change becomes a new version; otherwise the current version is changed in place.
	 * Changes to tags, difficulty or status alone never make a version.
	 * @param questionId the question
	 * @param revision the revision the editor started from
	 * @param draft the new state (its code and line are ignored)
	 * @param user someone who may edit the bank
	 * @return the changed question
	 */
	public Mono<QuestionView> edit(String questionId, long revision, QuestionDraft draft, CurrentUser user) {
		return visibleQuestion(questionId, user)
			.flatMap((question) -> this.access.editableBank(question.bankId(), user).thenReturn(question))
			.flatMap((question) -> checked(draft)
				.then(refuseDuplicate(question.bankId(), question.id(), draft.content()))
				.then(applyEdit(question, revision, draft, user, true)))
			.onErrorMap(DuplicateKeyException.class, (ex) -> duplicateKey(ex, draft))
			.flatMap((question) -> this.banks.addToTaxonomy(question.bankId(), question.tags()).thenReturn(question))
			.flatMap(this::withHistory);
	}

	private Mono<QuestionDocument> applyEdit(QuestionDocument question, long revision, QuestionDraft draft,
			CurrentUser user, boolean retry) {
		if (question.revision() != revision) {
			return Mono.error(editedMeanwhile());
		}
		Update update = editUpdate(draft, question.code(), user);
		Mono<QuestionDocument> applied;
		if (question.content().equals(draft.content())) {
			applied = this.questions.editMetadata(question.id(), revision, update);
		}
		else if (!question.delivered()) {
			applied = this.questions.editInPlace(question.id(), revision, update);
		}
		else {
			applied = this.questions.freeze(question.id(), this.clock.instant())
				.then(this.questions.newVersion(question.id(), revision, update));
		}
		return applied.switchIfEmpty(Mono.defer(() -> retry
				? this.questions.findById(question.id())
					.flatMap((current) -> applyEdit(current, revision, draft, user, false))
				: Mono.error(editedMeanwhile())));
	}

	Update editUpdate(QuestionDraft draft, String code, CurrentUser user) {
		Update update = new Update().set("content", draft.content())
			.set("fingerprint", TextFolding.fingerprint(draft.content()))
			.set("searchText", searchText(code, draft.content()))
			.set("difficulty", draft.difficulty())
			.set("tags", draft.tags())
			.set("updatedAt", this.clock.instant())
			.set("updatedBy", user.username());
		if (draft.status() != null) {
			update.set("status", draft.status());
		}
		return update;
	}

	/**
	 * Tag, untag, review, send back to draft or retire many questions of a bank at once.
	 * @param bankId the bank
	 * @param questionIds the questions
	 * @param action what to do
	 * @param tags the tags to add or remove
	 * @param user someone who may edit the bank
	 * @return how many questions changed
	 */
	public Mono<Long> bulk(String bankId, Collection<String> questionIds, BulkAction action, Collection<String> tags,
			CurrentUser user) {
		List<String> tagList = (tags != null) ? tags.stream().map(String::strip).filter((t) -> !t.isEmpty()).toList()
				: List.of();
		List<FieldViolation> violations = new ArrayList<>();
		if (questionIds == null || questionIds.isEmpty()) {
			violations.add(FieldViolation.of("ids", "question.bulk.noneSelected"));
		}
		if ((action == BulkAction.TAG || action == BulkAction.UNTAG) && tagList.isEmpty()) {
			violations.add(FieldViolation.of("tags", "question.bulk.noTags"));
		}
		tagList.stream()
			.filter((tag) -> !QuestionSyntax.isValidTag(tag))
			.forEach((tag) -> violations
				.add(FieldViolation.of("tags", "question.tags.invalid", tag, QuestionSyntax.MAX_TAG_LENGTH)));
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		Update update = new Update().set("updatedAt", this.clock.instant()).set("updatedBy", user.username());
		switch (action) {
			case TAG -> update.addToSet("tags").each(tagList.toArray());
			case UNTAG -> update.pullAll("tags", tagList.toArray());
			case REVIEW -> update.set("status", ReviewStatus.REVIEWED);
			case DRAFT -> update.set("status", ReviewStatus.DRAFT);
			case RETIRE -> update.set("status", ReviewStatus.RETIRED);
		}
		return this.access.editableBank(bankId, user)
			.flatMap((bank) -> this.questions.updateMany(bankId, questionIds, update))
			.flatMap((count) -> (action == BulkAction.TAG) ? this.banks.addToTaxonomy(bankId, tagList).thenReturn(count)
					: Mono.just(count));
	}

	// Helpers

	private static Mono<Void> checked(QuestionDraft draft) {
		List<FieldViolation> violations = QuestionRules.check(draft.withLine(0));
		return violations.isEmpty() ? Mono.empty() : Mono.error(new InvalidInput(violations));
	}

	private Mono<Void> refuseDuplicate(String bankId, String questionId, QuestionContent content) {
		return this.questions.findByFingerprint(bankId, TextFolding.fingerprint(content))
			.filter((other) -> !other.id().equals(questionId))
			.flatMap((other) -> Mono.<Void>error(duplicate(other.code())));
	}

	private static Conflict duplicate(String code) {
		return new Conflict(FieldViolation.of("stem", "question.duplicate", code));
	}

	private static RuntimeException duplicateKey(DuplicateKeyException ex, QuestionDraft draft) {
		String message = String.valueOf(ex.getMessage());
		if (message.contains("fingerprint")) {
			return duplicate("?");
		}
		return new Conflict(FieldViolation.of("code", "question.code.taken", Objects.toString(draft.code(), "")));
	}

	private static Conflict editedMeanwhile() {
		return new Conflict(FieldViolation.of("revision", "question.editedMeanwhile"));
	}

	static String searchText(String code, QuestionContent content) {
		StringBuilder text = new StringBuilder(code).append(' ').append(content.stem());
		content.options().forEach((option) -> text.append(' ').append(option.text()));
		return TextFolding.answer(text.toString());
	}

	static QuestionView view(QuestionDocument question, List<QuestionView.VersionInfo> versions) {
		return new QuestionView(question.id(), question.bankId(), question.code(), question.number(),
				question.content(), question.difficulty(), question.tags(), question.status(), question.version(),
				question.delivered(), question.revision(), question.updatedAt(), question.updatedBy(), versions);
	}

}
