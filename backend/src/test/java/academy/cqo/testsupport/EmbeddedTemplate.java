package academy.cqo.testsupport;

import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import academy.cqo.platform.KeyedUpserts;
import academy.cqo.platform.store.EmbeddedMongoServer;
import academy.cqo.platform.store.InProcessCommands;

/**
 * The embedded store the application runs on, with a template over it and no application
 * context: for store tests that run in a second or two ({@code AttemptStoreTests}, …).
 */
public final class EmbeddedTemplate implements AutoCloseable {

	private final EmbeddedMongoServer server;

	private final MongoClient client;

	private final ReactiveMongoTemplate mongo;

	private final InProcessCommands inProcess;

	private EmbeddedTemplate(EmbeddedMongoServer server) {
		this.server = server;
		this.client = MongoClients.create(server.connectionString());
		this.mongo = new ReactiveMongoTemplate(this.client, "cqo");
		this.inProcess = new InProcessCommands(server);
	}

	/**
	 * Start a store on a fresh data file.
	 * @param dataDir a temporary directory
	 * @return the store
	 */
	public static EmbeddedTemplate start(Path dataDir) {
		return new EmbeddedTemplate(EmbeddedMongoServer.start(dataDir.resolve("store.mv.db")));
	}

	/**
	 * Start a store on a fresh data file that logs every command slower than the
	 * threshold.
	 * @param dataDir a temporary directory
	 * @param slowCommandThreshold e.g. {@code Duration.ZERO} to log every command
	 * @return the store
	 */
	public static EmbeddedTemplate start(Path dataDir, Duration slowCommandThreshold) {
		return new EmbeddedTemplate(
				EmbeddedMongoServer.start(dataDir.resolve("store.mv.db"), 16, slowCommandThreshold));
	}

	public ReactiveMongoTemplate mongo() {
		return this.mongo;
	}

	/**
	 * Upserts as the application makes them on this store: in process.
	 * @return the upserts
	 */
	public KeyedUpserts upserts() {
		return KeyedUpserts.of(this.mongo, this.inProcess);
	}

	/**
	 * The store's in-process commands ({@link #upserts()} uses them).
	 * @return the commands
	 */
	public InProcessCommands inProcess() {
		return this.inProcess;
	}

	@Override
	public void close() {
		this.client.close();
		this.inProcess.close();
		this.server.close();
	}

}
