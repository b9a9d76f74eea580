package academy.cqo.questionbank;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.TreeSet;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import academy.cqo.identity.CurrentUser;
import academy.cqo.questionbank.domain.BankAccess;
import academy.cqo.questionbank.persistence.BankDocument;
import academy.cqo.questionbank.persistence.BankStore;
import academy.cqo.questionbank.persistence.QuestionDocument;
import academy.cqo.questionbank.persistence.QuestionStore;
import academy.cqo.questionbank.persistence.QuestionStore.QuestionQuery;
import academy.cqo.questionbank.persistence.QuestionVersionDocument;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;

/**
 * The public face of question banks: banks and who may use them, and the exact versions
 * delivered to candidates. The questions of a bank (versions, history, bulk review) are
 * in {@link Questions}, imports and exports in {@link QuestionImports}.
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
			.switchIfEmpty(Mono.error(() -> new BankNotFound(bankId)));
	}

	Mono<BankDocument> editableBank(String bankId, CurrentUser user) {
		return readableBank(bankId, user)
			.flatMap((bank) -> BankAccess.canEdit(bank, user) ? Mono.just(bank) : Mono.error(new BankNotEditable()));
	}

	private BankSummary summary(BankDocument bank, long count, CurrentUser user) {
		return new BankSummary(bank.id(), bank.name(), bank.description(), bank.ownerName(), bank.official(),
				bank.sharedWith(), List.copyOf(new TreeSet<>(bank.taxonomy())), count, BankAccess.canEdit(bank, user));
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
			.switchIfEmpty(Mono.error(() -> new QuestionNotFound(questionId)));
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
			.switchIfEmpty(Mono.error(() -> new QuestionNotFound(questionId)));
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
	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
