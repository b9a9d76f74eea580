package academy.cqo.platform.store;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page cache holds what fits in it, also right after a restart: documents
 * ({@link DocumentDataType}) and unique-index keys ({@link IndexKeyType}) are reckoned at
 * about their heap size, not at H2's 10 kB guess for a serialised object.
 */
class PageCacheTests {

	static final int DOCUMENTS = 3_000;

	@TempDir
	Path dataDir;

	@Test
	void afterARestartACacheLargeEnoughForTheDocumentsServesTheSecondReadOfEachWithoutTheFile() {
		Path file = this.dataDir.resolve("cache.mv.db");
		writeAnswers(file, 4);
		// every page once: the reads of one pass with a cache far larger than the store
		long pages;
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 256);
				MongoClient client = MongoClients.create(server.connectionString())) {
			assertThat(readEachById(client)).isEqualTo(DOCUMENTS);
			pages = server.pageReadsFromFile();
		}
		// about 3,000 × 1.1 kB of decoded documents fit in 4 MB; reckoned at 10 kB each
		// (H2's guess for a serialised object after a restart) about 400 would: measured
		// with Java serialisation, the three passes read 1,355 pages against 1,143 for
		// one
		// pass with the large cache; with BSON reckoned at a running average that starts
		// at
		// 10 kB, 1,205 against 1,020
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 4);
				MongoClient client = MongoClients.create(server.connectionString())) {
			for (int pass = 0; pass < 3; pass++) {
				assertThat(readEachById(client)).isEqualTo(DOCUMENTS);
			}
			assertThat(server.pageReadsFromFile()).as("pages read from the file by three passes over every document")
				.isLessThanOrEqualTo(pages + pages / 10);
			assertThat(server.cacheUsedMegabytes()).as("the cache holding them, in MB").isBetween(1, 4);
		}
	}

	@Test
	void aDocumentIsReckonedByWhatItHolds() {
		de.bwaldvogel.mongo.bson.Document small = new de.bwaldvogel.mongo.bson.Document("_id", "a:1");
		de.bwaldvogel.mongo.bson.Document latin = new de.bwaldvogel.mongo.bson.Document("_id", "a:1").append("text",
				"x".repeat(1_000));
		de.bwaldvogel.mongo.bson.Document chinese = new de.bwaldvogel.mongo.bson.Document("_id", "a:1").append("text",
				"质".repeat(1_000));
		de.bwaldvogel.mongo.bson.Document nested = new de.bwaldvogel.mongo.bson.Document("_id", "a:1").append("list",
				List.of(latin, latin));
		assertThat(HeapSize.of(small)).isBetween(150L, 400L);
		assertThat(HeapSize.of(latin) - HeapSize.of(small)).isBetween(1_000L, 1_200L);
		assertThat(HeapSize.of(chinese) - HeapSize.of(small)).isBetween(2_000L, 2_200L);
		assertThat(HeapSize.of(nested)).isGreaterThan(2 * HeapSize.of(latin));
		assertThat(new IndexKeyType().getMemory(new de.bwaldvogel.mongo.backend.KeyValue(List.of("attempt:1"))))
			.as("an index key, not H2's 10 kB guess")
			.isBetween(50, 300);
	}

	/**
	 * Write {@link #DOCUMENTS} answers (about 1.1 kB each once decoded) into a store.
	 * @param file the store file
	 * @param cacheMegabytes the page cache while writing
	 */
	static void writeAnswers(Path file, int cacheMegabytes) {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, cacheMegabytes);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> answers = client.getDatabase("cqo").getCollection("answers");
			Flux.range(0, DOCUMENTS / 500)
				.concatMap((batch) -> Mono.from(answers.insertMany(
						IntStream.range(batch * 500, batch * 500 + 500).mapToObj(PageCacheTests::answer).toList())))
				.blockLast();
		}
	}

	/**
	 * The id of the i-th answer {@link #writeAnswers} writes.
	 * @param i from 0 to {@link #DOCUMENTS}
	 * @return its {@code _id}
	 */
	static String answerId(int i) {
		return "attempt-" + (i / 20) + ":q" + (i % 20);
	}

	private static Document answer(int i) {
		return new Document("_id", answerId(i)).append("response", List.of("A", "C"))
			.append("seq", (long) i)
			.append("sealed", false)
			.append("note", "第" + i + "题的作答记录".repeat(8));
	}

	private static long readEachById(MongoClient client) {
		MongoCollection<Document> answers = client.getDatabase("cqo").getCollection("answers");
		return Flux.range(0, DOCUMENTS)
			.concatMap((i) -> Mono.from(answers.find(new Document("_id", answerId(i))).first()))
			.count()
			.block();
	}

}
