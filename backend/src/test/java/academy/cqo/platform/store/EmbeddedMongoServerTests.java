package academy.cqo.platform.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EmbeddedMongoServerTests {

	@TempDir
	Path dataDir;

	@Test
	void writeIsOnDiskBeforeItIsAcknowledged() {
		Path file = this.dataDir.resolve("a.mv.db");
		EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> things = client.getDatabase("cqo").getCollection("things");
			Mono.from(things.insertOne(new Document("_id", 1).append("name", "质量")))
				.as(StepVerifier::create)
				.assertNext((result) -> assertThat(server.hasUnjournaledChanges()).isFalse())
				.verifyComplete();
			Mono.from(things.updateOne(new Document("_id", 1), new Document("$set", new Document("name", "安全"))))
				.as(StepVerifier::create)
				.assertNext((result) -> assertThat(server.hasUnjournaledChanges()).isFalse())
				.verifyComplete();
		}
		finally {
			server.crash();
		}
		try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(reopened.connectionString())) {
			Mono.from(client.getDatabase("cqo").getCollection("things").find().first())
				.as(StepVerifier::create)
				.assertNext((thing) -> assertThat(thing.getString("name")).isEqualTo("安全"))
				.verifyComplete();
		}
	}

	@Test
	void concurrentWritesAreAllCommittedAndSurviveReopening() {
		Path file = this.dataDir.resolve("b.mv.db");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> things = client.getDatabase("cqo").getCollection("things");
			Flux.range(0, 200)
				.flatMap((i) -> things.insertOne(new Document("_id", i)), 32)
				.then(Mono.fromSupplier(server::hasUnjournaledChanges))
				.as(StepVerifier::create)
				.expectNext(false)
				.verifyComplete();
		}
		try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(reopened.connectionString())) {
			Mono.from(client.getDatabase("cqo").getCollection("things").countDocuments())
				.as(StepVerifier::create)
				.expectNext(200L)
				.verifyComplete();
			assertThat(reopened.backend().journal().segments()).as("a closed store left no journal").hasSize(1);
		}
	}

	/**
	 * mongo-java-server keeps no non-unique index but "built" each one again from every
	 * document of its collection whenever the store was opened: on 2,000 attempts that
	 * was ten passes before the platform could be ready.
	 */
	@Test
	void reopeningReadsNoDocumentsForTheIndexesTheStoreDoesNotKeep() {
		Path file = this.dataDir.resolve("d.mv.db");
		String text = "质".repeat(1000);
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> attempts = client.getDatabase("cqo").getCollection("attempts");
			Mono.from(attempts.createIndex(new Document("sessionId", 1).append("status", 1)))
				.then(Mono.from(attempts.createIndex(new Document("accountId", 1))))
				.thenMany(Flux.range(0, 3000)
					.flatMap((i) -> attempts.insertOne(new Document("_id", "a" + i).append("sessionId", "s" + (i % 7))
						.append("accountId", "p" + i)
						.append("text", text + i)), 32))
				.then()
				.as(StepVerifier::create)
				.verifyComplete();
		}
		try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(file, EmbeddedMongoServer.DEFAULT_CACHE_MB);
				MongoClient client = MongoClients.create(reopened.connectionString())) {
			// the catalogue and the _id index: about 1 MB; reading the documents for the
			// two unkept indexes filled the cache (19 MB)
			assertThat(reopened.cacheUsedMegabytes()).as("MB of decoded pages after opening").isLessThan(4);
			Mono.from(
					client.getDatabase("cqo").getCollection("attempts").countDocuments(new Document("sessionId", "s3")))
				.as(StepVerifier::create)
				.expectNext(429L)
				.verifyComplete();
		}
	}

	@Test
	void secondProcessOnTheSameDataDirectoryGetsAClearError() {
		Path file = this.dataDir.resolve("store").resolve("c.mv.db");
		file.getParent().toFile().mkdirs();
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file)) {
			assertThatIllegalStateException().isThrownBy(() -> EmbeddedMongoServer.start(file))
				.withMessageContaining("in use by another running CQO Academy process")
				.withMessageContaining("CQO_DATA_DIR");
		}
	}

	@Test
	void commandsSentWhileTheStoreOpensWaitForItAndSeeItsData() throws Exception {
		Path file = this.dataDir.resolve("d.mv.db");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			Mono.from(client.getDatabase("cqo").getCollection("things").insertOne(new Document("_id", 1)))
				.block(Duration.ofSeconds(10));
		}
		CompletableFuture<Runnable> opening = new CompletableFuture<>();
		try (EmbeddedMongoServer server = EmbeddedMongoServer.startOpening(file, 16, SlowCommands.DEFAULT_THRESHOLD,
				opening::complete); MongoClient client = MongoClients.create(server.connectionString())) {
			CompletableFuture<Long> count = Mono
				.from(client.getDatabase("cqo").getCollection("things").countDocuments())
				.toFuture();
			CompletableFuture<?> insert = Mono
				.from(client.getDatabase("cqo").getCollection("things").insertOne(new Document("_id", 2)))
				.toFuture();
			assertThat(server.isOpen()).isFalse();
			assertThat(count).isNotDone();
			opening.get(10, TimeUnit.SECONDS).run();
			assertThat(server.isOpen()).isTrue();
			insert.get(10, TimeUnit.SECONDS);
			assertThat(count.get(10, TimeUnit.SECONDS)).isIn(1L, 2L);
			Mono.from(client.getDatabase("cqo").getCollection("things").countDocuments())
				.as(StepVerifier::create)
				.expectNext(2L)
				.verifyComplete();
		}
	}

	@Test
	void aStoreThatCannotBeOpenedFailsTheWaitAndItsCommandsAndStillCloses() {
		Path file = this.dataDir.resolve("store").resolve("e.mv.db");
		file.getParent().toFile().mkdirs();
		try (EmbeddedMongoServer first = EmbeddedMongoServer.start(file)) {
			try (EmbeddedMongoServer second = EmbeddedMongoServer.startOpening(file, 16,
					SlowCommands.DEFAULT_THRESHOLD);
					MongoClient client = MongoClients.create(MongoClientSettings.builder()
						.applyConnectionString(new ConnectionString(second.connectionString()))
						.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
						.build())) {
				assertThatIllegalStateException().isThrownBy(second::awaitOpen)
					.withMessageContaining("in use by another running CQO Academy process");
				assertThat(second.isOpen()).isFalse();
				Mono.from(client.getDatabase("cqo").getCollection("things").countDocuments())
					.as(StepVerifier::create)
					.expectError()
					.verify(Duration.ofSeconds(30));
			}
			assertThat(first.isOpen()).isTrue();
		}
		// the failed opening left no lock behind
		try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(file)) {
			assertThat(reopened.isOpen()).isTrue();
		}
	}

	@Test
	void closingWhileTheStoreOpensClosesItOnceOpen() {
		Path file = this.dataDir.resolve("f.mv.db");
		CompletableFuture<Runnable> opening = new CompletableFuture<>();
		EmbeddedMongoServer server = EmbeddedMongoServer.startOpening(file, 16, SlowCommands.DEFAULT_THRESHOLD,
				opening::complete);
		CompletableFuture<Void> closed = CompletableFuture.runAsync(server::close);
		opening.join().run();
		closed.join();
		try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(file)) {
			assertThat(reopened.isOpen()).isTrue();
		}
	}

}
