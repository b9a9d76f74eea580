package academy.cqo.platform.store;

import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/**
 * About how much heap a stored value takes once decoded: how the page cache reckons
 * documents ({@link DocumentDataType}) and unique-index keys ({@link IndexKeyType}), and
 * so what {@code CQO_STORE_CACHE_MB} holds. H2's default reckons a serialised object at a
 * running average of the sizes it has written, starting at 10,000 bytes, so after a
 * restart every document and index key read counted 10 kB until its map was written
 * again, and the cache held a few hundred of them ({@code docs/BENCHMARKS.md}, eighth
 * session; {@code PageCacheTests}).
 */
final class HeapSize {

	/** Object header and the map field of a {@link Document}. */
	private static final int DOCUMENT = 16;

	/** A {@code LinkedHashMap} with its head, tail and counters. */
	private static final int LINKED_HASH_MAP = 56;

	/** A {@code LinkedHashMap.Entry}: hash, key, value, next, before, after. */
	private static final int ENTRY = 40;

	/** An array's header. */
	private static final int ARRAY = 16;

	/** A reference (compressed). */
	private static final int REFERENCE = 4;

	/** A {@code String} object with the header of its byte array. */
	private static final int STRING = 24 + ARRAY;

	/** An {@code ArrayList}. */
	private static final int ARRAY_LIST = 24;

	/** Any other value: a boxed number, an instant, an object id with its bytes. */
	private static final int OTHER = 24;

	private HeapSize() {
	}

	/**
	 * About how many bytes of heap a value takes once decoded (a 64-bit JVM with
	 * compressed references), counting every string on its own as deserialisation makes
	 * them.
	 * @param value a document, list, string or other stored value
	 * @return the estimate
	 */
	static long of(Object value) {
		if (value == null || value instanceof Boolean) {
			return 0;
		}
		if (value instanceof String string) {
			return align(STRING + (isLatin1(string) ? string.length() : 2L * string.length()));
		}
		if (value instanceof Map<?, ?> map) {
			int capacity = Integer.highestOneBit(Math.max(16, (int) (map.size() / 0.75f) + 1) - 1) << 1;
			long bytes = DOCUMENT + LINKED_HASH_MAP + align(ARRAY + (long) REFERENCE * capacity);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				bytes += ENTRY + of(entry.getKey()) + of(entry.getValue());
			}
			return bytes;
		}
		if (value instanceof Collection<?> collection) {
			long bytes = ARRAY_LIST + align(ARRAY + (long) REFERENCE * collection.size());
			for (Object element : collection) {
				bytes += of(element);
			}
			return bytes;
		}
		if (value instanceof byte[] bytes) {
			return align(ARRAY + bytes.length) + OTHER;
		}
		return OTHER;
	}

	private static boolean isLatin1(String string) {
		for (int i = 0; i < string.length(); i++) {
			if (string.charAt(i) > 0xFF) {
				return false;
			}
		}
		return true;
	}

	private static long align(long bytes) {
		return (bytes + 7) & ~7L;
	}

}
