package academy.cqo.platform.store;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.EmptyIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 backend of the embedded store, with writes in its journal (or committed) before
 * they are acknowledged, and stored documents that never change once stored.
 * <p>
 * H2's MVStore commits in the background about once a second, so a process killed right
 * after a reply could lose the last second of acknowledged writes, and a background
 * commit could catch a command half applied. Here the background commit is off. A data
 * write (insert, update, delete, findAndModify on an existing collection) is acknowledged
 * once its changes are in the journal's file ({@link StoreJournal}); the store is
 * committed by {@link #checkpoint()} about once a second, with no command half applied,
 * and opening it replays the journal. Every other write command (creating a collection or
 * an index, dropping, renaming) commits the store before its reply; a writer whose change
 * was already included in a commit that started after it finished writing does not commit
 * again.
 * <p>
 * mongo-java-server 1.47 updates a document by changing the very instance the MVStore map
 * holds ({@code AbstractMongoCollection.updateDocument}), under the collection's lock;
 * but a query's reply holds the same instances and is encoded on a Netty thread after the
 * lock is released. An update racing the encoding of a reply threw
 * {@code ConcurrentModificationException} in {@code BsonEncoder.encodeDocument}, the
 * server closed the connection, and the driver paused its whole pool. Here a write works
 * on a deep copy of each document it matches and stores that copy as a new value, so an
 * instance once stored is never changed: replies (and the MVStore's own serialisation of
 * older page versions) may read it from any thread. Reads are not copied.
 * <p>
 * mongo-java-server uses an index only for a query whose fields are exactly the index's
 * fields, so a query on {@code _id} plus any other condition (a conditional update such
 * as {@code {_id, status: "IN_PROGRESS"}} or {@code {_id, seq: {$lt: n}}}) scanned the
 * whole collection. Here a query with an {@code _id} equality on a string or object id
 * reads that one document by the {@code _id} index and checks the rest of the query on it
 * (the same result: no other document can match).
 * <p>
 * A query whose {@code _id} condition is a regular expression (the attempts of some
 * sessions or candidates, read by their ids) went to the {@code _id} index, which
 * compiled the pattern anew for every key of the collection while holding the index's
 * lock, and the pattern was compiled once more for every document read. Here it is
 * compiled once per query and matched against the documents' keys.
 * <p>
 * mongo-java-server keeps no non-unique index: it registers a placeholder that holds
 * nothing, and since adding an index that holds nothing means building it, it read every
 * document of the collection twice for each non-unique index, at every opening of the
 * store (2,000 attempts with their five declared indexes: ten passes over the attempts
 * before the platform could be ready, and every document decoded onto the heap). Here the
 * placeholder says it is built, so opening the store and declaring an index read nothing.
 * <p>
 * mongo-java-server's {@code _id} index answers equality, {@code $in} and regular
 * expressions, not ranges: a page {@code {_id: {$gt: last}}} sorted by {@code _id} and
 * limited scanned and sorted the whole collection. Here such a page is read from the
 * documents' map, which H2 keeps ordered by {@code _id}, from the bound on
 * ({@code IdPagesTests}); background jobs read large collections that way
 * ({@code academy.cqo.platform.IdPages}). Every command slower than a threshold is logged
 * ({@link SlowCommands}).
 * <p>
 * The documents' maps store each document as BSON ({@link DocumentDataType}), not with
 * H2's default Java serialisation; pages written the old way are still read.
 */
class DurableH2Backend extends H2Backend {

	private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify", "create",
			"createindexes", "dropindexes", "drop", "dropdatabase", "renamecollection");

	/**
	 * Write commands on the one collection they name (every write command but
	 * {@code dropDatabase} and {@code renameCollection}, which the platform never sends).
	 */
	private static final Set<String> COLLECTION_WRITES = Set.of("insert", "update", "delete", "findandmodify", "create",
			"createindexes", "dropindexes", "drop");

	/**
	 * Write commands that change the documents of an existing collection and nothing
	 * else: acknowledged once the journal holds their changes. Every other write command
	 * (one that creates a collection, an index, drops or renames) commits the store
	 * before its reply, as before the journal.
	 */
	private static final Set<String> DATA_WRITES = Set.of("insert", "update", "delete", "findandmodify");

	static final String DATA_PREFIX = "databases.";

	private static final String META_PREFIX = "meta.";

	/**
	 * Between a collection's name and an index's in the index map's name (as H2Database).
	 */
	static final String INDEX_INFIX = "._index_";

	private final AtomicLong finishedWrites = new AtomicLong();

	/** A checkpoint that holds writers this long is logged. */
	private static final long SLOW_CHECKPOINT_MILLIS = 200;

	private static final Logger logger = LoggerFactory.getLogger(DurableH2Backend.class);

	private final Object commitLock = new Object();

	/**
	 * Held shared by a write command while it changes the maps (a document and its index
	 * entries are separate map writes), exclusively by a commit: a commit, and so a crash
	 * right after it, never finds a command half applied (a document stored without its
	 * unique-index entry, or the reverse, made every later compare-and-set of that key
	 * fail after a kill -9 under load). The store's own background commit is off for the
	 * same reason.
	 */
	private final ReentrantReadWriteLock applying = new ReentrantReadWriteLock();

	/**
	 * Set, under {@link #applying} held exclusively, when the store closes (or a test
	 * crashes it): every write after that is refused, so none can be answered that the
	 * closing store did not keep. Over the wire the server's shutdown stops new commands
	 * first; in process ({@link InProcessCommands}) nothing else would.
	 */
	private volatile boolean refusingWrites;

	private long committedWrites;

	/** Commits made so far (under the commit lock). */
	private long commits;

	private final Set<Channel> clients = ConcurrentHashMap.newKeySet();

	private final SlowCommands slowCommands;

	private final StoreJournal journal;

	/**
	 * The journal while the superclass's constructor opens the existing collections,
	 * before this class's fields are set.
	 */
	private static final ThreadLocal<StoreJournal> constructing = new ThreadLocal<>();

	private DurableH2Backend(MVStore store, StoreJournal journal, Duration slowCommandThreshold) {
		super(store);
		this.journal = journal;
		this.slowCommands = new SlowCommands(slowCommandThreshold);
	}

	/**
	 * The backend of a store whose journal has been replayed and started
	 * ({@link StoreJournal#start()}).
	 * @param store the store
	 * @param journal its journal, recording
	 * @param slowCommandThreshold commands taking longer are logged
	 * @return the backend
	 */
	static DurableH2Backend open(MVStore store, StoreJournal journal, Duration slowCommandThreshold) {
		constructing.set(journal);
		try {
			return new DurableH2Backend(store, journal, slowCommandThreshold);
		}
		finally {
			constructing.remove();
		}
	}

	/**
	 * Answer a command; one slower than the slow-command threshold is logged
	 * ({@link SlowCommands}: the collection, the filter's shape without its values, the
	 * documents scanned and returned, the time).
	 */
	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return handle(channel, database, command, query, true);
	}

	/**
	 * As {@link #handleCommand}, unless the command would have to wait for a commit
	 * (which holds every write for the few milliseconds it takes): then nothing is
	 * applied and {@code null} is returned, so that a caller that must not block (an HTTP
	 * event loop, {@link InProcessCommands}) can hand the command to a thread that may.
	 * @param channel the client's channel
	 * @param database the database
	 * @param command the command's name
	 * @param query the command
	 * @return the reply, or {@code null} when a commit is under way
	 */
	Document handleCommandUnlessCommitting(Channel channel, String database, String command, Document query) {
		try {
			return handle(channel, database, command, query, false);
		}
		catch (WouldWait ex) {
			return null;
		}
	}

	private Document handle(Channel channel, String database, String command, Document query, boolean wait) {
		this.clients.add(channel);
		long started = System.nanoTime();
		SlowCommands.startCommand();
		Document reply = null;
		try {
			reply = apply(channel, database, command, query, wait);
			return reply;
		}
		finally {
			this.slowCommands.finished(command, query, reply, System.nanoTime() - started);
		}
	}

	/**
	 * Thrown before anything is applied, by a command that must not wait for a commit.
	 */
	private static final class WouldWait extends RuntimeException {

		private static final long serialVersionUID = 1L;

		WouldWait() {
			super(null, null, false, false);
		}

	}

	private static final WouldWait WOULD_WAIT = new WouldWait();

	private Document apply(Channel channel, String database, String command, Document query, boolean wait) {
		String name = command.toLowerCase(Locale.ROOT);
		if (!WRITE_COMMANDS.contains(name)) {
			return super.handleCommand(channel, database, command, query);
		}
		Document reply;
		long write;
		boolean journaled = false;
		try {
			MongoCollection<?> collection = existingCollection(database, name, query.get(command));
			if (collection != null) {
				journaled = DATA_WRITES.contains(name);
				reply = applyToCollection(collection, channel, database, command, query, wait);
			}
			else {
				reply = applyShared(channel, database, command, query, wait);
			}
		}
		finally {
			write = this.finishedWrites.incrementAndGet();
			if (journaled) {
				// also what a failing command changed before it failed (the documents of
				// a batch before a duplicate key)
				this.journal.flush();
			}
		}
		if (!journaled) {
			commitThrough(write);
		}
		return reply;
	}

	private Document applyShared(Channel channel, String database, String command, Document query, boolean wait) {
		if (!wait && !this.applying.readLock().tryLock()) {
			throw WOULD_WAIT;
		}
		if (wait) {
			this.applying.readLock().lock();
		}
		try {
			checkAcceptingWrites();
			return super.handleCommand(channel, database, command, query);
		}
		finally {
			this.applying.readLock().unlock();
		}
	}

	/**
	 * Apply a write to an existing collection: its collection's lock first, then the
	 * shared one, so that a write waiting for its collection (behind a long read of it)
	 * does not hold up every commit, and so every other write, meanwhile. The shared lock
	 * is taken whenever no commit holds it, also when a commit is waiting for it
	 * ({@code tryLock()} barges): a waiting commit makes {@code lock()} queue new holders
	 * behind it, but the commit waits for every holder, and a holder may be waiting for
	 * this collection (the first writes of a new collection create it holding the shared
	 * lock and then take its lock). Queued behind the commit while holding the
	 * collection, a write waited for the commit, the commit for the creator and the
	 * creator for that write: the store's threads stopped for good
	 * ({@code EmbeddedStoreLockOrderTests}).
	 * <p>
	 * While a commit runs, a write lets go of its collection and waits for the commit
	 * holding nothing, then tries again. Holding the collection through the commit (as it
	 * did) held up every other command to it for the commit's tens of milliseconds, also
	 * the in-process saves that must not wait ({@code wait == false}): they could not
	 * tell that they would wait until they had the collection, and an HTTP event loop
	 * stood still behind a submit's seal ({@code docs/BENCHMARKS.md}, fifteenth session).
	 */
	private Document applyToCollection(MongoCollection<?> collection, Channel channel, String database, String command,
			Document query, boolean wait) {
		while (true) {
			synchronized (collection) {
				if (this.applying.readLock().tryLock()) {
					try {
						checkAcceptingWrites();
						return super.handleCommand(channel, database, command, query);
					}
					finally {
						this.applying.readLock().unlock();
					}
				}
			}
			if (!wait) {
				throw WOULD_WAIT;
			}
			// behind the commit, holding no collection's lock
			this.applying.readLock().lock();
			this.applying.readLock().unlock();
		}
	}

	/**
	 * The collection a write command changes, when it already exists: its methods hold
	 * the collection's own lock (mongo-java-server's
	 * {@code AbstractSynchronizedMongoCollection} synchronizes on the instance), so a
	 * write takes that lock before the shared one, and no thread holding the shared lock
	 * waits for a collection's. {@code null} for any other command, and for a collection
	 * or database the command creates (created under the shared lock alone: nobody holds
	 * the lock of a collection that does not exist yet).
	 */
	private MongoCollection<?> existingCollection(String database, String command, Object collectionName) {
		if (!COLLECTION_WRITES.contains(command) || !(collectionName instanceof String collection)
				|| !listDatabaseNames().contains(database)) {
			return null;
		}
		return resolveDatabase(database).resolveCollection(collection, false);
	}

	/**
	 * Package-private for tests: the collection as the server holds it (whose monitor its
	 * commands take), or {@code null}.
	 */
	MongoCollection<?> collection(String database, String collection) {
		return existingCollection(database, "insert", collection);
	}

	/**
	 * Close the store (H2 commits what it holds) and then delete the journal, which the
	 * commit covers; a store closed already (by a crash in a test, or a failure of H2)
	 * keeps its journal for the next opening.
	 */
	/**
	 * For tests: the lock a commit holds against every write while it runs.
	 * @return the lock
	 */
	java.util.concurrent.locks.Lock commitHold() {
		return this.applying.writeLock();
	}

	private void checkAcceptingWrites() {
		if (this.refusingWrites) {
			throw new MongoServerException("The embedded store is closed");
		}
	}

	/**
	 * Refuse every write from now on, once the writes being applied have finished (they
	 * are in the journal or in the maps the closing commit writes).
	 */
	void refuseWrites() {
		this.applying.writeLock().lock();
		try {
			this.refusingWrites = true;
		}
		finally {
			this.applying.writeLock().unlock();
		}
	}

	@Override
	public void close() {
		refuseWrites();
		boolean open = !getMvStore().isClosed();
		this.journal.close();
		super.close();
		if (open) {
			this.journal.deleteThrough(Long.MAX_VALUE);
		}
	}

	@Override
	public void handleClose(Channel channel) {
		this.clients.remove(channel);
		super.handleClose(channel);
	}

	/**
	 * Close every client connection, as a crashing server side would: requests in flight
	 * get no reply and the driver's pool is cleared.
	 * @return how many connections were closed
	 */
	int dropConnections() {
		int dropped = 0;
		for (Channel channel : List.copyOf(this.clients)) {
			channel.close();
			dropped++;
		}
		return dropped;
	}

	@Override
	protected MongoDatabase openOrCreateDatabase(String databaseName) {
		return new CopyOnWriteDatabase(databaseName, getMvStore(), getCursorRegistry());
	}

	/**
	 * Make sure the write numbered {@code write} is on disk: commit unless a commit that
	 * started after that write finished has already done so.
	 * @param write the sequence number of a finished write
	 */
	void commitThrough(long write) {
		synchronized (this.commitLock) {
			if (this.committedWrites >= write) {
				return;
			}
			commitNow();
		}
	}

	/**
	 * Commit every finished write now.
	 */
	private void commitNow() {
		synchronized (this.commitLock) {
			// no write command is half applied while the store commits
			this.applying.writeLock().lock();
			try {
				long covered = this.finishedWrites.get();
				long segment = this.journal.rotate();
				getMvStore().commit();
				this.journal.deleteThrough(segment);
				this.commits++;
				this.committedWrites = covered;
			}
			finally {
				this.applying.writeLock().unlock();
			}
		}
	}

	/**
	 * Commit what the journal holds since the last commit, if anything, and delete the
	 * journal's segments that the commit covers: one chunk in the file for all the writes
	 * since, and a short journal to replay after a crash.
	 * @return whether there was anything to commit
	 */
	boolean checkpoint() {
		synchronized (this.commitLock) {
			if (!this.journal.hasRecordsInSegment()) {
				return false;
			}
			long started = System.nanoTime();
			commitNow();
			long took = (System.nanoTime() - started) / 1_000_000;
			if (took >= SLOW_CHECKPOINT_MILLIS) {
				logger.info("Embedded store: a checkpoint held writers for {} ms", took);
			}
			return true;
		}
	}

	/**
	 * The store's journal (also while the superclass's constructor runs).
	 * @return the journal
	 */
	StoreJournal journal() {
		return (this.journal != null) ? this.journal : constructing.get();
	}

	/**
	 * One step of compaction: move the live pages of the store's emptiest and oldest
	 * chunks, about {@code bytes} of them, into a new chunk, and commit it. Every commit
	 * writes a chunk, and opening the store (after a crash, all of them) reads the header
	 * and footer of every chunk that still holds a live page: tens of thousands after an
	 * exam day. The chunks emptied here are dropped by a commit once H2's retention time
	 * (45 s) has passed. Writers go on applying while the pages are moved; a commit
	 * (theirs or this one) waits for the step, so a step is kept small.
	 * @param bytes about how many bytes of live pages to move
	 * @return whether anything was moved (nothing when no chunk older than the retention
	 * time is left to move)
	 */
	boolean compactStep(int bytes) {
		// no commit of ours is running, so the store's lock (which H2 waits 10 ms for) is
		// free
		synchronized (this.commitLock) {
			if (!getMvStore().compact(100, bytes)) {
				return false;
			}
			commitNow();
			return true;
		}
	}

	/**
	 * The chunks in the store file, live or waiting to be dropped.
	 * @return how many
	 */
	int chunkCount() {
		int[] count = new int[1];
		getMvStore().populateInfo((name, value) -> {
			if ("info.CHUNK_COUNT".equals(name)) {
				count[0] = Integer.parseInt(value);
			}
		});
		return count[0];
	}

	/**
	 * The write commands applied so far.
	 * @return how many
	 */
	long finishedWrites() {
		return this.finishedWrites.get();
	}

	/**
	 * Package-private for tests: the commits made so far.
	 */
	long commitCount() {
		synchronized (this.commitLock) {
			return this.commits;
		}
	}

	/**
	 * An H2 database whose collections copy documents before a write changes them and
	 * store them as BSON ({@link DocumentDataType}). The store is read from the enclosing
	 * backend because the superclass constructor opens the existing collections before
	 * this class's fields are set.
	 */
	private final class CopyOnWriteDatabase extends H2Database {

		CopyOnWriteDatabase(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
			super(databaseName, store, cursorRegistry);
		}

		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			MVStore store = getMvStore();
			String fullName = getFullCollectionNamespace(collectionName);
			MVMap<Object, Document> dataMap = store.openMap(DATA_PREFIX + fullName,
					JournaledMap.builder(DATA_PREFIX + fullName, journal()));
			MVMap<String, Object> metaMap = store.openMap(META_PREFIX + fullName,
					JournaledMap.builder(META_PREFIX + fullName, journal()));
			return new CopyOnWriteCollection(this, collectionName, options, dataMap, metaMap, this.cursorRegistry);
		}

		/**
		 * A unique index whose keys compare without a serialiser each
		 * ({@link IndexKeyType}).
		 */
		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			String mapName = getFullCollectionNamespace(collectionName) + INDEX_INFIX + indexName;
			MVMap<KeyValue, Object> map = getMvStore().openMap(mapName, JournaledMap.builder(mapName, journal()));
			return IndexKeyType.uniqueIndex(map, indexName, keys, sparse);
		}

		@Override
		protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			return new UnkeptIndex(indexName, keys);
		}

	}

	/**
	 * A non-unique index the embedded store does not keep (queries scan), which, unlike
	 * mongo-java-server's {@link EmptyIndex}, does not ask to be built from the
	 * collection's documents when it is added: there is nothing to build.
	 */
	static final class UnkeptIndex extends EmptyIndex<Object> {

		UnkeptIndex(String name, List<IndexKey> keys) {
			super(name, keys);
		}

		@Override
		public boolean isEmpty() {
			return false;
		}

	}

	/**
	 * A collection whose writes (update, findAndModify, which go through a query of the
	 * documents to change while holding the collection's lock) receive deep copies of the
	 * matched documents, so the update changes and stores the copy.
	 */
	private static final class CopyOnWriteCollection extends H2Collection {

		private static final String ID_FIELD = "_id";

		/** What an {@code _id} condition read by its keys may hold. */
		private static final Set<String> ID_PATTERN_OPERATORS = Set.of("$regex", "$options", "$nin");

		/**
		 * Set while this thread runs a write that changes the documents its query finds.
		 */
		private static final ThreadLocal<Boolean> writing = ThreadLocal.withInitial(() -> Boolean.FALSE);

		private final MVMap<Object, Document> documents;

		CopyOnWriteCollection(MongoDatabase database, String collectionName, CollectionOptions options,
				MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
			super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
			this.documents = dataMap;
		}

		@Override
		public synchronized Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
				boolean isMulti, boolean isUpsert, Oplog oplog) {
			boolean outer = enterWrite();
			try {
				return super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog);
			}
			finally {
				leaveWrite(outer);
			}
		}

		@Override
		public synchronized Document findAndModify(Document query) {
			boolean outer = enterWrite();
			try {
				return super.findAndModify(query);
			}
			finally {
				leaveWrite(outer);
			}
		}

		private static boolean enterWrite() {
			boolean outer = writing.get();
			writing.set(Boolean.TRUE);
			return outer;
		}

		private static void leaveWrite(boolean outer) {
			if (!outer) {
				writing.remove();
			}
		}

		/**
		 * A query with an {@code _id} equality, alone or with other conditions: the one
		 * document with that id, if it matches the rest, read from the documents' map by
		 * its key (the superclass would scan the collection for a query with other
		 * conditions, and for one on {@code _id} alone build the index's key and read the
		 * index first: a tenth of what the HTTP threads allocated on an exam day). A
		 * string or object id is the document's key in the map (mongo-java-server's
		 * {@code H2Collection} puts a document under its {@code _id}); ids of other types
		 * are normalised by the index (1 and 1.0 are one id), so they still go through
		 * it.
		 */
		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
				int batchSize, Document fieldSelector) {
			if (isIdPage(query, orderBy, numberToSkip, limit)) {
				return matchDocuments(query, idPage(query, limit), orderBy, numberToSkip, limit, batchSize,
						fieldSelector);
			}
			Object id = query.get(ID_FIELD);
			BsonRegularExpression idPattern = idPattern(id);
			if (idPattern != null) {
				// one compiled pattern for every key and every document's match; the
				// $nin ids are left out by their keys (mongo-java-server's matcher sees
				// only the pattern of such a condition)
				Document matching = query.clone();
				matching.put(ID_FIELD, idPattern);
				return matchDocuments(matching, idsMatching(idPattern, idsLeftOut(id)), orderBy, numberToSkip, limit,
						batchSize, fieldSelector);
			}
			if ((id instanceof String || id instanceof ObjectId) && ID_FIELD.equals(getIdField())) {
				// the documents' map is keyed by _id: no index key built, no index read
				List<Object> positions = this.documents.containsKey(id) ? List.of(id) : List.of();
				return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
			}
			return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
		}

		/**
		 * The pattern of an {@code _id} condition that is a regular expression
		 * ({@code {$regex, $options}} or a BSON pattern), perhaps with {@code $nin} ids,
		 * or {@code null}.
		 */
		private static BsonRegularExpression idPattern(Object id) {
			if (id instanceof BsonRegularExpression pattern) {
				return pattern;
			}
			if (!(id instanceof Document condition) || condition.get("$regex") == null
					|| !ID_PATTERN_OPERATORS.containsAll(condition.keySet())
					|| (condition.containsKey("$nin") && !(condition.get("$nin") instanceof Collection))) {
				return null;
			}
			if (condition.get("$regex") instanceof BsonRegularExpression pattern) {
				return pattern;
			}
			Document pattern = new Document("$regex", condition.get("$regex"));
			if (condition.get("$options") != null) {
				pattern.put("$options", condition.get("$options"));
			}
			return BsonRegularExpression.convertToRegularExpression(pattern);
		}

		/** The {@code $nin} ids of an {@code _id} condition. */
		private static Set<Object> idsLeftOut(Object id) {
			if (id instanceof Document condition && condition.get("$nin") instanceof Collection<?> ids) {
				return new HashSet<>(ids);
			}
			return Set.of();
		}

		/**
		 * The ids (the documents' map keys) that are strings the pattern finds a match
		 * in, except those left out, in {@code _id} order. mongo-java-server's unique
		 * index would compile the pattern again for every key, holding the index's lock
		 * the while. When the pattern plainly needs its matches to begin with some
		 * literal prefixes ({@link IdPrefixes}: {@code ^(?:\\Qs1\\E|\\Qs2\\E):}, the
		 * attempts of some sessions), only those prefixes' key ranges are read (the map
		 * orders strings as Java does, so the ids that begin with a prefix follow one
		 * another from it on); otherwise every key. Reading a key reads its page, and
		 * with it the page's documents: every key of the attempts was every attempt
		 * decoded.
		 */
		private List<Object> idsMatching(BsonRegularExpression pattern, Set<Object> leftOut) {
			List<Object> ids = new java.util.ArrayList<>();
			List<String> prefixes = IdPrefixes.of(pattern.getPattern(), pattern.getOptions());
			for (String from : (prefixes != null) ? prefixes : java.util.Collections.<String>singletonList(null)) {
				java.util.Iterator<Object> keys = this.documents.keyIterator(from);
				long examined = 0;
				while (keys.hasNext()) {
					Object key = keys.next();
					examined++;
					if (from != null && !(key instanceof String text && text.startsWith(from))) {
						break;
					}
					if (key instanceof String text && !leftOut.contains(key) && pattern.matcher(text).find()) {
						ids.add(key);
					}
				}
				SlowCommands.keysExamined(examined);
			}
			return ids;
		}

		/**
		 * A page in {@code _id} order: sorted by {@code _id} ascending, limited, not
		 * skipping, with no {@code _id} condition or only {@code $gt} one string or
		 * object id (the shape {@code academy.cqo.platform.IdPages} sends).
		 */
		private static boolean isIdPage(Document query, Document orderBy, int numberToSkip, int limit) {
			if (limit <= 0 || numberToSkip > 0 || orderBy == null || orderBy.size() != 1
					|| !(orderBy.get(ID_FIELD) instanceof Number direction) || direction.intValue() != 1) {
				return false;
			}
			Object id = query.get(ID_FIELD);
			if (id == null) {
				return !query.containsKey(ID_FIELD);
			}
			return id instanceof Document condition && condition.size() == 1
					&& (condition.get("$gt") instanceof String || condition.get("$gt") instanceof ObjectId);
		}

		/**
		 * The positions of the first {@code limit} documents after the page's lower
		 * bound, in {@code _id} order, that match the whole query: read from the
		 * documents' map, which is ordered by {@code _id} (H2 orders strings as Java
		 * does, which is MongoDB's order for the ASCII ids used here, and object ids by
		 * their unsigned bytes, as MongoDB does), from the bound on, stopping at the
		 * first key of another type. A page whose other conditions match rarely reads on
		 * until it has its limit or the end: pages are meant to be bounded by {@code _id}
		 * alone.
		 */
		private List<Object> idPage(Document query, int limit) {
			Object after = (query.get(ID_FIELD) instanceof Document condition) ? condition.get("$gt") : null;
			boolean onlyId = query.size() == ((after != null) ? 1 : 0);
			List<Object> positions = new java.util.ArrayList<>(limit);
			// from the bound on (from the first key without one)
			java.util.Iterator<Object> keys = this.documents.keyIterator(after);
			while (keys.hasNext() && positions.size() < limit) {
				Object key = keys.next();
				if (after != null) {
					if (key.getClass() != after.getClass()) {
						break;
					}
					if (key.equals(after)) {
						continue;
					}
				}
				if (onlyId) {
					positions.add(key);
					continue;
				}
				Document document = this.documents.get(key);
				SlowCommands.scanned(document);
				if (document != null && documentMatchesQuery(document, query)) {
					positions.add(key);
				}
			}
			return positions;
		}

		@Override
		protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream,
				int numberToSkip, int limit, int batchSize, Comparator<Document> documentComparator,
				Document fieldSelector) {
			Stream<Document> documents = documentStream.peek(SlowCommands::scanned);
			if (writing.get()) {
				documents = documents.filter((document) -> documentMatchesQuery(document, query))
					.map(Document::cloneDeeply);
			}
			return super.matchDocumentsFromStream(query, documents, numberToSkip, limit, batchSize, documentComparator,
					fieldSelector);
		}

	}

}
