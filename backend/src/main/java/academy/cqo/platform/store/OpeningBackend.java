package academy.cqo.platform.store;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * The embedded server's backend while its store file opens on another thread
 * ({@link EmbeddedMongoServer#startOpening}): every call waits until the store is open
 * and then goes to the backend on it; when opening failed, it fails with that error (the
 * client gets an error reply).
 */
final class OpeningBackend implements MongoBackend {

	private final CompletableFuture<? extends MongoBackend> opening;

	OpeningBackend(CompletableFuture<? extends MongoBackend> opening) {
		this.opening = opening;
	}

	private MongoBackend backend() {
		return this.opening.join();
	}

	@Override
	public void handleClose(Channel channel) {
		backend().handleClose(channel);
	}

	@Override
	public Document handleCommand(Channel channel, String database, String command, Document query) {
		return backend().handleCommand(channel, database, command, query);
	}

	@Override
	public QueryResult handleQuery(MongoQuery query) {
		return backend().handleQuery(query);
	}

	@Override
	public Document handleMessage(MongoMessage message) {
		return backend().handleMessage(message);
	}

	@Override
	public void dropDatabase(String database) {
		backend().dropDatabase(database);
	}

	@Override
	public Collection<Document> getCurrentOperations(MongoQuery query) {
		return backend().getCurrentOperations(query);
	}

	@Override
	public Document getServerStatus() {
		return backend().getServerStatus();
	}

	/** Closes the backend once it is open; nothing when opening failed. */
	@Override
	public void close() {
		MongoBackend backend = this.opening.exceptionally((ex) -> null).join();
		if (backend != null) {
			backend.close();
		}
	}

	@Override
	public void closeCursors(List<Long> cursorIds) {
		backend().closeCursors(cursorIds);
	}

	@Override
	public Clock getClock() {
		return backend().getClock();
	}

	@Override
	public void enableOplog() {
		backend().enableOplog();
	}

	@Override
	public void disableOplog() {
		backend().disableOplog();
	}

	@Override
	public MongoDatabase resolveDatabase(String database) {
		return backend().resolveDatabase(database);
	}

	@Override
	public MongoBackend version(MongoVersion version) {
		backend().version(version);
		return this;
	}

}
