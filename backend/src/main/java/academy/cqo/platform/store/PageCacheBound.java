package academy.cqo.platform.store;

import java.lang.reflect.Field;
import java.util.List;

import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.cache.CacheLongKeyLIRS;

/**
 * Holds one of H2's caches to the size it was given. H2's {@link CacheLongKeyLIRS} keeps
 * a weak reference to every page it evicts (for up to twelve times as many pages as it
 * holds), and a read that finds such a page alive takes it back and counts it again
 * without evicting anything: the cache only shrinks back at its next {@code put}. With
 * the serial collector a page that reached the old generation stays reachable for
 * minutes, so an idle platform whose sweeps read the same pages held 87 MB of decoded
 * pages in its "16 MB" cache, and 90 MB more heap than with a 4 MB cache
 * ({@code docs/BENCHMARKS.md}, tenth session). {@link #trim()} drops the least recently
 * used pages until the cache is within its size again: cold pages first, oldest first, as
 * H2's own eviction does, then hot ones. Every cached page is saved in the file, so a
 * dropped page is read again when next needed.
 */
final class PageCacheBound {

	private final String name;

	private final CacheLongKeyLIRS<?> cache;

	private PageCacheBound(String name, CacheLongKeyLIRS<?> cache) {
		this.name = name;
		this.cache = cache;
	}

	/**
	 * The bound of an open store's page cache.
	 * @param store the store
	 * @return the bound, or {@code null} when the store has no page cache
	 */
	static PageCacheBound pages(MVStore store) {
		CacheLongKeyLIRS<?> cache = field(store.getFileStore(), "cache");
		return (cache != null) ? new PageCacheBound("pages", cache) : null;
	}

	/**
	 * The bound of an open store's cache of chunk tables of contents (1 MB, fixed by H2).
	 * @param store the store
	 * @return the bound
	 */
	static PageCacheBound chunkContents(MVStore store) {
		return new PageCacheBound("chunk contents", field(store.getFileStore(), "chunksToC"));
	}

	/**
	 * A bound for a given cache (for tests).
	 * @param cache the cache
	 * @return the bound
	 */
	static PageCacheBound of(CacheLongKeyLIRS<?> cache) {
		return new PageCacheBound("cache", cache);
	}

	private static CacheLongKeyLIRS<?> field(FileStore<?> fileStore, String name) {
		try {
			Field field = FileStore.class.getDeclaredField(name);
			field.setAccessible(true);
			return (CacheLongKeyLIRS<?>) field.get(fileStore);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("H2's FileStore no longer has the cache field '" + name
					+ "' this platform bounds (see PageCacheBound): check the H2 version", ex);
		}
	}

	/**
	 * Drop the least recently used pages until the cache holds no more than its size.
	 * @return how many pages were dropped (0 when the cache was within its size)
	 */
	int trim() {
		long max = this.cache.getMaxMemory();
		if (this.cache.getUsedMemory() <= max) {
			return 0;
		}
		int dropped = 0;
		for (boolean cold : new boolean[] { true, false }) {
			// the resident cold pages, then the stack (hot pages and recently used cold
			// ones): each newest first, so dropped from the end
			List<Long> keys = this.cache.keys(cold, false);
			for (int i = keys.size() - 1; i >= 0 && this.cache.getUsedMemory() > max; i--) {
				if (this.cache.remove(keys.get(i)) != null) {
					dropped++;
				}
			}
		}
		return dropped;
	}

	/**
	 * What the cache holds now.
	 * @return bytes, as H2 reckons them
	 */
	long usedBytes() {
		return this.cache.getUsedMemory();
	}

	/**
	 * The size the cache was given.
	 * @return bytes
	 */
	long maxBytes() {
		return this.cache.getMaxMemory();
	}

	/**
	 * The pages held now (for tests, which keep them reachable).
	 * @return the resident pages
	 */
	List<?> residentPages() {
		return this.cache.values();
	}

	@Override
	public String toString() {
		return this.name + " cache " + (usedBytes() >> 10) + " of " + (maxBytes() >> 10) + " kB";
	}

}
