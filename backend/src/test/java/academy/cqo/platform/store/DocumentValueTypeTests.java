package academy.cqo.platform.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents are reckoned in the page cache at their heap size: a cache of a given size
 * holds the documents that fit in it, also right after a restart, and stores written
 * before open unchanged.
 */
class DocumentValueTypeTests {

	private static final int DOCUMENTS = 3_000;

	@TempDir
	Path dataDir;

	@Test
	void afterARestartACacheLargeEnoughForTheDocumentsServesTheSecondReadOfEachWithoutTheFile() {
		Path file = this.dataDir.resolve("cache.mv.db");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 4);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> answers = client.getDatabase("cqo").getCollection("answers");
			Flux.range(0, DOCUMENTS / 500)
				.concatMap((batch) -> Mono.from(answers.insertMany(IntStream.range(batch * 500, batch * 500 + 500)
					.mapToObj(DocumentValueTypeTests::answer)
					.toList())))
				.blockLast();
		}
		// every page once: the reads of one pass with a cache far larger than the store
		long pages;
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file, 256);
				MongoClient client = MongoClients.create(server.connectionString())) {
			assertThat(readEachById(client)).isEqualTo(DOCUMENTS);
			pages = server.pageReadsFromFile();
		}
		// about 3,000 × 0.9 kB of decoded documents fit in 4 MB; reckoned at 10 kB each
		// (H2's default after a restart) about 400 would: measured with H2's default
		// type,
		// the three passes read 1,355 pages against 1,143 for one pass with the large
		// cache
		// (with this type 475 against 459)
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
	void aStoreWrittenWithTheDefaultValueTypeReadsTheSameAndTheReverse() {
		Path file = this.dataDir.resolve("compatible.mv.db");
		de.bwaldvogel.mongo.bson.Document written = new de.bwaldvogel.mongo.bson.Document("_id", "a:1")
			.append("response", List.of("B"))
			.append("seq", 3L)
			.append("stem", "下列哪项属于首席质量官的职责？")
			.append("nested", new de.bwaldvogel.mongo.bson.Document("n", 1));
		try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
			store.openMap("old").put("a:1", written);
			MVMap<Object, de.bwaldvogel.mongo.bson.Document> current = store.openMap("new",
					new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new DocumentValueType()));
			current.put("a:1", written);
		}
		try (MVStore store = new MVStore.Builder().fileName(file.toString()).open()) {
			MVMap<Object, de.bwaldvogel.mongo.bson.Document> old = store.openMap("old",
					new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new DocumentValueType()));
			MVMap<Object, Object> current = store.openMap("new");
			assertThat(old.get("a:1")).isEqualTo(written);
			assertThat(current.get("a:1")).isEqualTo(written);
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
		DocumentValueType type = new DocumentValueType();
		assertThat(type.getMemory(small)).isBetween(150, 400);
		assertThat(type.getMemory(latin) - type.getMemory(small)).isBetween(1_000, 1_200);
		assertThat(type.getMemory(chinese) - type.getMemory(small)).isBetween(2_000, 2_200);
		assertThat(type.getMemory(nested)).isGreaterThan(2 * type.getMemory(latin));
		assertThat(type.getMemory(Map.of())).as("other values as H2 reckons them").isPositive();
	}

	private static Document answer(int i) {
		return new Document("_id", "attempt-" + (i / 20) + ":q" + (i % 20)).append("response", List.of("A", "C"))
			.append("seq", (long) i)
			.append("sealed", false)
			.append("note", "第" + i + "题的作答记录".repeat(8));
	}

	private static long readEachById(MongoClient client) {
		MongoCollection<Document> answers = client.getDatabase("cqo").getCollection("answers");
		return Flux.range(0, DOCUMENTS)
			.concatMap((i) -> Mono
				.from(answers.find(new Document("_id", "attempt-" + (i / 20) + ":q" + (i % 20))).first()))
			.count()
			.block();
	}

}
