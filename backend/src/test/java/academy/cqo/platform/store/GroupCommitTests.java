package academy.cqo.platform.store;

import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent writes share the journal's writes ({@link StoreJournal}): a write command
 * appends its records and writes everything appended so far, so the records that other
 * threads appended while one thread was writing go with the next write; and the store is
 * committed about once a second, not per write.
 */
class GroupCommitTests {

	private static final int WRITES = 4000;

	@TempDir
	Path dataDir;

	@Test
	void concurrentWritesOfOneCollectionShareJournalWritesAndAreAllStored() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("group.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> answers = client.getDatabase("cqo").getCollection("answers");
			Mono.from(answers.insertOne(new Document("_id", "first"))).block(Duration.ofSeconds(30));
			DurableH2Backend backend = server.backend();
			long commits = backend.commitCount();
			long flushes = backend.journal().flushes();
			long started = System.nanoTime();
			for (int round = 0; round < 4; round++) {
				burst(server, answers, round);
			}
			long seconds = Math.max(1, Duration.ofNanos(System.nanoTime() - started).toSeconds());
			flushes = backend.journal().flushes() - flushes;
			commits = backend.commitCount() - commits;
			assertThat(flushes).as("journal writes for %d writes", 4 * WRITES).isLessThan(4 * WRITES);
			assertThat(commits).as("commits in %d s", seconds).isLessThanOrEqualTo(seconds + 2);
			assertThat(Mono.from(answers.countDocuments()).block(Duration.ofSeconds(30))).isEqualTo(1001);
			assertThat(
					Mono.from(answers.find(eq("_id", "a999")).first()).block(Duration.ofSeconds(30)).getInteger("seq"))
				.isEqualTo(4 * WRITES - 1);
		}
	}

	/** A burst of writes, 64 in flight, each in the journal's file when answered. */
	private static void burst(EmbeddedMongoServer server, MongoCollection<Document> answers, int round) {
		long writes = server.backend().finishedWrites();
		Flux.range(round * WRITES, WRITES)
			.flatMap((i) -> Mono.from(answers.updateOne(eq("_id", "a" + (i % 1000)), Updates.set("seq", i),
					new UpdateOptions().upsert(true))), 64)
			.blockLast(Duration.ofMinutes(3));
		assertThat(server.backend().finishedWrites() - writes).isEqualTo(WRITES);
		// every write was in the journal's file before it was answered
		assertThat(server.hasUnjournaledChanges()).isFalse();
	}

}
