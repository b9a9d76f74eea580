package academy.cqo.platform.store;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unique indexes' key type orders keys exactly as H2's default type did, so stores
 * written before open and answer lookups, and stores written now open with the stock
 * backend as far as their index keys go (its documents are BSON now, which the stock
 * backend cannot read: {@code DocumentDataTypeTests}).
 */
class IndexKeyTypeTests {

	@TempDir
	Path dataDir;

	@Test
	void keysCompareInTheOrderOfTheDefaultType() {
		Random random = new Random(17);
		List<KeyValue> keys = new ArrayList<>();
		for (int i = 0; i < 250; i++) {
			keys.add(randomKey(random));
		}
		ObjectDataType stock = new ObjectDataType();
		IndexKeyType fast = new IndexKeyType();
		for (KeyValue a : keys) {
			for (KeyValue b : keys) {
				assertThat(Integer.signum(fast.compare(a, b))).as("%s vs %s", a, b)
					.isEqualTo(Integer.signum(stock.compare(a, b)));
			}
		}
	}

	@Test
	void keysAreWrittenByteForByteAsTheDefaultTypeWritesThemAndReadBack() {
		Random random = new Random(23);
		List<KeyValue> keys = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			keys.add(randomKey(random));
		}
		keys.add(new KeyValue("x".repeat(70_000)));
		keys.add(new KeyValue("a\u0000b"));
		ObjectDataType stock = new ObjectDataType();
		IndexKeyType fast = new IndexKeyType();
		for (KeyValue key : keys) {
			WriteBuffer expected = new WriteBuffer();
			stock.write(expected, key);
			WriteBuffer written = new WriteBuffer();
			fast.write(written, key);
			assertThat(bytes(written)).as("%s", key).isEqualTo(bytes(expected));
			assertThat(stock.read(ByteBuffer.wrap(bytes(written)))).isEqualTo(key);
			assertThat(fast.compare(key, fast.read(ByteBuffer.wrap(bytes(written))))).isZero();
		}
		WriteBuffer page = new WriteBuffer();
		fast.write(page, keys.toArray(), keys.size());
		ByteBuffer read = ByteBuffer.wrap(bytes(page));
		for (KeyValue key : keys) {
			assertThat(stock.read(read)).isEqualTo(key);
		}
		assertThat(read.hasRemaining()).isFalse();
	}

	private static byte[] bytes(WriteBuffer buffer) {
		ByteBuffer written = buffer.getBuffer().duplicate().flip();
		byte[] bytes = new byte[written.remaining()];
		written.get(bytes);
		return bytes;
	}

	@Test
	void keysOfOneStringCompareInTheOrderOfTheDefaultTypeWithoutSerialising() {
		Random random = new Random(23);
		List<KeyValue> keys = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			keys.add(new KeyValue(randomString(random, 1 + random.nextInt(12))));
		}
		// empty, a prefix of another, and the encodings' boundaries: U+007F/U+0080,
		// U+07FF/U+0800, surrogates, U+FFFF, and U+0000 (two bytes, left to the
		// serialiser)
		for (String edge : List.of("", "a", "ab", "a\u007f", "a\u0080", "\u07ff", "\u0800", "\ud83d\ude00", "\uffff",
				"a\u0000", "\u0000", "\u0001", "att-1:q1", "att-1:q10", "att-10:q1")) {
			keys.add(new KeyValue(edge));
		}
		// around the two-byte length: 65,535 bytes encoded, and one more (an eight-byte
		// length)
		keys.add(new KeyValue("x".repeat(0xFFFF)));
		keys.add(new KeyValue("x".repeat(0xFFFE) + "y"));
		keys.add(new KeyValue("x".repeat(0xFFFF) + "a"));
		keys.add(new KeyValue("\u0800".repeat(0x5555)));
		keys.add(new KeyValue("\u0800".repeat(0x5556)));
		ObjectDataType stock = new ObjectDataType();
		IndexKeyType fast = new IndexKeyType();
		int decided = 0;
		for (KeyValue a : keys) {
			for (KeyValue b : keys) {
				int expected = Integer.signum(stock.compare(a, b));
				assertThat(Integer.signum(fast.compare(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
				int order = IndexKeyType.compareSingleStrings(a, b);
				if (order != IndexKeyType.UNDECIDED) {
					assertThat(order).as("%s vs %s without serialising", a, b).isEqualTo(expected);
					decided++;
				}
			}
		}
		// nearly every pair was decided without serialising (not those with U+0000 or too
		// long)
		assertThat(decided).isGreaterThan(keys.size() * keys.size() * 9 / 10);
		assertThat(IndexKeyType.compareSingleStrings(new KeyValue("a\u0000"), new KeyValue("b")))
			.isEqualTo(IndexKeyType.UNDECIDED);
		assertThat(IndexKeyType.compareSingleStrings(new KeyValue("a", "b"), new KeyValue("b")))
			.isEqualTo(IndexKeyType.UNDECIDED);
		assertThat(IndexKeyType.compareSingleStrings(new KeyValue(1L), new KeyValue("b")))
			.isEqualTo(IndexKeyType.UNDECIDED);
	}

	private static String randomString(Random random, int length) {
		StringBuilder value = new StringBuilder();
		for (int i = 0; i < length; i++) {
			switch (random.nextInt(6)) {
				case 0, 1, 2 -> value.append((char) (0x20 + random.nextInt(0x5f)));
				case 3 -> value.append((char) (0x80 + random.nextInt(0x780)));
				case 4 -> value.append((char) (0x800 + random.nextInt(0xF7FF)));
				default -> value.appendCodePoint(0x10000 + random.nextInt(0x10000));
			}
		}
		return value.toString();
	}

	private static KeyValue randomKey(Random random) {
		int size = 1 + random.nextInt(3);
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			values.add(switch (random.nextInt(7)) {
				case 0 -> "att-" + random.nextInt(5000) + ":q" + random.nextInt(20);
				case 1 -> "质量安全" + random.nextInt(100);
				case 2 -> random.nextInt(2000) - 1000;
				case 3 -> random.nextLong();
				case 4 -> random.nextDouble();
				case 5 -> new ObjectId();
				default -> (random.nextBoolean()) ? Boolean.TRUE : "";
			});
		}
		return new KeyValue(values);
	}

	@Test
	void whenAStoreWasWrittenByTheStockBackendThenEveryKeyIsFoundAndTheOtherWayRound() {
		Path file = this.dataDir.resolve("old.mv.db");
		MVStore old = new MVStore.Builder().fileName(file.toString()).compress().open();
		MongoServer stock = new MongoServer(new H2Backend(old));
		try (MongoClient client = MongoClients.create(connectionString(stock.bind()))) {
			MongoCollection<Document> things = client.getDatabase("cqo").getCollection("things");
			Mono.from(things.createIndex(Indexes.ascending("owner", "number"), new IndexOptions().unique(true)))
				.block();
			Flux.range(0, 600)
				.concatMap((i) -> things.insertOne(thing(i)))
				.then()
				.as(StepVerifier::create)
				.verifyComplete();
		}
		finally {
			stock.shutdownNow();
			old.close();
		}
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> things = client.getDatabase("cqo").getCollection("things");
			assertEveryThingFound(things, 600);
			Flux.range(600, 300)
				.concatMap((i) -> things.insertOne(thing(i)))
				.then()
				.as(StepVerifier::create)
				.verifyComplete();
			Mono.from(things.insertOne(thing(5)))
				.as(StepVerifier::create)
				.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("duplicate key"))
				.verify();
		}
		// the stock backend cannot read the documents now stored as BSON
		// (DocumentDataTypeTests), but the index keys are written as before: H2's default
		// type finds every one in the order they were written in
		MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open();
		try {
			for (String index : List.of("_id_", "owner_1_number_1")) {
				MVMap<Object, Object> keys = reopened.openMap("cqo.things._index_" + index);
				assertThat(keys.sizeAsLong()).as(index).isEqualTo(900);
				ObjectDataType order = new ObjectDataType();
				Object previous = null;
				for (Object key : keys.keySet()) {
					assertThat(keys.get(key)).as("%s %s", index, key).isNotNull();
					if (previous != null) {
						assertThat(order.compare(previous, key)).as("%s after %s", key, previous).isNegative();
					}
					previous = key;
				}
			}
		}
		finally {
			reopened.close();
		}
	}

	private static Document thing(int i) {
		return new Document("_id", "thing-" + i).append("owner", "owner-" + (i % 37)).append("number", i);
	}

	private static void assertEveryThingFound(MongoCollection<Document> things, int count) {
		Flux.range(0, count)
			.concatMap(
					(i) -> Mono.from(things.find(new Document("_id", "thing-" + i)).first())
						.zipWith(Mono
							.from(things.find(new Document("owner", "owner-" + (i % 37)).append("number", i)).first())))
			.filter((pair) -> pair.getT1().equals(pair.getT2()))
			.count()
			.as(StepVerifier::create)
			.expectNext((long) count)
			.verifyComplete();
	}

	private static String connectionString(java.net.InetSocketAddress address) {
		return "mongodb://" + address.getHostString() + ":" + address.getPort();
	}

}
