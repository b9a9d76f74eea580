package academy.cqo.platform.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamConstants;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.List;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the embedded store's unique indexes (the {@code _id} index among them),
 * ordering keys exactly as before but without a new serialiser per comparison.
 * <p>
 * mongo-java-server's H2 backend keeps an index as an MVStore map from {@link KeyValue}
 * to position, with H2's default {@link ObjectDataType}. A {@code KeyValue} is not
 * {@link Comparable}, so that type orders two keys by Java-serialising both, each time,
 * with a new {@link ObjectOutputStream} (a kilobyte block buffer and handle tables):
 * every lookup by {@code _id} serialised about 2 × log₂(n) keys. That was a quarter of
 * all memory allocated while verifying certificates, and 4 % of an exam's CPU. Here each
 * thread keeps one stream, serialises the key being looked up once per lookup and
 * compares the same bytes as before (a stream {@link ObjectOutputStream#reset() reset}
 * before each key writes it as a fresh stream would, behind a one-byte marker instead of
 * the four-byte header, which does not change the order). Keys of one string each (string
 * ids) are compared without serialising them, in the same order
 * ({@link #compareSingleStrings}): serialising the other key of each comparison was still
 * 4 % of an exam day's CPU at 2,000 candidates. Keys are written to disk exactly as
 * before, so stores written by either type open with the other: each thread's stream
 * writes them too, the stream header in place of the marker ({@link #write}), where H2's
 * type made a new stream per key for every key of every index page a commit rewrote (a
 * quarter of the commit thread's allocation on an exam day).
 */
final class IndexKeyType extends ObjectDataType {

	private static final ThreadLocal<Serializer> serializers = ThreadLocal.withInitial(Serializer::new);

	private static final Constructor<H2UniqueIndex> UNIQUE_INDEX = uniqueIndexConstructor();

	@Override
	public int compare(Object a, Object b) {
		if (a == b) {
			return 0;
		}
		if (a instanceof KeyValue x && b instanceof KeyValue y) {
			int order = compareSingleStrings(x, y);
			return (order != UNDECIDED) ? order : serializers.get().compare(a, b);
		}
		return super.compare(a, b);
	}

	/**
	 * A key as H2's type writes it: the serialised-object tag, the length and the bytes
	 * of a fresh object stream (its header, then the key), from this thread's stream.
	 */
	@Override
	public void write(WriteBuffer buffer, Object key) {
		if (key instanceof KeyValue) {
			serializers.get().writeTo(buffer, key);
		}
		else {
			super.write(buffer, key);
		}
	}

	/** {@link #compareSingleStrings} cannot tell without serialising. */
	static final int UNDECIDED = Integer.MIN_VALUE;

	/**
	 * Two keys of one string each (every {@code _id} index of string ids, and every
	 * unique index of one string field), in the order of their serialised bytes, without
	 * serialising them. A key is serialised as the same bytes up to the string, then the
	 * string as its modified UTF-8 length (two bytes, big-endian) and bytes, then the
	 * same bytes again: so the shorter encoding comes first, and encodings of equal
	 * length compare byte by byte, which is the order of their UTF-16 code units
	 * (modified UTF-8 encodes each code unit alone, in one byte below U+0080, two below
	 * U+0800, else three, with lead bytes rising in that order) except for U+0000, which
	 * is encoded as two bytes. So a string with U+0000, or longer than 65,535 bytes
	 * encoded (serialised with an eight-byte length), is left to the serialiser.
	 * @param a a key
	 * @param b another key
	 * @return their order, or {@link #UNDECIDED}
	 */
	static int compareSingleStrings(KeyValue a, KeyValue b) {
		if (a.size() != 1 || b.size() != 1 || !(a.get(0) instanceof String x) || !(b.get(0) instanceof String y)) {
			return UNDECIDED;
		}
		int xLength = modifiedUtf8Length(x);
		int yLength = modifiedUtf8Length(y);
		if (xLength < 0 || yLength < 0) {
			return UNDECIDED;
		}
		if (xLength != yLength) {
			return (xLength < yLength) ? -1 : 1;
		}
		return Integer.signum(x.compareTo(y));
	}

	/**
	 * The length of a string in modified UTF-8 ({@link java.io.DataOutput#writeUTF}), or
	 * -1 when it contains U+0000 or is longer than 65,535 bytes.
	 */
	private static int modifiedUtf8Length(String value) {
		int length = value.length();
		if (length > 0xFFFF) {
			return -1;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 0x80) {
				length += (c >= 0x800) ? 2 : 1;
			}
			else if (c == 0) {
				return -1;
			}
		}
		return (length > 0xFFFF) ? -1 : length;
	}

	/**
	 * A key as the page cache reckons it: about its heap size (a {@code KeyValue} and its
	 * list of values), where H2's default reckons a serialised object at a running
	 * average of the sizes written, 10 kB until the index is written after a restart
	 * ({@link HeapSize}).
	 */
	@Override
	public int getMemory(Object key) {
		if (key instanceof KeyValue values) {
			List<Object> list = new java.util.ArrayList<>();
			values.forEach(list::add);
			return (int) Math.min(Integer.MAX_VALUE, 16 + HeapSize.of(list));
		}
		return super.getMemory(key);
	}

	/**
	 * A unique index over a map with this key type (mongo-java-server's constructor is
	 * package-private).
	 * @param map the index map
	 * @param name the index name
	 * @param keys the indexed fields
	 * @param sparse whether documents without the fields are left out
	 * @return the index
	 */
	static Index<Object> uniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
		try {
			return UNIQUE_INDEX.newInstance(map, name, keys, sparse);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot open the unique index " + name, ex);
		}
	}

	private static Constructor<H2UniqueIndex> uniqueIndexConstructor() {
		try {
			Constructor<H2UniqueIndex> constructor = H2UniqueIndex.class.getDeclaredConstructor(MVMap.class,
					String.class, List.class, boolean.class);
			constructor.setAccessible(true);
			return constructor;
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException("mongo-java-server's H2UniqueIndex changed", ex);
		}
	}

	/** One thread's stream, and the bytes of the key it last looked up. */
	private static final class Serializer {

		/** H2's tag of a Java-serialised object ({@code ObjectDataType}). */
		private static final byte SERIALIZED_OBJECT = 19;

		/** What a new {@link ObjectOutputStream} writes first. */
		private static final byte[] STREAM_HEADER = { (byte) (ObjectStreamConstants.STREAM_MAGIC >> 8),
				(byte) ObjectStreamConstants.STREAM_MAGIC, (byte) (ObjectStreamConstants.STREAM_VERSION >> 8),
				(byte) ObjectStreamConstants.STREAM_VERSION };

		private final Buffer buffer = new Buffer();

		private final ObjectOutputStream out;

		private Object probe;

		private byte[] probeBytes;

		Serializer() {
			try {
				this.out = new ObjectOutputStream(this.buffer);
				this.out.flush();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		int compare(Object a, Object b) {
			if (a != this.probe) {
				write(a);
				this.probeBytes = this.buffer.toByteArray();
				this.probe = a;
			}
			write(b);
			return this.buffer.compareFrom(this.probeBytes);
		}

		/**
		 * Write the key as H2's {@code SerializedObjectType} does: tag 19, the length,
		 * then what {@code new ObjectOutputStream(out).writeObject(key)} writes, which is
		 * the stream header and then the bytes this stream writes after its reset marker.
		 */
		void writeTo(WriteBuffer target, Object key) {
			write(key);
			int body = this.buffer.size() - 1;
			target.put(SERIALIZED_OBJECT)
				.putVarInt(STREAM_HEADER.length + body)
				.put(STREAM_HEADER)
				.put(this.buffer.bytes(), 1, body);
		}

		private void write(Object key) {
			try {
				this.buffer.reset();
				this.out.reset();
				this.out.writeObject(key);
				this.out.flush();
			}
			catch (IOException ex) {
				this.probe = null;
				throw new UncheckedIOException(ex);
			}
		}

	}

	/** A byte buffer that compares its content without copying it. */
	private static final class Buffer extends ByteArrayOutputStream {

		byte[] bytes() {
			return this.buf;
		}

		/**
		 * Compare {@code other} with this buffer's bytes, unsigned, shorter first on a
		 * common prefix ({@link ObjectDataType#compareNotNull(byte[], byte[])}).
		 */
		int compareFrom(byte[] other) {
			int length = Math.min(other.length, this.count);
			for (int i = 0; i < length; i++) {
				int x = other[i] & 0xff;
				int y = this.buf[i] & 0xff;
				if (x != y) {
					return (x > y) ? 1 : -1;
				}
			}
			return Integer.signum(other.length - this.count);
		}

	}

}
