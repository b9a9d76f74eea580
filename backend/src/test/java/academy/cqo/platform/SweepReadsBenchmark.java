package academy.cqo.platform;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.filing.FilingState;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.testsupport.EmbeddedTemplate;
import academy.cqo.testsupport.LogCapture;
import academy.cqo.testsupport.StoreScans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one run of the sweeps {@code certificate-issues} and {@code filing-approvals}
 * reads to find their work, on the embedded store alone: {@code -Ditems=N} (default
 * 20,000) finished certificates and as many completed filings, plus five interrupted of
 * each written through the stores; then the stores' {@code unfinished()} and
 * {@code unfinishedApprovals()} (all a run reads besides the handful it finishes): the
 * documents each run reads, counted by the store (its slow-command log at threshold 0),
 * then {@code -Druns=N} (default 20) runs timed with that log off, and the first run
 * after the store is reopened (nothing in its page cache). The stores are built by
 * reflection, so the same file runs on code from before the markers. Run with
 * {@code ./mvnw -B -o -pl
 * backend -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=SweepReadsBenchmark}.
 */
class SweepReadsBenchmark {

	private static final int UNFINISHED = 5;

	private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	static {
		// measured as the application runs: without H2's assertions (see
		// StoreWriteBenchmark)
		ClassLoader.getSystemClassLoader().setPackageAssertionStatus("org.h2", false);
		SweepReadsBenchmark.class.getClassLoader().setPackageAssertionStatus("org.h2", false);
	}

	@TempDir
	Path dataDir;

	@RegisterExtension
	final LogCapture logged = new LogCapture(StoreScans.LOGGER);

	@Test
	void oneRunOfEachSweepsRead() {
		int items = Integer.getInteger("items", 20_000);
		int runs = Integer.getInteger("runs", 20);
		try (EmbeddedTemplate embedded = EmbeddedTemplate.start(this.dataDir, Duration.ZERO)) {
			ReactiveMongoTemplate mongo = embedded.mongo();
			CertificateStore certificates = construct(CertificateStore.class, mongo);
			FilingStore filings = construct(FilingStore.class, mongo);
			insert(mongo, items);
			for (int i = 0; i < UNFINISHED; i++) {
				certificates.insertOnce(certificate("attempt:interrupted-" + i, CertificateStage.PENDING, false))
					.block(TIMEOUT);
				FilingDocument filing = filing(FilingStore.newId(), FilingState.SUBMITTED, null);
				filings.insert(filing)
					.then(filings.transition(filing.id(), FilingState.Transition.APPROVE,
							new FilingDocument.HistoryEntry(NOW, "admin-dh", "APPROVED", List.of(), null),
							new Update().set("decidedAt", NOW)))
					.block(TIMEOUT);
			}
			System.out.printf(Locale.ROOT,
					"%d finished certificates and %d completed filings, %d interrupted of each%n", items, items,
					UNFINISHED);
			counted("certificate-issues, first run", certificates::unfinished, CertificateDocument.COLLECTION);
			counted("filing-approvals, first run", filings::unfinishedApprovals, FilingDocument.COLLECTION);
			counted("certificate-issues", certificates::unfinished, CertificateDocument.COLLECTION);
			counted("filing-approvals", filings::unfinishedApprovals, FilingDocument.COLLECTION);
			timed("certificate-issues", certificates::unfinished, runs);
			timed("filing-approvals", filings::unfinishedApprovals, runs);
		}
		// a restart: nothing of either collection in the page cache
		try (EmbeddedTemplate embedded = EmbeddedTemplate.start(this.dataDir, Duration.ZERO)) {
			ReactiveMongoTemplate mongo = embedded.mongo();
			timed("certificate-issues, first run after reopening the store",
					construct(CertificateStore.class, mongo)::unfinished, 1);
			timed("filing-approvals, first run after reopening the store",
					construct(FilingStore.class, mongo)::unfinishedApprovals, 1);
		}
	}

	/** One run with every command's documents counted (the slow-command log on). */
	private void counted(String sweep, Supplier<Flux<?>> read, String collection) {
		this.logged.events().clear();
		long started = System.nanoTime();
		List<?> found = read.get().collectList().block(TIMEOUT);
		long micros = (System.nanoTime() - started) / 1_000;
		assertThat(found).hasSize(UNFINISHED);
		System.out.printf(Locale.ROOT,
				"%s: %d unfinished, %.1f ms (counting), %d documents of %s read in %d commands%n", sweep, found.size(),
				micros / 1000.0, StoreScans.total(this.logged, collection), collection,
				StoreScans.perCommand(this.logged, collection).size());
	}

	/** Runs timed with the slow-command log off (it costs per command). */
	private void timed(String sweep, Supplier<Flux<?>> read, int runs) {
		Logger log = (Logger) LoggerFactory.getLogger(StoreScans.LOGGER);
		Level level = log.getLevel();
		log.setLevel(Level.ERROR);
		try {
			List<Long> micros = new ArrayList<>();
			for (int run = 0; run < runs; run++) {
				long started = System.nanoTime();
				List<?> found = read.get().collectList().block(TIMEOUT);
				micros.add((System.nanoTime() - started) / 1_000);
				assertThat(found).hasSize(UNFINISHED);
			}
			micros.sort(null);
			System.out.printf(Locale.ROOT, "%s: %d runs, median %.1f ms, min %.1f ms, max %.1f ms%n", sweep, runs,
					micros.get(micros.size() / 2) / 1000.0, micros.get(0) / 1000.0,
					micros.get(micros.size() - 1) / 1000.0);
		}
		finally {
			log.setLevel(level);
		}
	}

	private static void insert(ReactiveMongoTemplate mongo, int items) {
		List<CertificateDocument> certificates = new ArrayList<>();
		List<FilingDocument> filings = new ArrayList<>();
		for (int i = 0; i < items; i++) {
			certificates
				.add(certificate(String.format("attempt:s%05d:a%05d:1", i / 100, i), CertificateStage.ISSUED, true));
			filings.add(filing(FilingStore.newId(), FilingState.APPROVED, NOW));
		}
		Flux.fromIterable(certificates).buffer(1_000).concatMap(mongo::insertAll).blockLast(TIMEOUT);
		Flux.fromIterable(filings).buffer(1_000).concatMap(mongo::insertAll).blockLast(TIMEOUT);
	}

	/** A store as the application builds it, whatever its constructor takes. */
	private static <T> T construct(Class<T> type, ReactiveMongoTemplate mongo) {
		try {
			Constructor<?> constructor = type.getDeclaredConstructors()[0];
			constructor.setAccessible(true);
			Object[] arguments = Arrays.stream(constructor.getParameterTypes())
				.map((parameter) -> (parameter == ReactiveMongoTemplate.class) ? mongo
						: (parameter == Clock.class) ? Clock.systemUTC() : null)
				.toArray();
			return type.cast(constructor.newInstance(arguments));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static CertificateDocument certificate(String id, CertificateStage stage, boolean announced) {
		boolean issued = stage == CertificateStage.ISSUED;
		return new CertificateDocument(id, stage.name(), null, null, issued ? "JX-2026-000001" : null, null, "account",
				"测试", "3601**********1238", "某某质量有限公司", "360102", "exam", "首席质量官资格考试", "session", id, 90.0, 100.0,
				issued ? "2026-11-21" : null, issued ? "2029-11-20" : null, "发证机关", null, issued ? "ACTIVE" : null,
				List.of(), null, null, announced, 0L, NOW, issued ? NOW : null);
	}

	private static FilingDocument filing(String id, FilingState state, Instant completedAt) {
		return new FilingDocument(id, "APPOINTMENT", state.name(), "91360100MA35F7Q46X", "360102", null, null, null,
				null, null, List.of(), null, null, null, true, null, null, null, null, null, null, null, null, null,
				null, List.of(), "enterprise", NOW, NOW, NOW, completedAt, null, 0);
	}

}
