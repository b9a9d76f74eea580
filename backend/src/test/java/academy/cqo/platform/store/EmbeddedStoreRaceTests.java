package academy.cqo.platform.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded server under concurrent updates and reads of one document, through the
 * real driver. mongo-java-server 1.47 changes the stored document in place while another
 * thread may be encoding it into a reply ({@code ConcurrentModificationException} in
 * {@code BsonEncoder.encodeDocument}, the connection closed, the driver's pool paused);
 * this test failed on every run before {@link DurableH2Backend} copied documents on
 * write.
 */
class EmbeddedStoreRaceTests {

	private static final int ANSWERS = 60;

	private static final int WRITES = 1000;

	@TempDir
	Path dataDir;

	@Test
	void concurrentUpdatesAndReadsOfOneDocumentNeverBreakAReply() {
		ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("race.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> attempts = client.getDatabase("cqo").getCollection("attempts");
			Mono.from(attempts.insertOne(hotDocument()))
				.thenMany(Flux.merge(writers(attempts, failures), readers(attempts, failures)))
				.then(Mono.from(attempts.find(eq("_id", "hot")).first()))
				.as(StepVerifier::create)
				.assertNext((stored) -> assertThat(stored.getInteger("seq")).isEqualTo(WRITES))
				.expectComplete()
				.verify(Duration.ofMinutes(2));
		}
		assertThat(failures).isEmpty();
	}

	private static Document hotDocument() {
		Document answers = new Document();
		for (int i = 0; i < ANSWERS; i++) {
			answers.append("q" + i, List.of("A", "B"));
		}
		return new Document("_id", "hot").append("seq", 0).append("answers", answers);
	}

	/**
	 * Saves as an exam page sends them, each also adding one top-level field and removing
	 * another: a reply being encoded while a field is added or removed is what broke.
	 */
	private static Flux<Object> writers(MongoCollection<Document> attempts, ConcurrentLinkedQueue<Throwable> failures) {
		return Flux.range(0, WRITES)
			.flatMap((i) -> Mono
				.from(attempts.updateOne(eq("_id", "hot"),
						Updates.combine(Updates.set("answers.q" + (i % ANSWERS), List.of("C", String.valueOf(i))),
								Updates.inc("seq", 1), Updates.set("mark" + (i % 8), i),
								Updates.unset("mark" + ((i + 4) % 8)))))
				.doOnError(failures::add)
				.onErrorResume((ex) -> Mono.empty()), 16)
			.cast(Object.class);
	}

	private static Flux<Object> readers(MongoCollection<Document> attempts, ConcurrentLinkedQueue<Throwable> failures) {
		return Flux.range(0, WRITES)
			.flatMap((i) -> ((i % 2 == 0) ? Mono.from(attempts.find(eq("_id", "hot")).first())
					: Mono.from(attempts.findOneAndUpdate(eq("_id", "hot"), Updates.set("readAt", i),
							new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER))))
				.doOnError(failures::add)
				.onErrorResume((ex) -> Mono.empty()), 16)
			.cast(Object.class);
	}

}
