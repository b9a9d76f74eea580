package academy.cqo.platform.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.util.List;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2UniqueIndex;
import org.h2.mvstore.MVMap;
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
 * the four-byte header, which does not change the order). Keys are written to disk
 * exactly as before, so stores written by either type open with the other.
 */
final class IndexKeyType extends ObjectDataType {

	private static final ThreadLocal<Serializer> serializers = ThreadLocal.withInitial(Serializer::new);

	private static final Constructor<H2UniqueIndex> UNIQUE_INDEX = uniqueIndexConstructor();

	@Override
	public int compare(Object a, Object b) {
		if (a == b) {
			return 0;
		}
		if (a instanceof KeyValue && b instanceof KeyValue) {
			return serializers.get().compare(a, b);
		}
		return super.compare(a, b);
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
