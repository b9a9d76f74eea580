package academy.cqo.platform.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An update applied in process does what the same update sent over the wire does: the
 * same documents stored, the same outcome, the same error for a duplicate key or a
 * command the server refuses; it is journaled before it returns (a crash right after
 * keeps it), and a store that is gone fails it instead of answering.
 */
class InProcessCommandsTests {

	@TempDir
	Path dataDir;

	@Test
	void whenUpdatesRunInProcessThenTheyDoWhatTheSameUpdatesOverTheWireDo() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("a.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString());
				InProcessCommands commands = new InProcessCommands(server)) {
			MongoCollection<Document> wire = client.getDatabase("cqo").getCollection("wire");
			MongoCollection<Document> local = client.getDatabase("cqo").getCollection("local");

			// no collection yet: left to the wire
			assertThat(commands.updateOne("cqo", "local", newer("x", 1), set("x", 1, "a"), true).block()).isNull();
			Mono.from(local.insertOne(new Document("_id", "first"))).block();
			Mono.from(wire.insertOne(new Document("_id", "first"))).block();

			// an upsert that inserts, one that updates, and one whose condition fails on
			// a stored _id (a duplicate key, as over the wire)
			assertThat(commands.updateOne("cqo", "local", newer("x", 2), set("x", 2, "b"), true).block())
				.isEqualTo(new InProcessCommands.UpdateOutcome(0, 1));
			UpdateResult inserted = Mono.from(wire.updateOne(newer("x", 2), set("x", 2, "b"), upsert())).block();
			assertThat(inserted.getUpsertedId()).isNotNull();
			assertThat(commands.updateOne("cqo", "local", newer("x", 3), set("x", 3, "c"), true).block())
				.isEqualTo(new InProcessCommands.UpdateOutcome(1, 0));
			assertThat(Mono.from(wire.updateOne(newer("x", 3), set("x", 3, "c"), upsert())).block().getMatchedCount())
				.isEqualTo(1);
			MongoWriteException local11000 = catchThrowableOfType(MongoWriteException.class,
					() -> commands.updateOne("cqo", "local", newer("x", 1), set("x", 1, "z"), true).block());
			MongoWriteException wire11000 = catchThrowableOfType(MongoWriteException.class,
					() -> Mono.from(wire.updateOne(newer("x", 1), set("x", 1, "z"), upsert())).block());
			assertThat(local11000.getError().getCode()).isEqualTo(wire11000.getError().getCode()).isEqualTo(11000);
			assertThat(Mono.from(local.find(new Document("_id", "x")).first()).block())
				.isEqualTo(Mono.from(wire.find(new Document("_id", "x")).first()).block())
				.isEqualTo(new Document("_id", "x").append("seq", 3L).append("response", List.of("c")));

			// an update the server refuses: the same error as over the wire
			Document bad = new Document("$bogus", new Document("seq", 1));
			MongoWriteException localRefusal = catchThrowableOfType(MongoWriteException.class,
					() -> commands.updateOne("cqo", "local", new Document("_id", "x"), bad, false).block());
			MongoWriteException wireRefusal = catchThrowableOfType(MongoWriteException.class,
					() -> Mono.from(wire.updateOne(new Document("_id", "x"), bad)).block());
			assertThat(localRefusal.getError().getCode()).isEqualTo(wireRefusal.getError().getCode()).isEqualTo(9);
			assertThat(localRefusal.getError().getMessage()).isEqualTo(wireRefusal.getError().getMessage());
			// three updates and the refused one
			assertThat(commands.applied()).isEqualTo(4);
		}
	}

	@Test
	void whenSeveralStatementsRunInProcessThenTheyDoWhatTheSameBulkWriteOverTheWireDoes() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("b.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString());
				InProcessCommands commands = new InProcessCommands(server)) {
			MongoCollection<Document> wire = client.getDatabase("cqo").getCollection("wire");
			MongoCollection<Document> local = client.getDatabase("cqo").getCollection("local");
			for (MongoCollection<Document> collection : List.of(wire, local)) {
				Mono.from(collection.insertMany(List.of(new Document("_id", "old").append("seq", 1L),
						new Document("_id", "new").append("seq", 9L))))
					.block();
			}
			// one upsert that updates, one that inserts, and one that meets a newer
			// stored document (a duplicate key); unordered, so the others are applied
			List<InProcessCommands.Statement> statements = List.of(
					new InProcessCommands.Statement(newer("old", 5), set("old", 5, "a"), true),
					new InProcessCommands.Statement(newer("new", 5), set("new", 5, "b"), true),
					new InProcessCommands.Statement(newer("none", 5), set("none", 5, "c"), true));
			MongoBulkWriteException localErrors = catchThrowableOfType(MongoBulkWriteException.class,
					() -> commands.update("cqo", "local", statements, false).block());
			MongoBulkWriteException wireErrors = catchThrowableOfType(MongoBulkWriteException.class, () -> Mono
				.from(wire.bulkWrite(statements.stream()
					.map((statement) -> new UpdateOneModel<Document>(statement.filter(), statement.update(), upsert()))
					.toList(), new BulkWriteOptions().ordered(false)))
				.block());
			assertThat(localErrors.getWriteErrors()).singleElement().satisfies((error) -> {
				assertThat(error.getIndex()).isEqualTo(wireErrors.getWriteErrors().get(0).getIndex()).isEqualTo(1);
				assertThat(error.getCode()).isEqualTo(wireErrors.getWriteErrors().get(0).getCode()).isEqualTo(11000);
			});
			assertThat(Flux.from(local.find()).collectList().block())
				.isEqualTo(Flux.from(wire.find()).collectList().block())
				.containsExactlyInAnyOrder(
						new Document("_id", "old").append("seq", 5L).append("response", List.of("a")),
						new Document("_id", "new").append("seq", 9L),
						new Document("_id", "none").append("seq", 5L).append("response", List.of("c")));

			// without errors: what was matched and what was inserted
			assertThat(commands
				.update("cqo", "local",
						List.of(new InProcessCommands.Statement(newer("old", 6), set("old", 6, "d"), true),
								new InProcessCommands.Statement(newer("more", 6), set("more", 6, "e"), true)),
						false)
				.block()).isEqualTo(new InProcessCommands.UpdateOutcome(1, 1));
			assertThat(commands.applied()).isEqualTo(2);
		}
	}

	@Test
	void whenManyThreadsUpdateInProcessThenEachDocumentEndsWithItsNewestValue() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("b.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString());
				InProcessCommands commands = new InProcessCommands(server)) {
			MongoCollection<Document> things = created(client);
			ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
			// 50 documents, sequence numbers 1..40 each, applied in any order by 8
			// threads
			List<int[]> writes = new ArrayList<>();
			for (int seq = 1; seq <= 40; seq++) {
				for (int doc = 0; doc < 50; doc++) {
					writes.add(new int[] { doc, seq });
				}
			}
			java.util.Collections.shuffle(writes, new java.util.Random(5));
			Flux.fromIterable(writes).parallel(8).runOn(Schedulers.boundedElastic()).doOnNext((write) -> {
				try {
					commands
						.updateOne("cqo", "things", newer("d" + write[0], write[1]),
								set("d" + write[0], write[1], "v" + write[1]), true)
						.block();
				}
				catch (MongoWriteException ex) {
					if (ex.getError().getCode() != 11000) {
						failures.add(ex);
					}
				}
				catch (RuntimeException ex) {
					failures.add(ex);
				}
			}).sequential().blockLast();
			assertThat(failures).isEmpty();
			List<Document> stored = Flux.from(things.find(new Document("seq", new Document("$exists", true))))
				.collectList()
				.block();
			assertThat(stored).hasSize(50)
				.allSatisfy((thing) -> assertThat(thing).containsEntry("seq", 40L)
					.containsEntry("response", List.of("v40")));
		}
	}

	@Test
	void whenTheServerCrashesRightAfterAnUpdateThenTheUpdateIsThereAfterReopening() {
		Path file = this.dataDir.resolve("c.mv.db");
		EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			created(client);
			try (InProcessCommands commands = new InProcessCommands(server)) {
				commands.updateOne("cqo", "things", newer("x", 7), set("x", 7, "kept"), true).block();
			}
			assertThat(server.hasUnjournaledChanges()).isFalse();
		}
		finally {
			server.crash();
		}
		// the store is gone: a command is not answered as done (it fails, or is left to
		// the wire, where nothing listens)
		InProcessCommands.UpdateOutcome outcome = null;
		try (InProcessCommands afterCrash = new InProcessCommands(server)) {
			outcome = afterCrash.updateOne("cqo", "things", newer("y", 1), set("y", 1, "lost"), true).block();
		}
		catch (MongoCommandException ex) {
			assertThat(ex.getErrorMessage()).contains("closed");
		}
		assertThat(outcome).isNull();
		try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(reopened.connectionString())) {
			MongoCollection<Document> things = client.getDatabase("cqo").getCollection("things");
			assertThat(Mono.from(things.find(new Document("_id", "x")).first()).block()).containsEntry("seq", 7L)
				.containsEntry("response", List.of("kept"));
			assertThat(Mono.from(things.find(new Document("_id", "y")).first()).block()).isNull();
		}
	}

	@Test
	void whenTheStoreIsClosingThenWritesAreRefusedInProcessAndOverTheWire() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("d.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString());
				InProcessCommands commands = new InProcessCommands(server)) {
			MongoCollection<Document> things = created(client);

			server.backend().refuseWrites();

			assertThatThrownBy(() -> commands.updateOne("cqo", "things", newer("x", 1), set("x", 1, "a"), true).block())
				.isInstanceOf(MongoCommandException.class)
				.hasMessageContaining("The embedded store is closed");
			assertThatThrownBy(() -> Mono.from(things.updateOne(newer("x", 1), set("x", 1, "a"), upsert())).block())
				.hasMessageContaining("The embedded store is closed");
			assertThat(Flux.from(things.find()).collectList().block()).containsExactly(new Document("_id", "first"));
		}
	}

	@Test
	void whenACommitHoldsTheStoreThenTheUpdateWaitsOnTheStoresThreadNotTheCallers() throws Exception {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("e.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString());
				InProcessCommands commands = new InProcessCommands(server)) {
			created(client);
			java.util.concurrent.CompletableFuture<InProcessCommands.UpdateOutcome> update;
			try (HeldCommit commit = new HeldCommit(server)) {
				// asked from another thread, so that a caller held up by the commit fails
				// this test instead of hanging it
				update = java.util.concurrent.CompletableFuture
					.supplyAsync(
							() -> commands.updateOne("cqo", "things", newer("x", 1), set("x", 1, "a"), true).toFuture())
					.get(5, java.util.concurrent.TimeUnit.SECONDS);
				// it is waiting on one of the store's threads for the commit's lock
				academy.cqo.testsupport.Eventually.await("the update waiting on a store thread",
						java.time.Duration.ofSeconds(10), InProcessCommandsTests::aStoreThreadWaitsForTheCommit);
				assertThat(update).isNotDone();
				assertThat(commands.handedOff()).isEqualTo(1);
			}
			assertThat(update.get(10, java.util.concurrent.TimeUnit.SECONDS))
				.isEqualTo(new InProcessCommands.UpdateOutcome(0, 1));
			// with no commit under way, the next update runs on the caller's thread
			commands.updateOne("cqo", "things", newer("x", 2), set("x", 2, "b"), true).block();
			assertThat(commands.handedOff()).isEqualTo(1);
			assertThat(
					Mono.from(client.getDatabase("cqo").getCollection("things").find(new Document("_id", "x")).first())
						.block())
				.containsEntry("seq", 2L);
		}
	}

	@Test
	void whenAWriteOverTheWireWaitsForACommitThenAnUpdateInProcessIsNotHeldUp() throws Exception {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("e.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString());
				InProcessCommands commands = new InProcessCommands(server)) {
			MongoCollection<Document> things = created(client);
			java.util.concurrent.CompletableFuture<UpdateResult> overTheWire;
			java.util.concurrent.CompletableFuture<InProcessCommands.UpdateOutcome> inProcess;
			try (HeldCommit commit = new HeldCommit(server)) {
				// a write over the wire (a submit's seal) meets the commit: it waits on a
				// server thread
				overTheWire = Mono.from(things.updateOne(newer("w", 1), set("w", 1, "a"), upsert())).toFuture();
				academy.cqo.testsupport.Eventually.await("the write over the wire waiting for the commit",
						java.time.Duration.ofSeconds(10), () -> aThreadWaitsForTheCommit(""));
				// an update in process of the same collection, which must not wait, finds
				// the collection free, sees the commit and is handed to a store thread
				// (it waited on the collection's lock for as long as the commit ran)
				inProcess = java.util.concurrent.CompletableFuture
					.supplyAsync(
							() -> commands.updateOne("cqo", "things", newer("x", 1), set("x", 1, "b"), true).toFuture())
					.get(5, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(commands.handedOff()).isEqualTo(1);
				assertThat(overTheWire).isNotDone();
				assertThat(inProcess).isNotDone();
			}
			assertThat(overTheWire.get(10, java.util.concurrent.TimeUnit.SECONDS).getUpsertedId()).isNotNull();
			assertThat(inProcess.get(10, java.util.concurrent.TimeUnit.SECONDS))
				.isEqualTo(new InProcessCommands.UpdateOutcome(0, 1));
			assertThat(Flux.from(things.find(new Document("_id", new Document("$in", List.of("w", "x")))))
				.map((document) -> document.get("_id") + "=" + document.get("seq"))
				.collectList()
				.block()).containsExactlyInAnyOrder("w=1", "x=1");
		}
	}

	/**
	 * The commit's hold on every write, taken by a thread of its own until closed (as a
	 * commit under way holds it).
	 */
	private static final class HeldCommit implements AutoCloseable {

		private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

		private final Thread holder;

		HeldCommit(EmbeddedMongoServer server) throws InterruptedException {
			java.util.concurrent.locks.Lock commit = server.backend().commitHold();
			java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
			this.holder = Thread.ofPlatform().start(() -> {
				commit.lock();
				try {
					held.countDown();
					this.release.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				finally {
					commit.unlock();
				}
			});
			held.await();
		}

		@Override
		public void close() throws InterruptedException {
			this.release.countDown();
			this.holder.join();
		}

	}

	/**
	 * The collection {@code things}, created (an in-process command needs it to exist).
	 */
	private static MongoCollection<Document> created(MongoClient client) {
		MongoCollection<Document> things = client.getDatabase("cqo").getCollection("things");
		Mono.from(things.insertOne(new Document("_id", "first"))).block();
		return things;
	}

	private static boolean aStoreThreadWaitsForTheCommit() {
		return aThreadWaitsForTheCommit("store-in-process-");
	}

	/** Whether a thread whose name starts so waits to apply a write behind a commit. */
	private static boolean aThreadWaitsForTheCommit(String name) {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.anyMatch((thread) -> thread.getKey().getName().startsWith(name)
					&& thread.getKey().getState() == Thread.State.WAITING && java.util.Arrays.stream(thread.getValue())
						.anyMatch((frame) -> frame.getMethodName().equals("applyToCollection")));
	}

	private static Document newer(String id, long seq) {
		return new Document("_id", id).append("seq", new Document("$lt", seq));
	}

	private static Document set(String id, long seq, String response) {
		return new Document("$set", new Document("seq", seq).append("response", List.of(response)));
	}

	private static UpdateOptions upsert() {
		return new UpdateOptions().upsert(true);
	}

}
