package academy.cqo.platform.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonJavaScript;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.LegacyUUID;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The value type of the embedded store's documents' maps: a document is written as one
 * tag byte ({@link #BSON_TAG}, which H2's {@link ObjectDataType} never writes first)
 * followed by its BSON bytes, instead of Java serialisation.
 * <p>
 * mongo-java-server's H2 backend keeps each collection's documents in an MVStore map with
 * H2's default {@link ObjectDataType}, which Java-serialises every document of every page
 * a commit writes (a new {@code ObjectOutputStream}, class descriptors and all, per
 * document) and deserialises every document of every page it reads back. A commit writes
 * the whole leaf page of each changed document: under answer saves alone that was a sixth
 * of the store's CPU ({@code StoreWriteBenchmark}), in an exam's starts 10–13 %. As BSON
 * a page of answers is written in a quarter and read in a fortieth of the time
 * ({@code DocumentFormatBenchmark}), and the store's CPU per save fell by a quarter.
 * <p>
 * Reading looks at the first byte: this type's tag is decoded as BSON, anything else is
 * read by {@link ObjectDataType} as before, so a store written with Java serialisation
 * opens and reads unchanged, and its pages are rewritten as BSON as they change (or are
 * moved by compaction). The reverse does not hold: code without this type cannot read a
 * page written with it (H2 reports "Unsupported type" or "Unknown tag"), so going back to
 * such a version needs a dump and restore, not the old store file.
 * <p>
 * Every value a stored document holds comes back with the same Java type, value and field
 * order: {@link String}, {@link Integer}, {@link Long}, {@link Double}, {@link Boolean},
 * {@code null}, nested {@link Document}s, lists (as {@link ArrayList}, which is what
 * mongo-java-server's own decoder and its deep copies make of every list),
 * {@link ObjectId}, {@link Instant} (whole milliseconds), {@link BinData}, {@link UUID},
 * {@link LegacyUUID}, {@link Decimal128}, {@link BsonTimestamp}, {@link MinKey},
 * {@link MaxKey}, {@link BsonRegularExpression}, {@link BsonJavaScript}. A document
 * holding anything BSON cannot carry exactly (an instant with a fraction of a
 * millisecond, as {@code $currentDate} sets, a set, another kind of map, a string with an
 * unpaired surrogate, a field name or regular expression with a NUL character, any other
 * class) is written whole with Java serialisation, as before, and reads back as before.
 */
final class DocumentDataType extends ObjectDataType {

	/**
	 * The first byte of a document written as BSON. H2's {@link ObjectDataType} writes
	 * tags 0–19, 32–49 and 64–119 (the same in H2 2.3 and 2.4), a Java-serialised
	 * document always 19.
	 */
	static final byte BSON_TAG = 126;

	private static final byte DOUBLE = 0x01;

	private static final byte STRING = 0x02;

	private static final byte DOCUMENT = 0x03;

	private static final byte ARRAY = 0x04;

	private static final byte BINARY = 0x05;

	private static final byte OBJECT_ID = 0x07;

	private static final byte BOOLEAN = 0x08;

	private static final byte DATE = 0x09;

	private static final byte NULL = 0x0A;

	private static final byte REGEX = 0x0B;

	private static final byte JAVASCRIPT = 0x0D;

	private static final byte INT32 = 0x10;

	private static final byte TIMESTAMP = 0x11;

	private static final byte INT64 = 0x12;

	private static final byte DECIMAL128 = 0x13;

	private static final byte MIN_KEY = (byte) 0xFF;

	private static final byte MAX_KEY = 0x7F;

	private static final byte SUBTYPE_GENERIC = 0x00;

	private static final byte SUBTYPE_LEGACY_UUID = 0x03;

	private static final byte SUBTYPE_UUID = 0x04;

	private static final int UUID_LENGTH = 16;

	private static final int OBJECT_ID_LENGTH = 12;

	/**
	 * A document is reckoned at about its heap size ({@link HeapSize}: an answer about
	 * 1.1 kB, 4.5 times its BSON size; an attempt with its paper 23 kB, 6.7 times), which
	 * decides what the page cache holds and when a page is split (16 kB: about 14 answers
	 * a page). Reckoned per document, not at a running average of the sizes written and
	 * read as H2 reckons serialised objects: that average starts at a guess of 10 kB
	 * after every restart, so the first pages read counted ten times their size and
	 * pushed each other out of the cache, and the first inserts made pages of one or two
	 * documents ({@code PageCacheTests}).
	 */
	@Override
	public int getMemory(Object obj) {
		if (obj instanceof Document document) {
			return (int) Math.min(Integer.MAX_VALUE, HeapSize.of(document));
		}
		return super.getMemory(obj);
	}

	@Override
	public void write(WriteBuffer buff, Object obj) {
		if (obj instanceof Document document) {
			int start = buff.position();
			try {
				buff.put(BSON_TAG);
				writeDocument(buff, document);
				return;
			}
			catch (NotBson ex) {
				// written whole the old way, which reads back exactly
				buff.position(start);
			}
		}
		super.write(buff, obj);
	}

	/**
	 * The path a page's values take: each value as {@link #write(WriteBuffer, Object)}.
	 */
	@Override
	public void write(WriteBuffer buff, Object storage, int len) {
		Object[] values = (Object[]) storage;
		for (int i = 0; i < len; i++) {
			write(buff, values[i]);
		}
	}

	@Override
	public Object read(ByteBuffer buff) {
		if (buff.get(buff.position()) != BSON_TAG) {
			return super.read(buff);
		}
		buff.get();
		return readDocument(buff);
	}

	/** The path a page's values take: each value as {@link #read(ByteBuffer)}. */
	@Override
	public void read(ByteBuffer buff, Object storage, int len) {
		Object[] values = (Object[]) storage;
		for (int i = 0; i < len; i++) {
			values[i] = read(buff);
		}
	}

	private static void writeDocument(WriteBuffer buff, Map<String, Object> document) {
		int start = buff.position();
		buff.putInt(0);
		for (Map.Entry<String, Object> field : document.entrySet()) {
			writeField(buff, field.getKey(), field.getValue());
		}
		buff.put((byte) 0);
		buff.putInt(start, Integer.reverseBytes(buff.position() - start));
	}

	private static void writeArray(WriteBuffer buff, List<?> list) {
		int start = buff.position();
		buff.putInt(0);
		int index = 0;
		for (Object element : list) {
			writeField(buff, Integer.toString(index++), element);
		}
		buff.put((byte) 0);
		buff.putInt(start, Integer.reverseBytes(buff.position() - start));
	}

	private static void writeField(WriteBuffer buff, String name, Object value) {
		if (value == null) {
			buff.put(NULL);
			writeCString(buff, name);
		}
		else if (value instanceof String string) {
			buff.put(STRING);
			writeCString(buff, name);
			writeString(buff, string);
		}
		else if (value instanceof Integer number) {
			buff.put(INT32);
			writeCString(buff, name);
			buff.putInt(Integer.reverseBytes(number));
		}
		else if (value instanceof Long number) {
			buff.put(INT64);
			writeCString(buff, name);
			buff.putLong(Long.reverseBytes(number));
		}
		else if (value instanceof Double number) {
			buff.put(DOUBLE);
			writeCString(buff, name);
			buff.putLong(Long.reverseBytes(Double.doubleToRawLongBits(number)));
		}
		else if (value instanceof Boolean bool) {
			buff.put(BOOLEAN);
			writeCString(buff, name);
			buff.put(bool ? (byte) 1 : (byte) 0);
		}
		else if (value instanceof Document document) {
			buff.put(DOCUMENT);
			writeCString(buff, name);
			writeDocument(buff, document);
		}
		else if (value instanceof List<?> list) {
			buff.put(ARRAY);
			writeCString(buff, name);
			writeArray(buff, list);
		}
		else if (value instanceof Instant instant) {
			buff.put(DATE);
			writeCString(buff, name);
			buff.putLong(Long.reverseBytes(epochMillis(instant)));
		}
		else if (value instanceof ObjectId id) {
			buff.put(OBJECT_ID);
			writeCString(buff, name);
			byte[] bytes = id.toByteArray();
			if (bytes.length != OBJECT_ID_LENGTH) {
				throw NotBson.INSTANCE;
			}
			buff.put(bytes);
		}
		else {
			writeRareField(buff, name, value);
		}
	}

	private static void writeRareField(WriteBuffer buff, String name, Object value) {
		if (value instanceof BinData binary) {
			buff.put(BINARY);
			writeCString(buff, name);
			byte[] data = binary.getData();
			buff.putInt(Integer.reverseBytes(data.length));
			buff.put(SUBTYPE_GENERIC);
			buff.put(data);
		}
		else if (value instanceof UUID uuid) {
			buff.put(BINARY);
			writeCString(buff, name);
			buff.putInt(Integer.reverseBytes(UUID_LENGTH));
			buff.put(SUBTYPE_UUID);
			buff.putLong(uuid.getMostSignificantBits());
			buff.putLong(uuid.getLeastSignificantBits());
		}
		else if (value instanceof LegacyUUID legacy) {
			buff.put(BINARY);
			writeCString(buff, name);
			buff.putInt(Integer.reverseBytes(UUID_LENGTH));
			buff.put(SUBTYPE_LEGACY_UUID);
			buff.putLong(Long.reverseBytes(legacy.getUuid().getMostSignificantBits()));
			buff.putLong(Long.reverseBytes(legacy.getUuid().getLeastSignificantBits()));
		}
		else if (value instanceof Decimal128 decimal) {
			buff.put(DECIMAL128);
			writeCString(buff, name);
			buff.putLong(Long.reverseBytes(decimal.getLow()));
			buff.putLong(Long.reverseBytes(decimal.getHigh()));
		}
		else if (value instanceof BsonTimestamp timestamp) {
			buff.put(TIMESTAMP);
			writeCString(buff, name);
			buff.putLong(Long.reverseBytes(timestamp.getValue()));
		}
		else if (value instanceof BsonRegularExpression regex && regex.getClass() == BsonRegularExpression.class) {
			buff.put(REGEX);
			writeCString(buff, name);
			writeCString(buff, regex.getPattern());
			writeCString(buff, regex.getOptions());
		}
		else if (value instanceof BsonJavaScript script) {
			buff.put(JAVASCRIPT);
			writeCString(buff, name);
			writeString(buff, script.getCode());
		}
		else if (value instanceof MinKey && value.getClass() == MinKey.class) {
			buff.put(MIN_KEY);
			writeCString(buff, name);
		}
		else if (value instanceof MaxKey && value.getClass() == MaxKey.class) {
			buff.put(MAX_KEY);
			writeCString(buff, name);
		}
		else {
			throw NotBson.INSTANCE;
		}
	}

	private static long epochMillis(Instant instant) {
		if (instant.getNano() % 1_000_000 != 0) {
			throw NotBson.INSTANCE;
		}
		try {
			return instant.toEpochMilli();
		}
		catch (ArithmeticException ex) {
			throw NotBson.INSTANCE;
		}
	}

	private static void writeCString(WriteBuffer buff, String text) {
		checkEncodable(text, true);
		buff.put(text.getBytes(StandardCharsets.UTF_8));
		buff.put((byte) 0);
	}

	private static void writeString(WriteBuffer buff, String text) {
		checkEncodable(text, false);
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		buff.putInt(Integer.reverseBytes(bytes.length + 1));
		buff.put(bytes);
		buff.put((byte) 0);
	}

	/**
	 * UTF-8 carries a string exactly unless it holds an unpaired surrogate (written as
	 * {@code ?}); a C string (field name, pattern) cannot hold a NUL character.
	 */
	private static void checkEncodable(String text, boolean cString) {
		for (int i = 0, length = text.length(); i < length; i++) {
			char c = text.charAt(i);
			if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
				if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
				}
				else {
					throw NotBson.INSTANCE;
				}
			}
			else if (c == 0 && cString) {
				throw NotBson.INSTANCE;
			}
		}
	}

	private static Document readDocument(ByteBuffer buff) {
		int end = terminator(buff);
		Document document = new Document();
		while (buff.position() < end) {
			byte type = buff.get();
			String name = readCString(buff);
			document.put(name, readValue(buff, type));
		}
		expectEnd(buff);
		return document;
	}

	private static List<Object> readArray(ByteBuffer buff) {
		int end = terminator(buff);
		List<Object> list = new ArrayList<>();
		while (buff.position() < end) {
			byte type = buff.get();
			skipCString(buff);
			list.add(readValue(buff, type));
		}
		expectEnd(buff);
		return list;
	}

	/**
	 * Read a document's length (which counts itself and the terminating byte).
	 * @return the position of the terminating byte
	 */
	private static int terminator(ByteBuffer buff) {
		int start = buff.position();
		int length = Integer.reverseBytes(buff.getInt());
		return start + length - 1;
	}

	private static void expectEnd(ByteBuffer buff) {
		if (buff.get() != 0) {
			throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT,
					"A BSON document in the store does not end where its length says");
		}
	}

	private static Object readValue(ByteBuffer buff, byte type) {
		return switch (type) {
			case NULL -> null;
			case STRING -> readString(buff);
			case INT32 -> Integer.reverseBytes(buff.getInt());
			case INT64 -> Long.reverseBytes(buff.getLong());
			case DOUBLE -> Double.longBitsToDouble(Long.reverseBytes(buff.getLong()));
			case BOOLEAN -> buff.get() != 0;
			case DOCUMENT -> readDocument(buff);
			case ARRAY -> readArray(buff);
			case DATE -> Instant.ofEpochMilli(Long.reverseBytes(buff.getLong()));
			case OBJECT_ID -> readObjectId(buff);
			case BINARY -> readBinary(buff);
			case DECIMAL128 -> new Decimal128(Long.reverseBytes(buff.getLong()), Long.reverseBytes(buff.getLong()));
			case TIMESTAMP -> new BsonTimestamp(Long.reverseBytes(buff.getLong()));
			case REGEX -> new BsonRegularExpression(readCString(buff), readCString(buff));
			case JAVASCRIPT -> new BsonJavaScript(readString(buff));
			case MIN_KEY -> MinKey.getInstance();
			case MAX_KEY -> MaxKey.getInstance();
			default -> throw DataUtils.newMVStoreException(DataUtils.ERROR_FILE_CORRUPT,
					"Unknown BSON type {0} in a stored document", type);
		};
	}

	private static ObjectId readObjectId(ByteBuffer buff) {
		byte[] bytes = new byte[OBJECT_ID_LENGTH];
		buff.get(bytes);
		return new ObjectId(bytes);
	}

	private static Object readBinary(ByteBuffer buff) {
		int length = Integer.reverseBytes(buff.getInt());
		byte subtype = buff.get();
		return switch (subtype) {
			case SUBTYPE_UUID -> new UUID(buff.getLong(), buff.getLong());
			case SUBTYPE_LEGACY_UUID ->
				new LegacyUUID(Long.reverseBytes(buff.getLong()), Long.reverseBytes(buff.getLong()));
			default -> {
				byte[] data = new byte[length];
				buff.get(data);
				yield new BinData(data);
			}
		};
	}

	private static String readString(ByteBuffer buff) {
		int length = Integer.reverseBytes(buff.getInt()) - 1;
		String text = utf8(buff, length);
		buff.get();
		return text;
	}

	private static String readCString(ByteBuffer buff) {
		int start = buff.position();
		int end = start;
		while (buff.get(end) != 0) {
			end++;
		}
		String text = utf8(buff, end - start);
		buff.get();
		return text;
	}

	private static void skipCString(ByteBuffer buff) {
		while (buff.get() != 0) {
			// the index of an array element: the order is the array's
		}
	}

	private static String utf8(ByteBuffer buff, int length) {
		int position = buff.position();
		String text;
		if (buff.hasArray()) {
			text = new String(buff.array(), buff.arrayOffset() + position, length, StandardCharsets.UTF_8);
		}
		else {
			byte[] bytes = new byte[length];
			buff.get(position, bytes);
			text = new String(bytes, StandardCharsets.UTF_8);
		}
		buff.position(position + length);
		return text;
	}

	/** A value BSON cannot carry exactly: the document is written the old way. */
	private static final class NotBson extends RuntimeException {

		static final NotBson INSTANCE = new NotBson();

		private NotBson() {
			super(null, null, false, false);
		}

	}

}
