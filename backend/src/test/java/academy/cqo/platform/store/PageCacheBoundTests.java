package academy.cqo.platform.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.h2.mvstore.cache.CacheLongKeyLIRS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2's page cache takes back evicted pages that are still reachable without evicting
 * others, so it grows past its size while nothing is written; {@link PageCacheBound}
 * holds it to its size.
 */
class PageCacheBoundTests {

	@TempDir
	Path dataDir;

	@Test
	void pagesTakenBackFromWeakReferencesAreDroppedUntilTheCacheIsWithinItsSize() {
		CacheLongKeyLIRS.Config config = new CacheLongKeyLIRS.Config();
		config.maxMemory = 64 * 1024;
		config.segmentCount = 1;
		CacheLongKeyLIRS<byte[]> cache = new CacheLongKeyLIRS<>(config);
		List<byte[]> reachable = new ArrayList<>();
		for (long key = 0; key < 200; key++) {
			byte[] page = new byte[1024];
			reachable.add(page);
			cache.put(key, page, 1024);
		}
		assertThat(cache.getUsedMemory()).as("after the puts").isLessThanOrEqualTo(config.maxMemory);
		for (long key = 0; key < 200; key++) {
			assertThat(cache.get(key)).as("page %d, evicted but reachable", key).isSameAs(reachable.get((int) key));
		}
		assertThat(cache.getUsedMemory()).as("H2 alone, after reading every page again")
			.isGreaterThan(2 * config.maxMemory);

		PageCacheBound bound = PageCacheBound.of(cache);
		assertThat(bound.trim()).as("pages dropped").isPositive();
		assertThat(cache.getUsedMemory()).isLessThanOrEqualTo(config.maxMemory).isGreaterThan(config.maxMemory / 2);
		assertThat(bound.trim()).as("within its size: nothing to drop").isZero();
		assertThat(cache.get(199)).as("the most recently used page is kept").isSameAs(reachable.get(199));
	}

	@Test
	void theServerHoldsItsPageCacheToItsSizeWhileOnlyReading() {
		Path file = this.dataDir.resolve("bound.mv.db");
		PageCacheTests.writeAnswers(file, 256);
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 1);
				MongoClient client = MongoClients.create(server.connectionString())) {
			PageCacheBound pages = server.pageCache();
			assertThat(pages.maxBytes()).as("the cache H2 reads pages through").isEqualTo(1024 * 1024);
			// every page read is kept reachable, as pages that reached the old generation
			// are
			// until a full collection
			List<Object> reachable = new ArrayList<>();
			MongoCollection<Document> answers = client.getDatabase("cqo").getCollection("answers");
			for (int i = 0; i < PageCacheTests.DOCUMENTS; i++) {
				assertThat(Mono.from(answers.find(new Document("_id", PageCacheTests.answerId(i))).first()).block())
					.isNotNull();
				reachable.addAll(pages.residentPages());
			}
			long largest = 0;
			for (int i = 0; i < PageCacheTests.DOCUMENTS; i++) {
				assertThat(Mono.from(answers.find(new Document("_id", PageCacheTests.answerId(i))).first()).block())
					.isNotNull();
				largest = Math.max(largest, pages.usedBytes());
			}
			assertThat(largest).as("bytes held while reading again (H2 takes reachable pages back)")
				.isGreaterThan(pages.maxBytes());
			// the thread store-cache-bound brings it back (every half second)
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while ((server.pagesDroppedOverSize() == 0 || pages.usedBytes() > pages.maxBytes())
					&& System.nanoTime() < deadline) {
				LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
			}
			assertThat(server.pagesDroppedOverSize()).as("pages dropped by the bound").isPositive();
			assertThat(pages.usedBytes()).isLessThanOrEqualTo(pages.maxBytes());
			assertThat(reachable).isNotEmpty();
		}
	}

}
