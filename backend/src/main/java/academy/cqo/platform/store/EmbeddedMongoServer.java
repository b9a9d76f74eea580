package academy.cqo.platform.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB-wire-compatible server running inside the application, storing its data in
 * one H2 MVStore file. It exists so that the platform runs with one command and keeps its
 * data; production uses a MongoDB replica set.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedMongoServer.class);

	private final Path file;

	/** The store and its backend, once the file is open ({@link #startOpening}). */
	private final CompletableFuture<Opened> opening = new CompletableFuture<>();

	private final MongoServer server;

	private final InetSocketAddress address;

	private final Object backupLock = new Object();

	/**
	 * The server's Netty worker threads: mongo-java-server's default, two per core (four
	 * here). Each client connection is served by one of them, and a command runs on it to
	 * the end, so every other connection of that thread waits while one command waits for
	 * its collection or scans it. Sixteen threads were tried against a sweep's scans
	 * holding up dashboard reads: on exam day (500 candidates, quiet machine) they cost
	 * 8.5 ms of CPU per save against 6.0 and a save p99 of 772 ms against 225
	 * (docs/BENCHMARKS.md). The long scans were removed instead (the deadline sweep reads
	 * recent sessions' attempts by id, the reconciliations read in {@code _id} pages).
	 */
	static final int SERVER_THREADS = 4;

	/**
	 * Above this many write commands a second compaction gives way (an idle platform
	 * writes a lease every few seconds; an exam of 300 candidates about 170 answers a
	 * second).
	 */
	static final long BUSY_WRITES_PER_SECOND = 10;

	private long writesSampled;

	private long writesSampledAt = System.nanoTime();

	private boolean writersBusy;

	/** H2's own default page cache, in MB. */
	static final int DEFAULT_CACHE_MB = 16;

	/**
	 * How often the caches are brought back within their size ({@link PageCacheBound}).
	 */
	static final Duration CACHE_BOUND_INTERVAL = Duration.ofMillis(500);

	/** Brings H2's caches back within their size, once the store is open. */
	private final ScheduledExecutorService cacheBound = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("store-cache-bound").factory());

	private final AtomicLong pagesDroppedOverSize = new AtomicLong();

	/**
	 * How often the store commits what its journal holds ({@link StoreJournal}): every
	 * write is in the journal before its reply, and a commit writes one chunk for all the
	 * writes since the last one (H2's own background commit runs about as often).
	 */
	static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

	/** Commits the store every {@link #CHECKPOINT_INTERVAL}, once it is open. */
	private final ScheduledExecutorService checkpoints = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("store-checkpoint").factory());

	private EmbeddedMongoServer(Path file, int cacheMegabytes, Duration slowCommandThreshold, Executor opener) {
		this.file = file;
		opener.execute(() -> open(cacheMegabytes, slowCommandThreshold));
		this.server = new MongoServer(new OpeningBackend(this.opening.thenApply(Opened::backend)));
		try {
			this.server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1, SERVER_THREADS);
		}
		catch (RuntimeException ex) {
			this.server.shutdownNow();
			this.cacheBound.shutdownNow();
			stopCheckpoints();
			closeStore();
			throw ex;
		}
		this.address = this.server.getLocalAddress();
	}

	/** Open the file and make the backend on it (on the thread {@code store-open}). */
	private void open(int cacheMegabytes, Duration slowCommandThreshold) {
		long started = System.nanoTime();
		Opened opened;
		try {
			MVStore store = open(this.file, cacheMegabytes);
			try {
				StoreJournal journal = new StoreJournal(this.file);
				if (journal.replay(store) > 0) {
					store.commit();
				}
				journal.start();
				opened = new Opened(store, DurableH2Backend.open(store, journal, slowCommandThreshold));
			}
			catch (RuntimeException | Error ex) {
				store.closeImmediately();
				throw ex;
			}
		}
		catch (RuntimeException | Error ex) {
			this.opening.completeExceptionally(ex);
			return;
		}
		logger.info("Embedded store opened in {} ms ({} chunks)", (System.nanoTime() - started) / 1_000_000,
				opened.backend().chunkCount());
		this.opening.complete(opened);
		try {
			this.cacheBound.scheduleWithFixedDelay(() -> trimCaches(opened), CACHE_BOUND_INTERVAL.toMillis(),
					CACHE_BOUND_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
			this.checkpoints.scheduleWithFixedDelay(() -> checkpoint(opened), CHECKPOINT_INTERVAL.toMillis(),
					CHECKPOINT_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			// closed while it opened: the store is closed next, with no commit pending
		}
	}

	private void checkpoint(Opened opened) {
		if (opened.store().isClosed()) {
			return;
		}
		try {
			opened.backend().checkpoint();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not commit the embedded store (its journal keeps the writes)", ex);
		}
	}

	/**
	 * Commit what the journal holds now ({@link DurableH2Backend#checkpoint()}), as the
	 * store does every {@link #CHECKPOINT_INTERVAL}.
	 * @return whether there was anything to commit
	 */
	boolean checkpoint() {
		return backend().checkpoint();
	}

	private void trimCaches(Opened opened) {
		if (opened.store().isClosed()) {
			return;
		}
		for (PageCacheBound bound : opened.cacheBounds()) {
			try {
				this.pagesDroppedOverSize.addAndGet(bound.trim());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not bring the store's {} back within its size", bound, ex);
			}
		}
	}

	/**
	 * How many cached pages were dropped to hold the caches to their size.
	 * @return the count since the store was opened
	 */
	long pagesDroppedOverSize() {
		return this.pagesDroppedOverSize.get();
	}

	private static MVStore open(Path file, int cacheMegabytes) {
		try {
			return new MVStore.Builder().fileName(file.toString())
				.compress()
				.autoCommitDisabled()
				.cacheSize(cacheMegabytes)
				.open();
		}
		catch (MVStoreException ex) {
			if (ex.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
				throw new IllegalStateException("The data directory " + file.getParent().getParent()
						+ " is in use by another running CQO Academy process: stop it, or give this one its own"
						+ " CQO_DATA_DIR", ex);
			}
			throw ex;
		}
	}

	/**
	 * Open (or create) the store in {@code file} and listen on a free loopback port.
	 * @param file the MVStore file
	 * @return the running server
	 */
	public static EmbeddedMongoServer start(Path file) {
		return start(file, DEFAULT_CACHE_MB);
	}

	/**
	 * Open (or create) the store in {@code file} with a page cache of the given size and
	 * listen on a free loopback port.
	 * @param file the MVStore file
	 * @param cacheMegabytes the page cache, in MB of decoded documents on the heap
	 * ({@link DocumentDataType}, {@link IndexKeyType})
	 * @return the running server
	 */
	public static EmbeddedMongoServer start(Path file, int cacheMegabytes) {
		return start(file, cacheMegabytes, SlowCommands.DEFAULT_THRESHOLD);
	}

	/**
	 * Open (or create) the store in {@code file} with a page cache of the given size and
	 * listen on a free loopback port; commands slower than the threshold are logged
	 * ({@link SlowCommands}).
	 * @param file the MVStore file
	 * @param cacheMegabytes the page cache, in MB
	 * @param slowCommandThreshold commands taking longer are logged at WARN
	 * @return the running server
	 */
	public static EmbeddedMongoServer start(Path file, int cacheMegabytes, Duration slowCommandThreshold) {
		EmbeddedMongoServer server = startOpening(file, cacheMegabytes, slowCommandThreshold);
		try {
			server.awaitOpen();
		}
		catch (RuntimeException | Error ex) {
			server.close();
			throw ex;
		}
		return server;
	}

	/**
	 * Listen on a free loopback port at once and open (or create) the store in
	 * {@code file} on a thread of its own, so that the application builds its other
	 * components meanwhile: opening reads every chunk's header, which after a crash in a
	 * busy exam took up to a second ({@code docs/BENCHMARKS.md}, ninth session). Commands
	 * that arrive earlier wait for it; {@link #awaitOpen()} waits for it too and reports
	 * a failure to open.
	 * @param file the MVStore file
	 * @param cacheMegabytes the page cache, in MB
	 * @param slowCommandThreshold commands taking longer are logged at WARN
	 * @return the server, listening
	 */
	public static EmbeddedMongoServer startOpening(Path file, int cacheMegabytes, Duration slowCommandThreshold) {
		return startOpening(file, cacheMegabytes, slowCommandThreshold,
				(open) -> Thread.ofPlatform().daemon().name("store-open").start(open));
	}

	/**
	 * As {@link #startOpening(Path, int, Duration)}, with the opening run by the given
	 * executor (for tests: when to open).
	 * @param file the MVStore file
	 * @param cacheMegabytes the page cache, in MB
	 * @param slowCommandThreshold commands taking longer are logged at WARN
	 * @param opener runs the opening once
	 * @return the server, listening
	 */
	static EmbeddedMongoServer startOpening(Path file, int cacheMegabytes, Duration slowCommandThreshold,
			Executor opener) {
		EmbeddedMongoServer server = new EmbeddedMongoServer(file, cacheMegabytes, slowCommandThreshold, opener);
		logger.info("Document store: embedded MongoDB-compatible server (H2 file {}) on {}", file,
				server.connectionString());
		return server;
	}

	/**
	 * Wait until the store is open.
	 * @throws IllegalStateException if the data directory is in use by another process
	 * @throws RuntimeException whatever else opening the file threw
	 */
	public void awaitOpen() {
		opened();
	}

	/**
	 * Whether the store is open (opening has finished and did not fail).
	 * @return {@code true} once commands no longer wait
	 */
	boolean isOpen() {
		return this.opening.isDone() && !this.opening.isCompletedExceptionally();
	}

	private Opened opened() {
		try {
			return this.opening.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error cause) {
				throw cause;
			}
			throw ex;
		}
	}

	private MVStore store() {
		return opened().store();
	}

	public String connectionString() {
		return "mongodb://" + this.address.getHostString() + ":" + this.address.getPort();
	}

	/**
	 * Whether changes are held in memory only, neither committed nor in the journal's
	 * file (never once a write command has replied and no other write runs).
	 * @return {@code true} when a crash now could lose a change
	 */
	boolean hasUnjournaledChanges() {
		return backend().journal().pendingBytes() > 0;
	}

	/**
	 * How much of the page cache holds decoded pages.
	 * @return megabytes, as H2 reckons them
	 */
	int cacheUsedMegabytes() {
		return store().getCacheSizeUsed();
	}

	/**
	 * The bound of the page cache.
	 * @return the bound, {@code null} without a page cache
	 */
	PageCacheBound pageCache() {
		return opened().cacheBounds().isEmpty() ? null : opened().cacheBounds().get(0);
	}

	/**
	 * How many times a page was read from the file (a page not in the cache).
	 * @return the count since the store was opened
	 */
	long pageReadsFromFile() {
		return store().getFileStore().getReadCount();
	}

	/** The server's backend, once the store is open (and for tests of its locking). */
	DurableH2Backend backend() {
		return opened().backend();
	}

	/**
	 * Close every client connection (for fault-injection tests): requests in flight get
	 * no reply and the driver's pool is cleared.
	 * @return how many connections were closed
	 */
	public int dropConnections() {
		return backend().dropConnections();
	}

	/**
	 * Copy the store file into a zip entry while the server keeps serving: space reuse is
	 * off during the copy, so the chunks of every commit the copied header names stay
	 * intact (the store's own online backup works the same way).
	 * @param zip the zip being written
	 * @param entry the entry name
	 * @throws IOException if the file cannot be read or the zip written
	 */
	void backupStore(ZipOutputStream zip, String entry) throws IOException {
		synchronized (this.backupLock) {
			// the file holds what was committed: commit what the journal holds first
			checkpoint();
			boolean reuse = store().isSpaceReused();
			store().setReuseSpace(false);
			try {
				zip.putNextEntry(new ZipEntry(entry));
				Files.copy(this.file, zip);
				zip.closeEntry();
			}
			finally {
				store().setReuseSpace(reuse);
			}
		}
	}

	/**
	 * The chunks in the store file (one per commit until compaction merges them).
	 * @return how many
	 */
	int chunkCount() {
		return backend().chunkCount();
	}

	/**
	 * Compact the store if it holds more than {@code chunkThreshold} chunks: move the
	 * live pages of its emptiest and oldest chunks into new ones, {@code stepBytes} at a
	 * time, each step committed on its own, until no chunk older than H2's retention time
	 * is left to move or {@code budget} has passed. The emptied chunks are dropped by a
	 * commit after the retention time, so the next start reads fewer chunk headers.
	 * @param chunkThreshold compact only above this many chunks
	 * @param stepBytes about how many bytes of live pages one step moves
	 * @param budget at most this long (a step started is finished)
	 * @return what was done
	 */
	public Compaction compact(int chunkThreshold, int stepBytes, Duration budget) {
		return compact(chunkThreshold, stepBytes, budget, BUSY_WRITES_PER_SECOND);
	}

	/**
	 * Compact as {@link #compact(int, int, Duration)}, giving way to writers: nothing is
	 * done, or the compaction stops, while the store took more than
	 * {@code busyWritesPerSecond} write commands a second (over the last second, or since
	 * the previous check): a writer's commit waits for a step (p99 0.4 s), which an
	 * exam's saves should not.
	 * @param chunkThreshold compact only above this many chunks
	 * @param stepBytes about how many bytes of live pages one step moves
	 * @param budget at most this long
	 * @param busyWritesPerSecond above this rate of write commands the compaction waits
	 * for the next run
	 * @return what was done
	 */
	synchronized Compaction compact(int chunkThreshold, int stepBytes, Duration budget, long busyWritesPerSecond) {
		int before = chunkCount();
		if (before <= chunkThreshold || busy(busyWritesPerSecond)) {
			return new Compaction(before, 0, Duration.ZERO, Duration.ZERO);
		}
		long started = System.nanoTime();
		long deadline = started + budget.toNanos();
		long longest = 0;
		int steps = 0;
		boolean moved = true;
		// one pass: moving as many bytes as the file holds has moved every live page once
		// (the chunks written by this pass are moved again only after the retention time)
		long maximumSteps = Math.max(1, fileSize() / stepBytes);
		while (moved && steps < maximumSteps && System.nanoTime() < deadline && !busy(busyWritesPerSecond)) {
			long stepStarted = System.nanoTime();
			moved = compactStep(stepBytes);
			long step = System.nanoTime() - stepStarted;
			longest = Math.max(longest, step);
			steps += moved ? 1 : 0;
			// writers have the store to themselves at least half of the time
			LockSupport.parkNanos(step);
		}
		Compaction compaction = new Compaction(before, steps, Duration.ofNanos(System.nanoTime() - started),
				Duration.ofNanos(longest));
		logger.info("Embedded store compacted: {} chunks, {} steps of {} KB in {} ms (longest {} ms)", before, steps,
				stepBytes / 1024, compaction.took().toMillis(), compaction.longestStep().toMillis());
		return compaction;
	}

	private long fileSize() {
		try {
			return Files.size(this.file);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * Whether writers are busy: the rate of write commands since the last sample (taken
	 * at most once a second) is above the given one.
	 */
	private boolean busy(long busyWritesPerSecond) {
		long now = System.nanoTime();
		long elapsed = now - this.writesSampledAt;
		if (elapsed < TimeUnit.SECONDS.toNanos(1)) {
			return this.writersBusy;
		}
		long writes = backend().finishedWrites();
		this.writersBusy = (writes - this.writesSampled) * TimeUnit.SECONDS.toNanos(1) / elapsed > busyWritesPerSecond;
		this.writesSampled = writes;
		this.writesSampledAt = now;
		return this.writersBusy;
	}

	/**
	 * One compaction step ({@link DurableH2Backend#compactStep(int)}).
	 * @param stepBytes about how many bytes of live pages to move
	 * @return whether anything was moved
	 */
	boolean compactStep(int stepBytes) {
		return backend().compactStep(stepBytes);
	}

	/**
	 * What one compaction did.
	 *
	 * @param chunksBefore the chunks in the file when it began
	 * @param steps the steps that moved pages (each one commit)
	 * @param took how long it ran
	 * @param longestStep the longest step: how long a writer's commit waited at most
	 */
	public record Compaction(int chunksBefore, int steps, Duration took, Duration longestStep) {
	}

	/**
	 * How long an emptied chunk stays in the file before a commit may drop it (for tests:
	 * H2's default is 45 s).
	 * @param retention the retention time
	 */
	void retainEmptiedChunksFor(Duration retention) {
		store().setRetentionTime((int) retention.toMillis());
	}

	public Path file() {
		return this.file;
	}

	@Override
	public void close() {
		stopCheckpoints();
		this.server.shutdownNow();
		this.cacheBound.shutdownNow();
		closeStore();
		logger.info("Embedded document store closed ({})", this.file);
	}

	/**
	 * Let a running checkpoint finish (an interrupt would close the store's file channel
	 * under it) and run no more; {@link #checkpoint()} still commits (tests stop them to
	 * decide when the store commits).
	 */
	void stopCheckpoints() {
		this.checkpoints.shutdown();
		try {
			if (!this.checkpoints.awaitTermination(30, TimeUnit.SECONDS)) {
				logger.warn("A commit of the embedded store is still running after 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Close the store once it is open (nothing when opening failed; the server's shutdown
	 * has closed it already): H2 commits what is left, and the journal, now covered, is
	 * deleted ({@link DurableH2Backend#close()}).
	 */
	private void closeStore() {
		Opened opened = this.opening.exceptionally((ex) -> null).join();
		if (opened != null && !opened.store().isClosed()) {
			opened.backend().close();
		}
	}

	/**
	 * Stop as a killed process would (for tests): no commit, the journal's segments stay
	 * as written.
	 */
	void crash() {
		stopCheckpoints();
		Opened opened = this.opening.exceptionally((ex) -> null).join();
		if (opened != null && !opened.store().isClosed()) {
			opened.backend().refuseWrites();
			opened.backend().journal().abandon();
			opened.store().closeImmediately();
		}
		this.server.shutdownNow();
		this.cacheBound.shutdownNow();
	}

	/** The open store, the backend serving it and the bounds of its caches. */
	private record Opened(MVStore store, DurableH2Backend backend, List<PageCacheBound> cacheBounds) {

		Opened(MVStore store, DurableH2Backend backend) {
			this(store, backend,
					Stream.of(PageCacheBound.pages(store), PageCacheBound.chunkContents(store))
						.filter(Objects::nonNull)
						.toList());
		}

	}

}
