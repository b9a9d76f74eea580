package academy.cqo.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import academy.cqo.platform.store.EmbeddedMongoServer;

/**
 * The platform's embedded store (H2-backed, on a fresh temporary file) and a
 * {@link ReactiveMongoTemplate} with Spring Data's default mapping over it, without the
 * application: for store tests of a module's conditional updates.
 */
public final class StoreTemplate implements AutoCloseable {

	private final EmbeddedMongoServer server;

	private final MongoClient client;

	private final ReactiveMongoTemplate template;

	private StoreTemplate(EmbeddedMongoServer server) {
		this.server = server;
		this.client = MongoClients.create(server.connectionString());
		this.template = new ReactiveMongoTemplate(this.client, "cqo");
	}

	/**
	 * Start an embedded store on a new temporary file.
	 * @return the store and its template
	 */
	public static StoreTemplate start() {
		try {
			Path directory = Files.createTempDirectory("cqo-store-test-");
			return new StoreTemplate(EmbeddedMongoServer.start(directory.resolve("store.mv.db")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public ReactiveMongoTemplate template() {
		return this.template;
	}

	@Override
	public void close() {
		this.client.close();
		this.server.close();
	}

}
