package academy.cqo.platform.store;

import java.util.Collection;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's documents' maps: documents are written and read
 * exactly as H2's default {@link ObjectDataType} writes and reads them, but the page
 * cache reckons each at about the heap its decoded form takes.
 * <p>
 * H2's default type reckons a Java-serialised value at a running average of the sizes it
 * has <em>written</em>, starting at 10,000 bytes: after a restart every document read
 * counted 10 kB until the map was written again, and afterwards about its serialised
 * size, a fraction of its heap size. The cache ({@code CQO_STORE_CACHE_MB}) so held a few
 * thousand documents at most, and on an exam day of 500 candidates (about 11,000 attempts
 * and answer documents) the store spent a quarter of its time reading pages back from the
 * file and deserialising every document in them ({@code docs/BENCHMARKS.md}, eighth
 * session). Reckoned at their heap size, the cache setting is what the cached documents
 * take on the heap.
 */
final class DocumentValueType extends ObjectDataType {

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

	@Override
	public int getMemory(Object value) {
		if (value instanceof Document document) {
			return (int) Math.min(Integer.MAX_VALUE, heapBytes(document));
		}
		return super.getMemory(value);
	}

	/**
	 * About how many bytes of heap a value takes once decoded (a 64-bit JVM with
	 * compressed references), counting every string on its own as deserialisation makes
	 * them.
	 * @param value a document, list, string or other stored value
	 * @return the estimate
	 */
	static long heapBytes(Object value) {
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
				bytes += ENTRY + heapBytes(entry.getKey()) + heapBytes(entry.getValue());
			}
			return bytes;
		}
		if (value instanceof Collection<?> collection) {
			long bytes = ARRAY_LIST + align(ARRAY + (long) REFERENCE * collection.size());
			for (Object element : collection) {
				bytes += heapBytes(element);
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
