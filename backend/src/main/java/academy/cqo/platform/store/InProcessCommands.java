package academy.cqo.platform.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

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
 * A command runs on the calling thread (an HTTP event loop) unless it would wait there,
 * for another in-process command to the same collection or for a commit: then it runs on
 * one of two threads of this class ({@code store-in-process-N}). Each collection has one
 * channel of its own, as a connection would (the backend keeps per-connection state, its
 * last results, that a connection's one event loop thread changes without locking), and
 * its commands are applied one at a time (as the backend applies writes of one collection
 * anyway, under the collection's lock, taken after this one).
 */
public final class InProcessCommands implements AutoCloseable {

	private static final Codec<Document> CODEC = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

	private final EmbeddedMongoServer server;

	private final ServerAddress address;

	private final Map<String, Client> clients = new ConcurrentHashMap<>();

	private final AtomicLong applied = new AtomicLong();

	private final AtomicLong handedOff = new AtomicLong();

	/** Runs the commands that must wait (see {@link #update}). */
	private final Scheduler waiting;

	/**
	 * Commands to a server of this process.
	 * @param server the embedded server
	 */
	public InProcessCommands(EmbeddedMongoServer server) {
		this.server = server;
		this.waiting = Schedulers.fromExecutorService(
				Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("store-in-process-", 1).factory()),
				"store-in-process");
		this.address = new ServerAddress(server.connectionString().substring("mongodb://".length()));
	}

	/**
	 * Update one document, as the driver's {@code updateOne} with the given upsert flag,
	 * when the store can take it here (see {@link #update}).
	 * @param database the database
	 * @param collection the collection
	 * @param filter the filter
	 * @param update the update
	 * @param upsert whether to insert a document when none matches
	 * @return the outcome; empty when the command must go over the wire; a
	 * {@link MongoWriteException} for a write error the server reported (a duplicate key:
	 * code 11000), a {@link MongoCommandException} when it failed the command
	 */
	public Mono<UpdateOutcome> updateOne(String database, String collection, Document filter, Document update,
			boolean upsert) {
		return update(database, collection, List.of(new Statement(filter, update, upsert)), true);
	}

	/**
	 * Apply one {@code update} command of one or more statements, as the driver's
	 * {@code updateOne} (one statement) or {@code bulkWrite} of update models (several)
	 * would send it, when the store can take it here: it is open and the collection
	 * exists (a first write, which creates the collection, goes over the wire). The
	 * command runs on the calling thread unless it would wait there (for another
	 * in-process command to the same collection, or for a commit, which holds every write
	 * for the few milliseconds it takes): then on one of the store's own threads, as over
	 * the wire, so that an HTTP event loop is never held up.
	 * @param database the database
	 * @param collection the collection
	 * @param statements the statements, applied in order
	 * @param ordered the command's {@code ordered} flag, as the driver sends it
	 * (mongo-java-server 1.47 applies every statement either way and reports each failure
	 * with its index)
	 * @return the outcome; empty when the command must go over the wire; for write errors
	 * the server reported (a duplicate key: code 11000) a {@link MongoWriteException}
	 * (one statement) or a {@link MongoBulkWriteException} (several, as the driver's bulk
	 * write); a {@link MongoCommandException} when it failed the command
	 */
	public Mono<UpdateOutcome> update(String database, String collection, List<Statement> statements, boolean ordered) {
		return Mono.defer(() -> {
			if (!this.server.isOpen()) {
				return Mono.empty();
			}
			DurableH2Backend backend = this.server.backend();
			if (backend.collection(database, collection) == null) {
				return Mono.empty();
			}
			Document command = new Document("update", collection)
				.append("updates", statements.stream().map(Statement::command).toList())
				.append("ordered", ordered)
				.append("$db", database);
			de.bwaldvogel.mongo.bson.Document decoded = decode(command);
			boolean bulk = statements.size() > 1;
			Client client = this.clients.computeIfAbsent(collection, (key) -> new Client());
			if (client.lock.tryLock()) {
				de.bwaldvogel.mongo.bson.Document reply;
				try {
					reply = answered(
							() -> backend.handleCommandUnlessCommitting(client.channel, database, "update", decoded));
				}
				finally {
					client.lock.unlock();
				}
				if (reply != null) {
					return Mono.just(outcome(reply, bulk));
				}
			}
			this.handedOff.incrementAndGet();
			return Mono.fromCallable(() -> {
				client.lock.lock();
				try {
					return outcome(answered(() -> backend.handleCommand(client.channel, database, "update", decoded)),
							bulk);
				}
				finally {
					client.lock.unlock();
				}
			}).subscribeOn(this.waiting);
		});
	}

	private UpdateOutcome outcome(de.bwaldvogel.mongo.bson.Document reply, boolean bulk) {
		this.applied.incrementAndGet();
		int upserted = (reply.get("upserted") instanceof List<?> ids) ? ids.size() : 0;
		int matched = ((Number) reply.get("n")).intValue() - upserted;
		if (reply.get("writeErrors") instanceof List<?> errors && !errors.isEmpty()) {
			if (!bulk) {
				de.bwaldvogel.mongo.bson.Document error = (de.bwaldvogel.mongo.bson.Document) errors.get(0);
				throw new MongoWriteException(
						new WriteError(code(error), String.valueOf(error.get("errmsg")), new BsonDocument()),
						this.address);
			}
			List<BulkWriteError> failed = errors.stream()
				.map(de.bwaldvogel.mongo.bson.Document.class::cast)
				.map((error) -> new BulkWriteError(code(error), String.valueOf(error.get("errmsg")), new BsonDocument(),
						((Number) error.get("index")).intValue()))
				.toList();
			throw new MongoBulkWriteException(BulkWriteResult.acknowledged(0, matched, 0, null, List.of(), List.of()),
					failed, null, this.address, Set.of());
		}
		return new UpdateOutcome(matched, upserted);
	}

	/**
	 * A write error's code; -1 when the server gave none (as for a failure without one).
	 */
	private static int code(de.bwaldvogel.mongo.bson.Document error) {
		return (error.get("code") instanceof Number code) ? code.intValue() : -1;
	}

	/** The backend's reply, or the driver's exception for the server's error. */
	private de.bwaldvogel.mongo.bson.Document answered(Supplier<de.bwaldvogel.mongo.bson.Document> command) {
		try {
			return command.get();
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
	 * How many commands had to wait, and so ran on the store's own threads.
	 * @return the count since start-up
	 */
	public long handedOff() {
		return this.handedOff.get();
	}

	/** Stop the threads that run the commands that must wait. */
	@Override
	public void close() {
		this.waiting.dispose();
	}

	/**
	 * One collection's in-process client: its channel (whose per-connection state the
	 * backend changes without locking, as a connection's one event loop thread would) and
	 * the lock that applies its commands one at a time.
	 */
	private static final class Client {

		private final Channel channel = new EmbeddedChannel();

		private final ReentrantLock lock = new ReentrantLock();

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
	 * @param matched documents the statements' filters matched
	 * @param upserted documents inserted (by statements whose filter matched none)
	 */
	public record UpdateOutcome(int matched, int upserted) {
	}

	/**
	 * One statement of an update command.
	 *
	 * @param filter the filter
	 * @param update the update
	 * @param upsert whether to insert a document when none matches
	 */
	public record Statement(Document filter, Document update, boolean upsert) {

		Document command() {
			return new Document("q", this.filter).append("u", this.update)
				.append("upsert", this.upsert)
				.append("multi", false);
		}

	}

}
