package academy.cqo.platform.store;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.bson.BsonBinarySubType;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.types.Binary;
import org.bson.types.Code;
import org.bson.types.Decimal128;
import org.bson.types.MaxKey;
import org.bson.types.MinKey;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded store keeps documents as BSON: every value a stored document can hold
 * comes back with its type, value and field order after the store file is closed and
 * reopened; a store written with Java serialisation (the stock backend) opens and reads
 * unchanged, changed documents are rewritten as BSON and both kinds live side by side.
 */
class DocumentDataTypeTests {

	private static final String DATA_MAP = "databases.cqo.things";

	private static final byte SERIALISED = 19;

	@TempDir
	Path dataDir;

	@Test
	void whenADocumentHoldsEveryValueTypeThenItComesBackWithItsTypesAndOrderAfterReopening() {
		Path file = this.dataDir.resolve("types.mv.db");
		Document sent = everyType();
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			Mono.from(things(client).insertOne(sent)).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		}
		assertThat(storedForms(file)).containsEntry("every-type", DocumentDataType.BSON_TAG);
		// what mongo-java-server's own decoder makes of the bytes the driver sent is what
		// the server stored; that is what must come back from the file
		de.bwaldvogel.mongo.bson.Document held = serverSide(sent);
		de.bwaldvogel.mongo.bson.Document stored = readDirectly(file, "every-type");
		assertSame(stored, held, "");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			Mono.from(things(client).find(Filters.eq("_id", "every-type")).first())
				.as(StepVerifier::create)
				.assertNext((found) -> {
					assertThat(found).isEqualTo(sent);
					assertThat(List.copyOf(found.keySet())).isEqualTo(List.copyOf(sent.keySet()));
				})
				.verifyComplete();
		}
	}

	@Test
	void whenAValueCannotBeCarriedExactlyAsBsonThenTheDocumentIsWrittenTheOldWayAndReadBackExactly() {
		Path file = this.dataDir.resolve("odd.mv.db");
		Map<String, de.bwaldvogel.mongo.bson.Document> written = new HashMap<>();
		written.put("plain", new de.bwaldvogel.mongo.bson.Document("_id", "plain").append("at",
				Instant.ofEpochMilli(1_733_400_000_123L)));
		// $currentDate sets an instant to the microsecond; BSON keeps milliseconds
		written.put("micros", new de.bwaldvogel.mongo.bson.Document("_id", "micros").append("at",
				Instant.ofEpochSecond(1_733_400_000L, 123_456_000)));
		written.put("set", new de.bwaldvogel.mongo.bson.Document("_id", "set").append("tags",
				new LinkedHashSet<>(List.of("b", "a"))));
		written.put("surrogate",
				new de.bwaldvogel.mongo.bson.Document("_id", "surrogate").append("text", "half \uD83D pair"));
		written.put("nul", new de.bwaldvogel.mongo.bson.Document("_id", "nul").append("a\u0000b", 1));
		written.put("nested", new de.bwaldvogel.mongo.bson.Document("_id", "nested").append("inner",
				new de.bwaldvogel.mongo.bson.Document("at", Instant.ofEpochSecond(1, 1))));
		MVStore store = new MVStore.Builder().fileName(file.toString()).compress().open();
		MVMap<Object, de.bwaldvogel.mongo.bson.Document> map = store.openMap(DATA_MAP,
				new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new DocumentDataType()));
		written.forEach(map::put);
		store.close();
		Map<Object, Byte> forms = storedForms(file);
		assertThat(forms).containsEntry("plain", DocumentDataType.BSON_TAG)
			.containsEntry("micros", SERIALISED)
			.containsEntry("set", SERIALISED)
			.containsEntry("surrogate", SERIALISED)
			.containsEntry("nul", SERIALISED)
			.containsEntry("nested", SERIALISED);
		for (String id : written.keySet()) {
			assertSame(readDirectly(file, id), written.get(id), id);
		}
	}

	@Test
	void whenAStoreWasWrittenWithJavaSerialisationThenEveryDocumentReadsAndChangedOnesAreRewrittenAsBson() {
		Path file = this.dataDir.resolve("old.mv.db");
		int count = 300;
		MVStore old = new MVStore.Builder().fileName(file.toString()).compress().open();
		MongoServer stock = new MongoServer(new H2Backend(old));
		try (MongoClient client = MongoClients.create(connectionString(stock.bind()))) {
			Flux.range(0, count)
				.concatMap((i) -> things(client).insertOne(thing(i)))
				.then()
				.as(StepVerifier::create)
				.verifyComplete();
		}
		finally {
			stock.shutdownNow();
			old.close();
		}
		assertThat(storedForms(file).values()).hasSize(count).containsOnly(SERIALISED);
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> things = things(client);
			assertEveryThing(things, count, -1);
			Mono.from(things.updateOne(Filters.eq("_id", "thing-7"), Updates.set("seq", 1_000L)))
				.as(StepVerifier::create)
				.assertNext((result) -> assertThat(result.getModifiedCount()).isEqualTo(1))
				.verifyComplete();
			Mono.from(things.insertOne(thing(count))).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		}
		Map<Object, Byte> forms = storedForms(file);
		assertThat(forms).hasSize(count + 1)
			.containsEntry("thing-7", DocumentDataType.BSON_TAG)
			.containsEntry("thing-" + count, DocumentDataType.BSON_TAG);
		assertThat(forms.values()).contains(SERIALISED);
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			assertEveryThing(things(client), count + 1, 7);
		}
	}

	@Test
	void whenAStoreHoldsBsonPagesThenCodeWithoutThisTypeCannotReadThem() {
		Path file = this.dataDir.resolve("new.mv.db");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			Mono.from(things(client).insertOne(thing(1))).as(StepVerifier::create).expectNextCount(1).verifyComplete();
		}
		MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
		try {
			assertThatThrownBy(() -> store.openMap(DATA_MAP).get("thing-1")).isInstanceOf(MVStoreException.class)
				.hasMessageContaining("Unknown tag 126");
		}
		finally {
			store.close();
		}
	}

	private static Document everyType() {
		byte[] sixteen = new byte[16];
		for (int i = 0; i < sixteen.length; i++) {
			sixteen[i] = (byte) (i * 17);
		}
		return new Document("_id", "every-type").append("text", "首席质量官 CQO ✓ 𝄞")
			.append("empty", "")
			.append("int", 42)
			.append("long", 42L)
			.append("double", 42.0)
			.append("negativeZero", -0.0)
			.append("nan", Double.NaN)
			.append("yes", true)
			.append("no", false)
			.append("nothing", null)
			.append("nested", new Document("z", 1).append("a", new Document("deeper", List.of(1L, "x"))))
			.append("emptyDocument", new Document())
			.append("list", List.of(1, "two", 3.5, new Document("four", 4), List.of(5, List.of())))
			.append("emptyList", List.of())
			.append("objectId", new ObjectId("6751a1b2c3d4e5f601234567"))
			.append("date", new Date(1_733_400_000_123L))
			.append("beforeEpoch", new Date(-86_400_001L))
			.append("binary", new Binary(new byte[] { 0, 1, 2, (byte) 0xff }))
			.append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, sixteen))
			.append("legacyUuid", new Binary(BsonBinarySubType.UUID_LEGACY, sixteen))
			.append("decimal", Decimal128.parse("-12.340"))
			.append("timestamp", new BsonTimestamp(1_733_400_000, 7))
			.append("min", new MinKey())
			.append("max", new MaxKey())
			.append("regex", new org.bson.BsonRegularExpression("^质量.*$", "i"))
			.append("code", new Code("function () { return 1; }"))
			.append("last", Long.MIN_VALUE);
	}

	private static de.bwaldvogel.mongo.bson.Document serverSide(Document sent) {
		ByteBuffer encoded = new RawBsonDocument(sent, new DocumentCodec()).getByteBuffer().asNIO();
		byte[] bytes = new byte[encoded.remaining()];
		encoded.get(bytes);
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
	}

	/**
	 * Equal, of the same classes at every level, with the fields in the same order.
	 */
	private static void assertSame(Object actual, Object expected, String path) {
		if (expected == null) {
			assertThat(actual).as(path).isNull();
			return;
		}
		assertThat(actual).as(path).isNotNull();
		assertThat(actual.getClass()).as(path).isEqualTo(expected.getClass());
		if (expected instanceof de.bwaldvogel.mongo.bson.Document document) {
			de.bwaldvogel.mongo.bson.Document other = (de.bwaldvogel.mongo.bson.Document) actual;
			assertThat(List.copyOf(other.keySet())).as(path).isEqualTo(List.copyOf(document.keySet()));
			document.forEach((key, value) -> assertSame(other.get(key), value, path + "." + key));
		}
		else if (expected instanceof Collection<?> collection) {
			List<?> elements = new ArrayList<>(collection);
			List<?> others = new ArrayList<>((Collection<?>) actual);
			assertThat(others).as(path).hasSameSizeAs(elements);
			for (int i = 0; i < elements.size(); i++) {
				assertSame(others.get(i), elements.get(i), path + "[" + i + "]");
			}
		}
		else if (expected instanceof BsonRegularExpression regex) {
			// compared by identity in mongo-java-server
			BsonRegularExpression other = (BsonRegularExpression) actual;
			assertThat(other.getPattern()).as(path).isEqualTo(regex.getPattern());
			assertThat(other.getOptions()).as(path).isEqualTo(regex.getOptions());
		}
		else if (expected instanceof Double number) {
			assertThat(Double.doubleToRawLongBits((Double) actual)).as(path)
				.isEqualTo(Double.doubleToRawLongBits(number));
		}
		else if (expected instanceof de.bwaldvogel.mongo.bson.MinKey
				|| expected instanceof de.bwaldvogel.mongo.bson.MaxKey) {
			// singletons without equals: the class is the value
		}
		else {
			assertThat(actual).as(path).isEqualTo(expected);
		}
	}

	private static de.bwaldvogel.mongo.bson.Document readDirectly(Path file, String id) {
		MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
		try {
			MVMap<Object, de.bwaldvogel.mongo.bson.Document> map = store.openMap(DATA_MAP,
					new MVMap.Builder<Object, de.bwaldvogel.mongo.bson.Document>().valueType(new DocumentDataType()));
			return map.get(id);
		}
		finally {
			store.close();
		}
	}

	/** The first byte each stored document was written with, by key. */
	private static Map<Object, Byte> storedForms(Path file) {
		MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
		try {
			MVMap<Object, Byte> map = store.openMap(DATA_MAP,
					new MVMap.Builder<Object, Byte>().valueType(new FirstByte()));
			Map<Object, Byte> forms = new HashMap<>();
			map.forEach(forms::put);
			return forms;
		}
		finally {
			store.close();
		}
	}

	private static MongoCollection<Document> things(MongoClient client) {
		return client.getDatabase("cqo").getCollection("things");
	}

	private static Document thing(int i) {
		return new Document("_id", "thing-" + i).append("owner", "owner-" + (i % 37))
			.append("number", i)
			.append("seq", (long) i)
			.append("at", new Date(1_733_400_000_000L + i))
			.append("answers", List.of(new Document("q", "q" + i).append("response", List.of("A", "C"))));
	}

	private static void assertEveryThing(MongoCollection<Document> things, int count, int changed) {
		Flux.from(things.find()).collectList().as(StepVerifier::create).assertNext((found) -> {
			assertThat(found).hasSize(count);
			for (Document thing : found) {
				int i = Integer.parseInt(thing.getString("_id").substring("thing-".length()));
				Document expected = thing(i);
				if (i == changed) {
					expected.put("seq", 1_000L);
				}
				assertThat(thing).isEqualTo(expected);
			}
		}).verifyComplete();
	}

	private static String connectionString(java.net.InetSocketAddress address) {
		return "mongodb://" + address.getHostString() + ":" + address.getPort();
	}

	/**
	 * Reads a stored value's first byte, then skips the value as the store's type reads
	 * it.
	 */
	private static final class FirstByte extends BasicDataType<Byte> {

		private final DocumentDataType values = new DocumentDataType();

		@Override
		public int getMemory(Byte obj) {
			return 16;
		}

		@Override
		public void write(WriteBuffer buff, Byte obj) {
			throw new UnsupportedOperationException("read only");
		}

		@Override
		public Byte read(ByteBuffer buff) {
			byte first = buff.get(buff.position());
			this.values.read(buff);
			return first;
		}

		@Override
		public Byte[] createStorage(int size) {
			return new Byte[size];
		}

	}

}
