package academy.cqo.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's write-ahead journal: every change a write command makes to the
 * store's maps ({@link JournaledMap}) is appended here as a record (the map's name, the
 * key, the value as stored), and a write command is acknowledged once its records are
 * written to the journal file. The store itself is committed about once a second
 * ({@link DurableH2Backend#checkpoint()}), one chunk for all the writes of that second,
 * instead of one chunk per write; opening the store replays the journal written since its
 * last commit ({@link #replay(MVStore)}).
 * <p>
 * A record puts the final value of one key (or removes the key), so replaying a record
 * the store already holds changes nothing: the journal is replayed from the segment that
 * was current when the last successful commit began, in the order the records were
 * written, and every key ends with its last value. Records of one key are written in the
 * order of its changes: a collection's writes hold the collection's lock (and
 * mongo-java-server its meta map's) from the change until the record is appended.
 * <p>
 * The journal is a sequence of segment files next to the store file ({@code cqo.mv.db}
 * gives {@code cqo.mv.db.journal.0000000000000001}, …): a commit starts a new segment and
 * deletes the older ones once it has finished. Each record carries its length and a
 * CRC-32C of its bytes; a record cut short at the end of the last segment (the process
 * died while writing it, before the write was acknowledged) ends the replay, and any
 * other damage stops the opening with the file and the position named.
 * <p>
 * Durability is the store's own: a record is on disk in the sense that the operating
 * system holds it once {@link #flush()} returns (a killed process loses nothing
 * acknowledged), as a commit of the store was before; neither forces the disk's cache.
 */
final class StoreJournal implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(StoreJournal.class);

	static final String SEGMENT_INFIX = ".journal.";

	/** "CQOJ", then the format's version. */
	private static final int MAGIC = 0x43514f4a;

	private static final int VERSION = 1;

	private static final int SEGMENT_HEADER_BYTES = 8;

	/** A record's length and CRC-32C. */
	private static final int RECORD_HEADER_BYTES = 8;

	private static final byte PUT = 1;

	private static final byte REMOVE = 2;

	private static final byte CLEAR = 3;

	private final Path directory;

	private final String prefix;

	/** Guards {@link #pending} and {@link #appendedTotal}. */
	private final Object appendLock = new Object();

	/** Guards the file: one writer at a time. */
	private final Object writeLock = new Object();

	private WriteBuffer pending = new WriteBuffer(64 * 1024);

	/** The buffer being written, swapped with {@link #pending} (under the write lock). */
	private WriteBuffer spare = new WriteBuffer(64 * 1024);

	/** Bytes of records appended so far, in all (under the append lock). */
	private long appendedTotal;

	/** Bytes of records written to the file so far, in all. */
	private volatile long writtenTotal;

	/** Bytes written when the current segment was started (under the write lock). */
	private long writtenAtSegmentStart;

	/**
	 * Why a write of the file failed, until a commit covers what it held (under the write
	 * lock): the records of the failed write are not in the file, so no write that
	 * appended before it may be acknowledged.
	 */
	private IOException failure;

	private FileChannel channel;

	private long segment;

	private volatile boolean recording;

	private final ThreadLocal<WriteBuffer> scratch = ThreadLocal.withInitial(() -> new WriteBuffer(4 * 1024));

	/** Writes of the file so far (each of the records appended since the one before). */
	private long flushes;

	/**
	 * A journal for the store in {@code storeFile} (nothing is opened or written yet).
	 * @param storeFile the MVStore file
	 */
	StoreJournal(Path storeFile) {
		this.directory = storeFile.toAbsolutePath().getParent();
		this.prefix = storeFile.getFileName() + SEGMENT_INFIX;
	}

	/**
	 * Apply every record of the journal's segments to the store, oldest segment first,
	 * with recording off.
	 * @param store the store, open at its last commit
	 * @return how many records were applied
	 * @throws IllegalStateException if a segment other than the last is damaged, or a
	 * record cannot be decoded
	 */
	int replay(MVStore store) {
		List<Path> segments = segments();
		int records = 0;
		for (int i = 0; i < segments.size(); i++) {
			records += replay(store, segments.get(i), i == segments.size() - 1);
		}
		if (records > 0) {
			logger.info("Embedded store: {} journal records of {} segment(s) replayed", records, segments.size());
		}
		return records;
	}

	private int replay(MVStore store, Path file, boolean last) {
		ByteBuffer bytes;
		try {
			bytes = ByteBuffer.wrap(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the store's journal " + file, ex);
		}
		if (bytes.remaining() < SEGMENT_HEADER_BYTES) {
			return damaged(file, 0, "it is shorter than its header", last);
		}
		if (bytes.getInt() != MAGIC || bytes.getInt() != VERSION) {
			throw new IllegalStateException("The store's journal " + file + " is not a journal of this version");
		}
		int records = 0;
		while (bytes.hasRemaining()) {
			int position = bytes.position();
			if (bytes.remaining() < RECORD_HEADER_BYTES) {
				return records + damaged(file, position, "a record's header is cut short", last);
			}
			int length = bytes.getInt();
			int checksum = bytes.getInt();
			if (length <= 0 || length > bytes.remaining()) {
				return records + damaged(file, position, "a record of " + length + " bytes does not fit", last);
			}
			ByteBuffer body = bytes.slice(bytes.position(), length);
			CRC32C crc = new CRC32C();
			crc.update(body.duplicate());
			if ((int) crc.getValue() != checksum) {
				return records + damaged(file, position, "a record's checksum does not match", last);
			}
			bytes.position(bytes.position() + length);
			try {
				apply(store, body);
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException(
						"The store's journal " + file + " has a record at byte " + position + " that cannot be applied",
						ex);
			}
			records++;
		}
		return records;
	}

	private static int damaged(Path file, int position, String what, boolean last) {
		if (!last) {
			throw new IllegalStateException("The store's journal " + file + " is damaged at byte " + position + ": "
					+ what + ", and later segments follow it");
		}
		logger.warn("The store's journal {} ends at byte {} with an incomplete record ({}): a write that was never "
				+ "acknowledged; replayed up to it", file, position, what);
		return 0;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private void apply(MVStore store, ByteBuffer body) {
		byte operation = body.get();
		byte[] nameBytes = new byte[body.getShort() & 0xffff];
		body.get(nameBytes);
		String name = new String(nameBytes, StandardCharsets.UTF_8);
		MVMap map = store.openMap(name, JournaledMap.builder(name, this));
		switch (operation) {
			case PUT -> map.put(map.getKeyType().read(body), map.getValueType().read(body));
			case REMOVE -> map.remove(map.getKeyType().read(body));
			case CLEAR -> map.clear();
			default -> throw new IllegalStateException("unknown operation " + operation);
		}
	}

	/**
	 * Delete the segments read by {@link #replay(MVStore)} (the store has committed what
	 * they held), start a new segment and record from now on.
	 * @throws UncheckedIOException if a segment cannot be deleted or created
	 */
	void start() {
		synchronized (this.writeLock) {
			long last = 0;
			for (Path old : segments()) {
				last = Math.max(last, segmentNumber(old));
				delete(old);
			}
			this.segment = last;
			openNextSegment();
			this.recording = true;
		}
	}

	/**
	 * Whether changes to the maps are recorded now (not while replaying, not once
	 * closed).
	 * @return {@code true} once started
	 */
	boolean isRecording() {
		return this.recording;
	}

	void put(byte[] map, DataType<Object> keyType, Object key, DataType<Object> valueType, Object value) {
		WriteBuffer body = body(PUT, map);
		keyType.write(body, key);
		valueType.write(body, value);
		append(body);
	}

	void remove(byte[] map, DataType<Object> keyType, Object key) {
		WriteBuffer body = body(REMOVE, map);
		keyType.write(body, key);
		append(body);
	}

	void clear(byte[] map) {
		append(body(CLEAR, map));
	}

	private WriteBuffer body(byte operation, byte[] map) {
		WriteBuffer body = this.scratch.get().clear();
		body.put(operation).putShort((short) map.length).put(map);
		return body;
	}

	private void append(WriteBuffer body) {
		ByteBuffer bytes = body.getBuffer().flip();
		CRC32C crc = new CRC32C();
		crc.update(bytes.duplicate());
		synchronized (this.appendLock) {
			int length = RECORD_HEADER_BYTES + bytes.remaining();
			this.pending.putInt(bytes.remaining()).putInt((int) crc.getValue()).put(bytes);
			this.appendedTotal += length;
		}
	}

	/**
	 * Write every record appended so far to the file, unless a write that another thread
	 * began meanwhile holds them (then wait for it): records appended by other threads go
	 * in the same write.
	 * @throws UncheckedIOException if the file cannot be written, or a write of records
	 * appended before this call failed
	 */
	void flush() {
		long target;
		synchronized (this.appendLock) {
			target = this.appendedTotal;
		}
		if (this.writtenTotal >= target) {
			return;
		}
		synchronized (this.writeLock) {
			if (this.writtenTotal >= target) {
				return;
			}
			if (this.failure != null) {
				throw new UncheckedIOException(
						"The store's journal could not be written; the store's next commit will hold what it missed",
						this.failure);
			}
			flushLocked();
		}
	}

	private void flushLocked() {
		WriteBuffer batch;
		long end;
		synchronized (this.appendLock) {
			if (this.pending.position() == 0) {
				return;
			}
			batch = this.pending;
			this.pending = this.spare;
			end = this.appendedTotal;
		}
		ByteBuffer bytes = batch.getBuffer().flip();
		try {
			while (bytes.hasRemaining()) {
				this.channel.write(bytes);
			}
		}
		catch (IOException ex) {
			this.failure = ex;
			throw new UncheckedIOException("Could not write the store's journal " + segmentFile(this.segment), ex);
		}
		finally {
			batch.clear();
			this.spare = batch;
		}
		this.writtenTotal = end;
		this.flushes++;
	}

	/**
	 * Whether records were written since the current segment was started.
	 * @return {@code true} when a commit would have something to cover
	 */
	boolean hasRecordsInSegment() {
		synchronized (this.writeLock) {
			return this.writtenTotal > this.writtenAtSegmentStart || pendingBytes() > 0;
		}
	}

	/**
	 * Records appended but not yet written to the file.
	 * @return bytes
	 */
	long pendingBytes() {
		synchronized (this.appendLock) {
			return this.pending.position();
		}
	}

	/**
	 * Write what is pending and continue in a new segment: a commit that begins after
	 * this covers every record of the segments up to the one returned.
	 * @return the number of the segment closed
	 */
	long rotate() {
		synchronized (this.writeLock) {
			if (this.failure == null) {
				flushLocked();
			}
			long closed = this.segment;
			closeChannel();
			openNextSegment();
			return closed;
		}
	}

	/**
	 * Delete the segments up to and including {@code segment}: the store has committed
	 * every record they hold.
	 * @param segment the last segment to delete
	 */
	void deleteThrough(long segment) {
		synchronized (this.writeLock) {
			// what a failed write missed is in the store now
			this.failure = null;
		}
		for (Path old : segments()) {
			if (segmentNumber(old) <= segment) {
				delete(old);
			}
		}
	}

	/**
	 * Stop recording and close the file, keeping the segments (for a store that could not
	 * commit them, and for tests of a crash).
	 */
	@Override
	public void close() {
		this.recording = false;
		synchronized (this.writeLock) {
			try {
				if (this.failure == null) {
					flushLocked();
				}
			}
			catch (UncheckedIOException ex) {
				// the store's own commit at closing holds what could not be written
				logger.warn("Could not write the last records of the store's journal", ex);
			}
			finally {
				closeChannel();
			}
		}
	}

	/**
	 * Stop recording and close the file without writing what is pending, as a killed
	 * process leaves it (for tests of a crash).
	 */
	void abandon() {
		this.recording = false;
		synchronized (this.writeLock) {
			closeChannel();
		}
	}

	/**
	 * The write calls made so far (each covers the records appended since the one
	 * before).
	 * @return how many
	 */
	long flushes() {
		synchronized (this.writeLock) {
			return this.flushes;
		}
	}

	/**
	 * Make the next writes of the file fail, as a full or failing disk would (for tests):
	 * the file is closed under the journal until the next segment.
	 */
	void failWrites() {
		synchronized (this.writeLock) {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	/**
	 * The segment files, oldest first.
	 * @return their paths
	 */
	List<Path> segments() {
		try (Stream<Path> files = Files.list(this.directory)) {
			List<Path> segments = new ArrayList<>(files
				.filter((path) -> path.getFileName().toString().startsWith(this.prefix) && segmentNumber(path) >= 0)
				.toList());
			segments.sort((a, b) -> Long.compare(segmentNumber(a), segmentNumber(b)));
			return segments;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the store's journal in " + this.directory, ex);
		}
	}

	private long segmentNumber(Path path) {
		String suffix = path.getFileName().toString().substring(this.prefix.length());
		try {
			return Long.parseLong(suffix);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private Path segmentFile(long number) {
		return this.directory.resolve(this.prefix + String.format("%016d", number));
	}

	private void openNextSegment() {
		this.segment++;
		Path file = segmentFile(this.segment);
		try {
			this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_BYTES).putInt(MAGIC).putInt(VERSION).flip();
			while (header.hasRemaining()) {
				this.channel.write(header);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the store's journal " + file, ex);
		}
		this.writtenAtSegmentStart = this.writtenTotal;
	}

	private void closeChannel() {
		if (this.channel == null) {
			return;
		}
		try {
			this.channel.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not close the store's journal " + segmentFile(this.segment), ex);
		}
		finally {
			this.channel = null;
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete the store's journal " + file, ex);
		}
	}

}
