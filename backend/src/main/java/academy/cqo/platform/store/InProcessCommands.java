package academy.cqo.platform.store;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.exception.MongoServerException;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.embedded.EmbeddedChannel;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/**
 * Write commands to the embedded store from this process, without the wire: the command
 * the driver would send (encoded to BSON and decoded by the server's own decoder, so the
 * server sees the same document), handed to the server's backend on the calling thread,
 * and its reply read as the driver would read it (a write error or a failed command
 * becomes the driver's exception for it).
 * <p>
 * An exam day's save went through the driver's connection pool (a hand-off to its
 * {@code AsyncGetter} thread), its event loop, the loopback socket and the server's event
 * loop, and back; those were about a third of a save's CPU ({@code docs/BENCHMARKS.md},
 * fourteenth session). The backend's own work is the same either way: its journal holds
 * the change before this returns, as before a reply on the wire
 * ({@link DurableH2Backend}).
 * <p>
 * The backend keeps per-connection state (its last results, for {@code getLastError}) in
 * lists that a connection's single event loop thread changes; here each collection has
 * one channel of its own, and its commands are applied one at a time (as the backend
 * applies writes of one collection anyway, under the collection's lock, taken after this
 * one).
 */
public final class InProcessCommands {

	private static final Codec<Document> CODEC = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

	private final EmbeddedMongoServer server;

	private final ServerAddress address;

	private final Map<String, Channel> channels = new ConcurrentHashMap<>();

	private final AtomicLong applied = new AtomicLong();

	/**
	 * Commands to a server of this process.
	 * @param server the embedded server
	 */
	public InProcessCommands(EmbeddedMongoServer server) {
		this.server = server;
		this.address = new ServerAddress(server.connectionString().substring("mongodb://".length()));
	}

	/**
	 * Update one document, as the driver's {@code updateOne} with the given upsert flag,
	 * when the store can take it now: it is open and the collection exists (a first
	 * write, which creates the collection, goes over the wire).
	 * @param database the database
	 * @param collection the collection
	 * @param filter the filter
	 * @param update the update
	 * @param upsert whether to insert a document when none matches
	 * @return the outcome, or {@code null} when the command must go over the wire
	 * @throws MongoWriteException the write error the server reported (a duplicate key:
	 * code 11000)
	 * @throws MongoCommandException when the server failed the command
	 */
	public UpdateOutcome updateOne(String database, String collection, Document filter, Document update,
			boolean upsert) {
		if (!this.server.isOpen()) {
			return null;
		}
		DurableH2Backend backend = this.server.backend();
		if (backend.collection(database, collection) == null) {
			return null;
		}
		Document command = new Document("update", collection)
			.append("updates", List
				.of(new Document("q", filter).append("u", update).append("upsert", upsert).append("multi", false)))
			.append("ordered", true)
			.append("$db", database);
		de.bwaldvogel.mongo.bson.Document reply = run(backend, collection, database, "update", command);
		this.applied.incrementAndGet();
		if (reply.get("writeErrors") instanceof List<?> errors && !errors.isEmpty()) {
			de.bwaldvogel.mongo.bson.Document error = (de.bwaldvogel.mongo.bson.Document) errors.get(0);
			throw new MongoWriteException(new WriteError(((Number) error.get("code")).intValue(),
					String.valueOf(error.get("errmsg")), new BsonDocument()), this.address);
		}
		boolean upserted = reply.get("upserted") instanceof List<?> ids && !ids.isEmpty();
		int n = ((Number) reply.get("n")).intValue();
		return new UpdateOutcome(upserted ? 0 : n, upserted);
	}

	private de.bwaldvogel.mongo.bson.Document run(DurableH2Backend backend, String collection, String database,
			String name, Document command) {
		de.bwaldvogel.mongo.bson.Document decoded = decode(command);
		Channel channel = this.channels.computeIfAbsent(collection, (key) -> new EmbeddedChannel());
		try {
			synchronized (channel) {
				return backend.handleCommand(channel, database, name, decoded);
			}
		}
		catch (MongoServerError ex) {
			throw new MongoCommandException(new BsonDocument("ok", new BsonDouble(0))
				.append("errmsg", new BsonString(ex.getMessageWithoutErrorCode()))
				.append("code", new BsonInt32(ex.getCode()))
				.append("codeName", new BsonString(String.valueOf(ex.getCodeName()))), this.address);
		}
		catch (MongoServerException ex) {
			throw new MongoCommandException(new BsonDocument("ok", new BsonDouble(0)).append("errmsg",
					new BsonString(ex.getMessageWithoutErrorCode())), this.address);
		}
	}

	/**
	 * How many commands the store answered in process (not sent over the wire), refused
	 * ones included.
	 * @return the count since start-up
	 */
	public long applied() {
		return this.applied.get();
	}

	/** The command as the server's wire decoder reads it. */
	static de.bwaldvogel.mongo.bson.Document decode(Document command) {
		BasicOutputBuffer buffer = new BasicOutputBuffer(512);
		try (BsonBinaryWriter writer = new BsonBinaryWriter(buffer)) {
			CODEC.encode(writer, command, EncoderContext.builder().build());
		}
		return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.getInternalBuffer(), 0, buffer.getPosition()));
	}

	/**
	 * What an update did.
	 *
	 * @param matched documents the filter matched (0 or 1)
	 * @param upserted whether a document was inserted
	 */
	public record UpdateOutcome(int matched, boolean upserted) {
	}

}
