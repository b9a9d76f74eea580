package academy.cqo.questionbank;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.domain.BankAccess;
import academy.cqo.questionbank.domain.QuestionRules;
import academy.cqo.questionbank.domain.TextFolding;
import academy.cqo.questionbank.domain.VersionDiff;
import academy.cqo.questionbank.formats.QuestionDraft;
import academy.cqo.questionbank.persistence.BankDocument;
import academy.cqo.questionbank.persistence.BankStore;
import academy.cqo.questionbank.persistence.QuestionDocument;
import academy.cqo.questionbank.persistence.QuestionStore;
import academy.cqo.questionbank.persistence.QuestionStore.QuestionQuery;
import academy.cqo.questionbank.persistence.QuestionVersionDocument;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * The public face of question banks: banks and who may use them, questions with their
 * versions and history, bulk review, and the exact versions delivered to candidates.
 * Imports and exports are in {@link QuestionImports}.
 */
@Service
public class QuestionBanks {

	private final BankStore banks;

	private final QuestionStore questions;

	private final Clock clock;

	/**
	 * When every candidate of a session starts within the same second, each start would
	 * scan the banks for the same sections; the candidates of a section are remembered
	 * for a few seconds instead. A question reviewed or retired in that time is drawn (or
	 * no longer drawn) a few seconds later; the version delivered is always read fresh.
	 */
	private static final java.time.Duration DRAWABLE_FOR = java.time.Duration.ofSeconds(5);

	private final Map<DrawCriteria, Drawable> drawableCache = new ConcurrentHashMap<>();

	private final Map<String, Delivered> deliveredCache = new ConcurrentHashMap<>();

	private final academy.cqo.identity.Accounts accounts;

	QuestionBanks(BankStore banks, QuestionStore questions, Clock clock, academy.cqo.identity.Accounts accounts) {
		this.accounts = accounts;
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

	// Banks

	/**
	 * Create a bank owned by the caller.
	 * @param name its name (unique)
	 * @param description what it is for
	 * @param user a trainer or administrator
	 * @return the new bank
	 */
	public Mono<BankSummary> create(String name, String description, CurrentUser user) {
		CurrentUser.requireStaff(user);
		List<FieldViolation> violations = new ArrayList<>();
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			violations.add(FieldViolation.of("name", "bank.name.invalid", 100));
		}
		if (description != null && description.length() > 2000) {
			violations.add(FieldViolation.of("description", "question.field.tooLong", 2000));
		}
		if (!violations.isEmpty()) {
			return Mono.error(new InvalidInput(violations));
		}
		BankDocument bank = new BankDocument(QuestionStore.newId(), trimmed, blankToNull(description), user.accountId(),
				user.fullName(), user.regionCode(), List.of(), false, List.of(), 1, this.clock.instant());
		return this.banks.insert(bank).map((stored) -> summary(stored, 0, user));
	}

	/**
	 * The banks a user may see, with their question counts.
	 * @param user a trainer or administrator
	 * @return the banks, oldest first
	 */
	public Flux<BankSummary> visibleTo(CurrentUser user) {
		CurrentUser.requireStaff(user);
		return this.questions.countsByBank()
			.flatMapMany((counts) -> this.banks.findAll()
				.filter((bank) -> BankAccess.canRead(bank, user))
				.map((bank) -> summary(bank, counts.getOrDefault(bank.id(), 0L), user)));
	}

	public Mono<BankSummary> bank(String bankId, CurrentUser user) {
		return readableBank(bankId, user)
			.zipWith(this.questions.count(new QuestionQuery(bankId, null, null, null, null, null, false)))
			.map((pair) -> summary(pair.getT1(), pair.getT2(), user));
	}

	/**
	 * Rename a bank, describe it, and choose the trainers it is shared with.
	 * @param bankId the bank
	 * @param name its name
	 * @param description what it is for
	 * @param sharedWith usernames of trainers who may edit it
	 * @param user someone who may edit it
	 * @return the changed bank
	 */
	public Mono<BankSummary> updateBank(String bankId, String name, String description, Collection<String> sharedWith,
			CurrentUser user) {
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > 100) {
			return Mono.error(new InvalidInput(List.of(FieldViolation.of("name", "bank.name.invalid", 100))));
		}
		return editableBank(bankId, user)
			.flatMap((bank) -> this.accounts
				.staffUsernames("sharedWith",
						sharedWith.stream().filter((shared) -> shared != null && !shared.isBlank()).toList())
				.flatMap((shared) -> this.banks.update(bankId, trimmed, blankToNull(description), shared)))
			.flatMap((bank) -> bank(bank.id(), user));
	}

	Mono<BankDocument> readableBank(String bankId, CurrentUser user) {
		CurrentUser.requireStaff(user);
		return this.banks.findById(bankId)
			.filter((bank) -> BankAccess.canRead(bank, user))
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	Mono<BankDocument> editableBank(String bankId, CurrentUser user) {
		return readableBank(bankId, user).flatMap((bank) -> BankAccess.canEdit(bank, user) ? Mono.just(bank)
				: Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN)));
	}

	private BankSummary summary(BankDocument bank, long count, CurrentUser user) {
		return new BankSummary(bank.id(), bank.name(), bank.description(), bank.ownerName(), bank.official(),
				bank.sharedWith(), List.copyOf(new TreeSet<>(bank.taxonomy())), count, BankAccess.canEdit(bank, user));
	}

	// Questions

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
		return readableBank(bankId, user)
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
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
			.flatMap((question) -> readableBank(question.bankId(), user).thenReturn(question));
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
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	/**
	 * Add a question to a bank.
	 * @param bankId the bank
	 * @param draft the question (its line is ignored)
	 * @param user someone who may edit the bank
	 * @return the new question
	 */
	public Mono<QuestionView> create(String bankId, QuestionDraft draft, CurrentUser user) {
		return editableBank(bankId, user)
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
			.flatMap((question) -> editableBank(question.bankId(), user).thenReturn(question))
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
			.filter((tag) -> !QuestionRules.isValidTag(tag))
			.forEach((tag) -> violations
				.add(FieldViolation.of("tags", "question.tags.invalid", tag, QuestionRules.MAX_TAG_LENGTH)));
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
		return editableBank(bankId, user).flatMap((bank) -> this.questions.updateMany(bankId, questionIds, update))
			.flatMap((count) -> (action == BulkAction.TAG) ? this.banks.addToTaxonomy(bankId, tagList).thenReturn(count)
					: Mono.just(count));
	}

	// Delivery (used by exams)

	/**
	 * The official bank's id.
	 * @return the id, or empty before the official bank was loaded
	 */
	public Mono<String> officialBankId() {
		return this.banks.findOfficial().map(BankDocument::id);
	}

	/**
	 * Whether a person can read the keys of any of these banks (their authors, reviewers
	 * and administrators can): such a person may not sit an exam drawn from them.
	 * @param bankIds the banks
	 * @param user the person
	 * @return whether any of the banks is readable to the person
	 */
	public Mono<Boolean> readsAnyKeysOf(Collection<String> bankIds, CurrentUser user) {
		if (!user.isStaff()) {
			return Mono.just(false);
		}
		return Flux.fromIterable(new TreeSet<>(bankIds))
			.concatMap(this.banks::findById)
			.any((bank) -> BankAccess.canRead(bank, user));
	}

	/**
	 * The reviewed questions an exam section may draw.
	 * @param criteria what the section draws
	 * @return question ids in a stable order (bank, then number), so that a seeded draw
	 * can be reproduced
	 */
	public Flux<String> drawable(DrawCriteria criteria) {
		Instant now = this.clock.instant();
		Drawable cached = this.drawableCache.get(criteria);
		if (cached != null && cached.until().isAfter(now)) {
			return Flux.fromIterable(cached.ids());
		}
		return this.questions.drawable(criteria).collectList().doOnNext((ids) -> {
			if (this.drawableCache.size() > 1000) {
				this.drawableCache.clear();
			}
			this.drawableCache.put(criteria, new Drawable(List.copyOf(ids), now.plus(DRAWABLE_FOR)));
		}).flatMapMany(Flux::fromIterable);
	}

	/** The drawable questions of one section, remembered briefly. */
	private record Drawable(List<String> ids, Instant until) {
	}

	/**
	 * How many reviewed questions an exam section could draw from.
	 * @param criteria what the section draws
	 * @return the count
	 */
	public Mono<Long> countDrawable(DrawCriteria criteria) {
		return this.questions.countDrawable(criteria);
	}

	/**
	 * Freeze a question's current version for delivery to a candidate: from now on an
	 * edit makes a new version, and this one stays exactly as returned.
	 * @param questionId the question
	 * @return the frozen version
	 */
	public Mono<QuestionVersion> deliver(String questionId) {
		return this.questions.freeze(questionId, this.clock.instant())
			.map((version) -> new QuestionVersion(version.questionId(), version.bankId(), version.version(),
					version.content()))
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	/**
	 * Freeze many questions for one paper. A question already frozen is read by key (and
	 * remembered for a few seconds, see {@link #DRAWABLE_FOR}); only questions never
	 * delivered are frozen, so starting an attempt stays cheap once a bank is in use.
	 * @param questionIds the questions, in paper order
	 * @return their frozen versions, in the same order
	 */
	public Flux<QuestionVersion> deliverAll(List<String> questionIds) {
		Instant now = this.clock.instant();
		return Flux.fromIterable(questionIds).concatMap((id) -> {
			Delivered cached = this.deliveredCache.get(id);
			if (cached != null && cached.until().isAfter(now)) {
				return Mono.just(cached.version());
			}
			return deliverOne(id).doOnNext((version) -> {
				if (this.deliveredCache.size() > 50_000) {
					this.deliveredCache.clear();
				}
				this.deliveredCache.put(id, new Delivered(version, now.plus(DRAWABLE_FOR)));
			});
		});
	}

	private Mono<QuestionVersion> deliverOne(String questionId) {
		return this.questions.findById(questionId)
			.filter(QuestionDocument::delivered)
			.flatMap((question) -> this.questions
				.findVersionById(QuestionVersionDocument.idOf(question.id(), question.version())))
			.map(QuestionBanks::versionOf)
			.switchIfEmpty(Mono.defer(() -> deliver(questionId)));
	}

	/**
	 * A question's frozen version, remembered briefly for the papers drawn at one start.
	 */
	private record Delivered(QuestionVersion version, Instant until) {
	}

	/**
	 * A question's current version, without freezing it (to regrade with a corrected
	 * key).
	 * @param questionId the question
	 * @return the current version
	 */
	public Mono<QuestionVersion> currentVersion(String questionId) {
		return this.questions.findById(questionId)
			.map((question) -> new QuestionVersion(question.id(), question.bankId(), question.version(),
					question.content()))
			.switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	/**
	 * The knowledge points (tag paths) of questions, for feedback by knowledge point on a
	 * result that shows no keys.
	 * @param questionIds the questions
	 * @return per question id its tags (questions not found are left out)
	 */
	public Mono<java.util.Map<String, List<String>>> knowledgePoints(java.util.Collection<String> questionIds) {
		return Flux.fromIterable(new java.util.LinkedHashSet<>(questionIds))
			.concatMap(this.questions::findById)
			.collectMap(QuestionDocument::id, QuestionDocument::tags);
	}

	private static QuestionVersion versionOf(QuestionVersionDocument stored) {
		return new QuestionVersion(stored.questionId(), stored.bankId(), stored.version(), stored.content());
	}

	/**
	 * A delivered version, exactly as it was shown.
	 * @param questionId the question
	 * @param version the version
	 * @return the version, or empty when it was never delivered
	 */
	public Mono<QuestionVersion> deliveredVersion(String questionId, int version) {
		return this.questions.findVersion(questionId, version)
			.map((stored) -> new QuestionVersion(stored.questionId(), stored.bankId(), stored.version(),
					stored.content()));
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

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
