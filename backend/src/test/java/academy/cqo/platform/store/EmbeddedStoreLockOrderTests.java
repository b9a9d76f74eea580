package academy.cqo.platform.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import academy.cqo.testsupport.Eventually;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that waits for its collection, held by a long command on it (a whole-collection
 * read by a background job), must not hold up the writes of other collections. Each write
 * commits before its reply, and a commit waits for every write holding the store's shared
 * lock: before the write took its collection's lock first, the waiting write held the
 * shared lock, so every commit, and every other write's reply, waited for the long
 * command too (this test timed out).
 */
class EmbeddedStoreLockOrderTests {

	@TempDir
	Path dataDir;

	/**
	 * The first writes of a collection that does not exist yet: one creates it holding
	 * the shared lock (nobody holds the lock of a collection not created yet), and then
	 * takes the new collection's lock to write; another, which already found the new
	 * collection, holds that lock and asks for the shared one. When a commit was queued
	 * for the exclusive lock in between, the second waited behind it, the commit waited
	 * for the first and the first for the second: the store's threads stopped for good (a
	 * helper's harness, eighth session). The shared lock is now taken by a writer holding
	 * its collection's lock without queueing behind a waiting commit.
	 */
	@Test
	void concurrentFirstWritesOfNewCollectionsAllComplete() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("fresh.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString())) {
			for (int round = 0; round < 40; round++) {
				MongoCollection<Document> fresh = client.getDatabase("cqo").getCollection("fresh" + round);
				reactor.core.publisher.Flux.range(0, 16)
					.flatMap((i) -> Mono.from(fresh.insertOne(new Document("_id", "d" + i))), 16)
					.then()
					.as(StepVerifier::create)
					.expectComplete()
					.verify(Duration.ofSeconds(30));
				assertThat(Mono.from(fresh.countDocuments()).block(Duration.ofSeconds(30))).isEqualTo(16);
			}
		}
	}

	@Test
	void aWriteWaitingForABusyCollectionHoldsUpNoWriteOfAnotherCollection() throws Exception {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("locks.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> busy = client.getDatabase("cqo").getCollection("busy");
			MongoCollection<Document> other = client.getDatabase("cqo").getCollection("other");
			Mono.from(busy.insertOne(new Document("_id", "b").append("n", 0))).block(Duration.ofSeconds(30));
			Mono.from(other.insertOne(new Document("_id", "o").append("n", 0))).block(Duration.ofSeconds(30));
			Object busyCollection = server.backend().collection("cqo", "busy");
			assertThat(busyCollection).isNotNull();

			CountDownLatch held = new CountDownLatch(1);
			CountDownLatch release = new CountDownLatch(1);
			// a long command on the busy collection: its lock held until released
			Thread longCommand = Thread.ofPlatform().start(() -> {
				synchronized (busyCollection) {
					held.countDown();
					try {
						release.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
			});
			held.await();
			try {
				Mono<UpdateResult> waiting = Mono.from(busy.updateOne(eq("_id", "b"), Updates.inc("n", 1))).cache();
				waiting.subscribe();
				Eventually.await("the write to the busy collection waits for it", Duration.ofSeconds(30),
						() -> blockedOn(busyCollection));

				// another collection's write is applied, committed and answered meanwhile
				Mono.from(other.updateOne(eq("_id", "o"), Updates.inc("n", 1)))
					.as(StepVerifier::create)
					.assertNext((result) -> assertThat(result.getModifiedCount()).isOne())
					.expectComplete()
					.verify(Duration.ofSeconds(20));
				assertThat(waiting.toFuture()).isNotDone();

				release.countDown();
				waiting.as(StepVerifier::create)
					.assertNext((result) -> assertThat(result.getModifiedCount()).isOne())
					.expectComplete()
					.verify(Duration.ofSeconds(30));
			}
			finally {
				release.countDown();
				longCommand.join();
			}
			assertThat(Mono.from(busy.find(eq("_id", "b")).first()).block(Duration.ofSeconds(30)).getInteger("n"))
				.isOne();
			assertThat(Mono.from(other.find(eq("_id", "o")).first()).block(Duration.ofSeconds(30)).getInteger("n"))
				.isOne();
			// both writes were in the journal's file before they were answered
			assertThat(server.hasUnjournaledChanges()).isFalse();
		}
	}

	/** Whether a thread of this process is blocked entering the object's monitor. */
	private static boolean blockedOn(Object monitor) {
		int identity = System.identityHashCode(monitor);
		ThreadInfo[] threads = ManagementFactory.getThreadMXBean().dumpAllThreads(true, false);
		return Arrays.stream(threads)
			.anyMatch((thread) -> thread.getThreadState() == Thread.State.BLOCKED && thread.getLockInfo() != null
					&& thread.getLockInfo().getIdentityHashCode() == identity);
	}

}
