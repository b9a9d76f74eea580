package academy.cqo.questionbank;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import academy.cqo.questionbank.domain.ImportState;
import academy.cqo.identity.CurrentUser;
import academy.cqo.platform.Sweep;
import academy.cqo.questionbank.domain.QuestionRules;
import academy.cqo.questionbank.persistence.BankDocument;
import academy.cqo.questionbank.persistence.BankStore;
import academy.cqo.questionbank.persistence.ImportChangeDocument;
import academy.cqo.questionbank.persistence.ImportDocument;
import academy.cqo.questionbank.persistence.ImportJournal;
import academy.cqo.questionbank.persistence.QuestionDocument;
import academy.cqo.questionbank.persistence.QuestionStore;
import academy.cqo.questionformats.ExcelFormat;
import academy.cqo.questionformats.ExportedBank;
import academy.cqo.questionformats.ImportLimits;
import academy.cqo.questionformats.ParsedFile;
import academy.cqo.questionformats.QuestionDraft;
import academy.cqo.questionformats.QuestionFormat;
import academy.cqo.questionformats.QuestionType;
import academy.cqo.questionformats.ReviewStatus;
import academy.cqo.questionformats.TextFolding;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.StartupTask;

/**
 * Imports and exports of whole banks. An import reads and checks the whole file first:
 * any problem and nothing is written, and every problem is reported with its line or row
 * and field. A good file is then written all-or-nothing through the
 * {@link ImportJournal}: new questions invisibly, then one atomic commit, then made
 * visible; questions whose code already exists get a new version when the file changed
 * them. Duplicates (same stem and options) are skipped and named in warnings.
 */
@Service
public class QuestionImports implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(QuestionImports.class);

	/**
	 * An import still writing after this long is taken to have died and is rolled back.
	 */
	static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

	private static final int MAX_REPORTED_PROBLEMS = 1000;

	private static final int BATCH = 1000;

	private final QuestionBanks banks;

	private final BankStore bankStore;

	private final QuestionStore questions;

	private final ImportJournal journal;

	private final List<QuestionFormat> formats;

	private final ExcelFormat excel;

	private final Clock clock;

	QuestionImports(QuestionBanks banks, BankStore bankStore, QuestionStore questions, ImportJournal journal,
			List<QuestionFormat> formats, ExcelFormat excel, Clock clock) {
		this.banks = banks;
		this.bankStore = bankStore;
		this.questions = questions;
		this.journal = journal;
		this.formats = List.copyOf(formats);
		this.excel = excel;
		this.clock = clock;
	}

	/**
	 * The formats questions can be imported from and exported to.
	 * @return their ids
	 */
	public List<String> formatIds() {
		return this.formats.stream().map(QuestionFormat::id).sorted().toList();
	}

	/**
	 * The platform's empty Excel template, with dropdowns and examples.
	 * @return the .xlsx bytes
	 */
	public byte[] excelTemplate() {
		return this.excel.template();
	}

	/**
	 * Import a file into a bank.
	 * @param bankId the bank
	 * @param fileName the uploaded file's name
	 * @param content the file's bytes
	 * @param formatId the format, or {@code null} to detect it from the content and name
	 * @param defaultStatus the status of new questions whose file does not say
	 * @param user someone who may edit the bank
	 * @return what was imported, or an {@link InvalidInput} (422) listing every problem
	 */
	public Mono<ImportResult> importFile(String bankId, String fileName, byte[] content, String formatId,
			ReviewStatus defaultStatus, CurrentUser user) {
		long started = System.nanoTime();
		return this.banks.editableBank(bankId, user)
			.flatMap((bank) -> Mono.fromCallable(() -> parse(fileName, content, formatId))
				.doOnNext((parsed) -> logger.debug("Read and checked {} ({} questions) in {} ms", fileName,
						parsed.drafts().size(), (System.nanoTime() - started) / 1_000_000))
				.flatMap((parsed) -> importParsed(bank, fileName, parsed, defaultStatus, user.username())))
			.doOnNext((result) -> logger.info(
					"Imported {} into bank {}: {} added, {} updated, {} unchanged, "
							+ "{} duplicates skipped, in {} ms",
					fileName, bankId, result.imported(), result.updated(), result.unchanged(),
					result.skippedDuplicates(), (System.nanoTime() - started) / 1_000_000));
	}

	/**
	 * Import drafts read by the platform itself (the official bank) into a bank.
	 * @param bank the bank
	 * @param source a name for the journal
	 * @param parsed the file as read
	 * @param defaultStatus the status of new questions
	 * @param actor who imports
	 * @return what was imported
	 */
	Mono<ImportResult> importParsed(BankDocument bank, String source, Parsed parsed, ReviewStatus defaultStatus,
			String actor) {
		return this.questions.allInBank(bank.id())
			.collectList()
			.map((existing) -> plan(parsed, existing, defaultStatus))
			.flatMap((plan) -> write(bank, source, parsed.format().id(), plan, actor));
	}

	/** A file read and checked. */
	record Parsed(QuestionFormat format, List<QuestionDraft> drafts, List<FieldViolation> warnings) {
	}

	Parsed parse(String fileName, byte[] content, String formatId) {
		if (content.length > ImportLimits.MAX_FILE_BYTES) {
			throw new InvalidInput(List
				.of(FieldViolation.of("file", "import.file.tooLarge", ImportLimits.MAX_FILE_BYTES / 1024 / 1024)),
					true);
		}
		if (content.length == 0) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "import.file.empty")), true);
		}
		QuestionFormat format = detect(fileName, content, formatId);
		ParsedFile file = format.read(content);
		List<FieldViolation> problems = new ArrayList<>(file.problems());
		if (file.questions().size() > ImportLimits.MAX_QUESTIONS) {
			problems.add(FieldViolation.of("file", "import.file.tooManyQuestions", ImportLimits.MAX_QUESTIONS));
		}
		Map<String, Integer> codes = new HashMap<>();
		for (QuestionDraft draft : file.questions()) {
			problems.addAll(QuestionRules.check(draft));
			if (draft.code() != null) {
				Integer first = codes.putIfAbsent(draft.code(), draft.line());
				if (first != null) {
					problems.add(new FieldViolation("code", "import.code.twice", List.of(draft.code(), first),
							draft.line()));
				}
			}
		}
		if (problems.isEmpty() && file.questions().isEmpty()) {
			problems.add(FieldViolation.of("file", "import.file.noQuestions"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(capped(problems), true);
		}
		List<FieldViolation> warnings = new ArrayList<>(file.warnings());
		for (QuestionDraft draft : file.questions()) {
			if (draft.content().type() == QuestionType.ESSAY && draft.content().referenceAnswer() == null) {
				warnings
					.add(new FieldViolation("referenceAnswer", "import.essay.noReference", List.of(), draft.line()));
			}
		}
		return new Parsed(format, file.questions(), warnings);
	}

	private QuestionFormat detect(String fileName, byte[] content, String formatId) {
		if (formatId != null && !formatId.isBlank()) {
			return this.formats.stream()
				.filter((format) -> format.id().equals(formatId))
				.findFirst()
				.orElseThrow(() -> new InvalidInput(
						List.of(FieldViolation.of("format", "import.format.unknown", formatId, formatIds())), true));
		}
		QuestionFormat best = null;
		int bestScore = 0;
		for (QuestionFormat format : this.formats) {
			int score = format.recognise(fileName, content);
			if (score > bestScore) {
				best = format;
				bestScore = score;
			}
		}
		if (best == null) {
			throw new InvalidInput(List.of(FieldViolation.of("file", "import.file.unknownFormat",
					Objects.toString(fileName, ""), String.join(", ", formatIds()))), true);
		}
		return best;
	}

	private static List<FieldViolation> capped(List<FieldViolation> problems) {
		List<FieldViolation> sorted = new ArrayList<>(problems);
		sorted.sort(Comparator.comparing((FieldViolation v) -> (v.line() != null) ? v.line() : 0));
		if (sorted.size() <= MAX_REPORTED_PROBLEMS) {
			return sorted;
		}
		List<FieldViolation> shown = new ArrayList<>(sorted.subList(0, MAX_REPORTED_PROBLEMS));
		shown.add(FieldViolation.of("file", "import.file.moreProblems", sorted.size() - MAX_REPORTED_PROBLEMS));
		return shown;
	}

	/** What an import will do. */
	record Plan(List<QuestionDraft> added, List<Change> changed, int unchanged, int duplicates,
			List<FieldViolation> warnings) {
	}

	record Change(QuestionDocument question, QuestionDraft draft) {
	}

	private Plan plan(Parsed parsed, List<QuestionDocument> existing, ReviewStatus defaultStatus) {
		Map<String, QuestionDocument> byCode = new HashMap<>();
		Map<String, QuestionDocument> byFingerprint = new HashMap<>();
		for (QuestionDocument question : existing) {
			byCode.put(question.code(), question);
			byFingerprint.put(question.fingerprint(), question);
		}
		Map<String, String> seen = new HashMap<>();
		List<QuestionDraft> added = new ArrayList<>();
		List<Change> changed = new ArrayList<>();
		List<FieldViolation> warnings = new ArrayList<>(parsed.warnings());
		int unchanged = 0;
		int duplicates = 0;
		for (QuestionDraft draft : parsed.drafts()) {
			String fingerprint = TextFolding.fingerprint(draft.content());
			QuestionDocument sameCode = (draft.code() != null) ? byCode.get(draft.code()) : null;
			QuestionDocument sameContent = byFingerprint.get(fingerprint);
			String earlier = seen.get(fingerprint);
			if (sameCode != null && sameCode.equals(sameContent) && unchangedBy(sameCode, draft)) {
				unchanged++;
				seen.put(fingerprint, sameCode.code());
			}
			else if (earlier != null || (sameContent != null && sameContent != sameCode)) {
				duplicates++;
				String other = (earlier != null) ? earlier : sameContent.code();
				warnings.add(new FieldViolation("stem", "import.duplicate", List.of(other), draft.line()));
			}
			else if (sameCode != null) {
				changed.add(new Change(sameCode, withStatus(draft, null)));
				seen.put(fingerprint, sameCode.code());
			}
			else {
				added.add(withStatus(draft, defaultStatus));
				seen.put(fingerprint, Objects.toString(draft.code(), "#" + draft.line()));
			}
		}
		warnings.sort(Comparator.comparing((FieldViolation v) -> (v.line() != null) ? v.line() : 0));
		return new Plan(added, changed, unchanged, duplicates, warnings);
	}

	private static boolean unchangedBy(QuestionDocument question, QuestionDraft draft) {
		return question.content().equals(draft.content()) && question.difficulty() == draft.difficulty()
				&& question.tags().equals(draft.tags())
				&& (draft.status() == null || draft.status() == question.status());
	}

	private static QuestionDraft withStatus(QuestionDraft draft, ReviewStatus fallback) {
		ReviewStatus status = (draft.status() != null) ? draft.status() : fallback;
		return new QuestionDraft(draft.line(), draft.code(), draft.content(), draft.difficulty(), draft.tags(), status);
	}

	private Mono<ImportResult> write(BankDocument bank, String source, String format, Plan plan, String actor) {
		ImportResult result = new ImportResult(format, plan.added().size(), plan.changed().size(), plan.unchanged(),
				plan.duplicates(), plan.warnings());
		if (plan.added().isEmpty() && plan.changed().isEmpty()) {
			return Mono.just(result);
		}
		String importId = QuestionStore.newId();
		ImportDocument started = new ImportDocument(importId, bank.id(), ImportState.WRITING.name(), source, format,
				result.imported(), result.updated(), result.skippedDuplicates(), this.clock.instant(), actor, null);
		return this.journal.begin(started)
			.then(this.bankStore.reserveNumbers(bank.id(), plan.added().size()))
			.flatMap((first) -> insertInvisible(bank.id(), importId, first, plan, actor))
			.then(this.journal.saveChanges(changes(importId, plan)))
			.then(this.journal.commit(importId))
			.doOnNext((committed) -> logger.debug("Import {} committed", importId))
			.switchIfEmpty(Mono.error(new Conflict(FieldViolation.of("file", "import.abandoned"))))
			.onErrorResume((ex) -> rollBack(importId).then(Mono.error(translate(ex))))
			.flatMap((committed) -> rollForward(committed))
			.then(this.bankStore.addToTaxonomy(bank.id(), tagsOf(plan)))
			.thenReturn(result);
	}

	private Mono<Void> insertInvisible(String bankId, String importId, long firstNumber, Plan plan, String actor) {
		Instant now = this.clock.instant();
		Set<String> codes = new HashSet<>();
		plan.added().forEach((draft) -> codes.add(draft.code()));
		List<QuestionDocument> documents = new ArrayList<>();
		long number = firstNumber;
		for (QuestionDraft draft : plan.added()) {
			String code = (draft.code() != null) ? draft.code() : generatedCode(number, codes);
			documents.add(new QuestionDocument(QuestionStore.newId(), bankId, code, number, draft.content(),
					draft.difficulty(), draft.tags(), draft.status(), 1, false, 0,
					TextFolding.fingerprint(draft.content()), Questions.searchText(code, draft.content()), importId,
					now, actor, now, actor));
			number++;
		}
		return Flux.fromIterable(documents).buffer(BATCH).concatMap(this.questions::insertAll, 1).then();
	}

	private static String generatedCode(long number, Set<String> taken) {
		String code = "Q" + number;
		int suffix = 1;
		while (!taken.add(code)) {
			code = "Q" + number + "-" + suffix++;
		}
		return code;
	}

	private List<ImportChangeDocument> changes(String importId, Plan plan) {
		List<ImportChangeDocument> changes = new ArrayList<>();
		for (Change change : plan.changed()) {
			QuestionDraft draft = change.draft();
			QuestionDocument question = change.question();
			ReviewStatus status = (draft.status() != null) ? draft.status() : question.status();
			changes.add(new ImportChangeDocument(importId + ":" + question.id(), importId, question.id(),
					question.revision(), draft.content(), draft.difficulty(), draft.tags(), status,
					TextFolding.fingerprint(draft.content()), Questions.searchText(question.code(), draft.content())));
		}
		return changes;
	}

	private static Set<String> tagsOf(Plan plan) {
		Set<String> tags = new LinkedHashSet<>();
		plan.added().forEach((draft) -> tags.addAll(draft.tags()));
		plan.changed().forEach((change) -> tags.addAll(change.draft().tags()));
		return tags;
	}

	private static Throwable translate(Throwable ex) {
		if (ex instanceof DuplicateKeyException) {
			return new Conflict(FieldViolation.of("file", "import.bankChanged"));
		}
		return ex;
	}

	private Mono<Void> rollBack(String importId) {
		return this.journal.abandon(importId, this.clock.instant())
			.then(this.questions.discardImport(importId))
			.then(this.journal.removeChanges(importId))
			.onErrorResume((ex) -> {
				logger.warn("Could not roll back import {}; the sweeper will retry", importId, ex);
				return Mono.empty();
			});
	}

	/**
	 * Finish a committed import: make its questions visible and apply its changes. Safe
	 * to repeat.
	 */
	private Mono<Void> rollForward(ImportDocument committed) {
		return this.questions.publishImport(committed.id())
			.thenMany(this.journal.changes(committed.id()))
			.concatMap(this::applyChange)
			.then(this.journal.finish(committed.id(), this.clock.instant()))
			.doOnNext((finished) -> logger.debug("Import {} published", finished.id()))
			.then(this.journal.removeChanges(committed.id()));
	}

	private Mono<Void> applyChange(ImportChangeDocument change) {
		return this.questions.findById(change.questionId())
			.filter((question) -> question.revision() == change.expectedRevision())
			.flatMap((question) -> {
				Update update = new Update().set("content", change.content())
					.set("fingerprint", change.fingerprint())
					.set("searchText", change.searchText())
					.set("difficulty", change.difficulty())
					.set("tags", change.tags())
					.set("status", change.status())
					.set("updatedAt", this.clock.instant())
					.set("updatedBy", "import");
				if (question.content().equals(change.content())) {
					return this.questions.editMetadata(question.id(), change.expectedRevision(), update);
				}
				return this.questions.freeze(question.id(), this.clock.instant())
					.then(this.questions.newVersion(question.id(), change.expectedRevision(), update));
			})
			.onErrorResume(DuplicateKeyException.class, (ex) -> {
				logger.warn("Import change to question {} collides with another question; skipped",
						change.questionId());
				return Mono.empty();
			})
			.then();
	}

	// Recovery

	@Override
	public int getOrder() {
		return SCHEMA + 10;
	}

	/**
	 * At start-up: finish imports that committed before a crash, roll back those that did
	 * not.
	 */
	@Override
	public Mono<Void> run() {
		return recover(this.clock.instant().minus(ABANDONED_AFTER));
	}

	@Bean
	Sweep questionImportSweep() {
		return Sweep.of("question-imports", Duration.ofMinutes(1),
				() -> recover(this.clock.instant().minus(ABANDONED_AFTER)));
	}

	Mono<Void> recover(Instant abandonedBefore) {
		return this.journal.unfinished(ImportState.COMMITTING, this.clock.instant().plusSeconds(1))
			.concatMap(this::rollForward)
			.thenMany(this.journal.unfinished(ImportState.WRITING, abandonedBefore))
			.concatMap((stale) -> rollBack(stale.id()))
			.then();
	}

	// Export

	/**
	 * Export a bank; reading the file back into an empty bank gives the same questions.
	 * @param bankId the bank
	 * @param formatId {@code xlsx}, {@code gift}, {@code moodle-xml} or {@code yaml}
	 * @param user someone who may read the bank
	 * @return the file
	 */
	public Mono<ExportFile> export(String bankId, String formatId, CurrentUser user) {
		QuestionFormat format = this.formats.stream()
			.filter((candidate) -> candidate.id().equals(formatId))
			.findFirst()
			.orElseThrow(() -> new InvalidInput(List
				.of(FieldViolation.of("format", "import.format.unknown", String.valueOf(formatId), formatIds()))));
		return this.banks.readableBank(bankId, user)
			.flatMap((bank) -> this.questions.allInBank(bankId)
				.map(QuestionImports::draftOf)
				.collectList()
				.map((drafts) -> new ExportedBank(bank.name(), bank.description(), bank.taxonomy(), drafts))
				.map((exported) -> new ExportFile(bank.name() + "." + format.extension(), format.mediaType(),
						format.write(exported))))
			.switchIfEmpty(Mono.error(() -> new BankNotFound(bankId)));
	}

	static QuestionDraft draftOf(QuestionDocument question) {
		return new QuestionDraft(0, question.code(), question.content(), question.difficulty(), question.tags(),
				question.status());
	}

}
