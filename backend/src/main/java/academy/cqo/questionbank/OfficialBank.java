package academy.cqo.questionbank;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import academy.cqo.questionbank.persistence.BankDocument;
import academy.cqo.questionbank.persistence.BankStore;
import academy.cqo.questionbank.persistence.QuestionStore;
import academy.cqo.questionformats.ReviewStatus;
import academy.cqo.shared.Conflict;
import academy.cqo.shared.InvalidInput;
import academy.cqo.shared.StartupTask;

/**
 * Loads the official CQO question bank ({@code question-bank/topics/*.yaml}, packaged on
 * the classpath) at every start: the bank is created when missing, new questions are
 * added as reviewed, a question whose file changed gets a new version, and an unchanged
 * bank is left alone, so restarts never duplicate anything. Files unchanged since their
 * last complete load (same fingerprint, recorded after it) are not read again.
 */
@Component
class OfficialBank implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(OfficialBank.class);

	static final String NAME = "首席质量官官方题库";

	static final String DESCRIPTION = "平台随附的官方题库，按培训大纲分主题编写，每题附解析和出处（question-bank/topics）。";

	private static final String LOCATION = "classpath*:question-bank/topics/*.yaml";

	private final BankStore banks;

	private final QuestionImports imports;

	private final Clock clock;

	private final QuestionStore questions;

	/** The codes of every question the files hold, gathered while loading. */
	private final Set<String> codes = ConcurrentHashMap.newKeySet();

	OfficialBank(BankStore banks, QuestionImports imports, Clock clock, QuestionStore questions) {
		this.questions = questions;
		this.banks = banks;
		this.imports = imports;
		this.clock = clock;
	}

	@Override
	public int getOrder() {
		return CONTENT;
	}

	@Override
	public Mono<Void> run() {
		return Mono.fromCallable(OfficialBank::topicFiles)
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((files) -> bank().flatMap((bank) -> {
				String fingerprint = fingerprint(files);
				return this.banks.loadedSource(bank.id(), fingerprint)
					.flatMap((codes) -> unchanged(bank, fingerprint, codes))
					.switchIfEmpty(
							Mono.defer(
									() -> load(bank, files)
										.then(Mono.defer(() -> this.banks.markSourceLoaded(bank.id(), fingerprint,
												this.codes, this.clock.instant())))
										.thenReturn(Outcome.LOADED)));
			}))
			.doOnNext((outcome) -> this.lastRun = outcome)
			.then();
	}

	/**
	 * The files are as last loaded: nothing to import; only questions added to the bank
	 * since, which the files do not hold, are retired as a load would.
	 */
	private Mono<Outcome> unchanged(BankDocument bank, String fingerprint, Set<String> codes) {
		logger.info("Official question bank: files unchanged since they were last loaded ({})",
				fingerprint.substring(0, 12));
		this.codes.clear();
		this.codes.addAll(codes);
		return retireMissing(bank).then(Mono.just(Outcome.UNCHANGED_FILES));
	}

	/** What the last run did. */
	enum Outcome {

		NOT_RUN, LOADED, UNCHANGED_FILES

	}

	private volatile Outcome lastRun = Outcome.NOT_RUN;

	Outcome lastRun() {
		return this.lastRun;
	}

	private Mono<Void> load(BankDocument bank, List<TopicFile> files) {
		this.codes.clear();
		return Flux.fromIterable(files)
			.concatMap((file) -> load(bank, file))
			.concatWith(Mono.defer(() -> retireMissing(bank)))
			.reduce(new int[3], (totals, result) -> {
				totals[0] += result.imported();
				totals[1] += result.updated();
				totals[2] += result.unchanged();
				return totals;
			})
			.doOnNext((totals) -> logger.info(
					"Official question bank: {} questions added, {} changed (new versions), {} unchanged", totals[0],
					totals[1], totals[2]))
			.then();
	}

	/**
	 * What the files hold, as one SHA-256 over their names and bytes and the loader's
	 * version: equal to the last loaded one, the load would change nothing (it took most
	 * of a start on an existing store).
	 */
	static String fingerprint(List<TopicFile> files) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(LOADER_VERSION.getBytes(StandardCharsets.UTF_8));
			for (TopicFile file : files) {
				digest.update((file.name() + "\n" + file.content().length + "\n").getBytes(StandardCharsets.UTF_8));
				digest.update(file.content());
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Change when loading the same files would store something different. */
	static final String LOADER_VERSION = "official-bank-loader-1";

	private Mono<BankDocument> bank() {
		return this.banks.findOfficial()
			.switchIfEmpty(Mono.defer(() -> this.banks
				.insert(new BankDocument(QuestionStore.newId(), NAME, DESCRIPTION, null, "CQO Academy", null, List.of(),
						true, List.of(), 1, this.clock.instant()))
				.onErrorResume(Conflict.class, (ex) -> this.banks.findOfficial())));
	}

	/**
	 * Questions the files no longer hold (dropped or merged by a review, their ids listed
	 * in {@code question-bank/retired-ids.txt}) are retired: never drawn again, kept for
	 * past attempts.
	 */
	private Mono<ImportResult> retireMissing(BankDocument bank) {
		if (this.codes.isEmpty()) {
			return Mono.empty();
		}
		return this.questions.retireAllBut(bank.id(), Set.copyOf(this.codes)).doOnNext((retired) -> {
			if (retired > 0) {
				logger.info("Official question bank: {} questions no longer in the files were retired", retired);
			}
		}).then(Mono.empty());
	}

	private Mono<ImportResult> load(BankDocument bank, TopicFile file) {
		QuestionImports.Parsed parsed;
		try {
			parsed = this.imports.parse(file.name(), file.content(), "yaml");
		}
		catch (InvalidInput ex) {
			return Mono.error(new IllegalStateException(
					"The official question bank file " + file.name() + " is invalid: " + ex.violations()));
		}
		parsed.drafts().forEach((draft) -> this.codes.add(draft.code()));
		return this.imports.importParsed(bank, file.name(), parsed, ReviewStatus.REVIEWED, "official-bank");
	}

	record TopicFile(String name, byte[] content) {
	}

	private static List<TopicFile> topicFiles() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
		return Arrays.stream(resources)
			.sorted(Comparator.comparing(Resource::getFilename))
			.map(OfficialBank::read)
			.toList();
	}

	private static TopicFile read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return new TopicFile(resource.getFilename(), in.readAllBytes());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + resource, ex);
		}
	}

}
