package academy.cqo.platform.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The embedded store's journal ({@link StoreJournal}): what a write command changed is in
 * the journal's file when it is answered, a crash between two commits loses nothing
 * answered, and opening the store replays the journal whatever state a crash left it in.
 * A crash here is {@link EmbeddedMongoServer#crash()}: the store file closed without a
 * commit and the journal's segments as written, as a killed process leaves them.
 */
class StoreJournalTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@TempDir
	Path dataDir;

	@Test
	void everyKindOfAnsweredWriteSurvivesACrashBetweenCommits() {
		Path file = this.dataDir.resolve("a.mv.db");
		run(file, true, (things) -> {
			Flux.range(0, 300)
				.flatMap((i) -> things.insertOne(new Document("_id", "t" + i).append("n", i)), 16)
				.blockLast(TIMEOUT);
			Mono.from(things.updateMany(Filters.lt("n", 100), Updates.set("kind", "低"))).block(TIMEOUT);
			Mono.from(things.deleteMany(Filters.gte("n", 250))).block(TIMEOUT);
			Mono.from(
					things.updateOne(Filters.eq("_id", "new"), Updates.set("n", -1), new UpdateOptions().upsert(true)))
				.block(TIMEOUT);
			Mono.from(things.findOneAndUpdate(Filters.eq("_id", "t7"), Updates.inc("n", 1000))).block(TIMEOUT);
		});
		run(file, false, (things) -> {
			assertThat(Mono.from(things.countDocuments()).block(TIMEOUT)).isEqualTo(252);
			assertThat(Mono.from(things.countDocuments(Filters.eq("kind", "低"))).block(TIMEOUT)).isEqualTo(100);
			assertThat(Mono.from(things.find(Filters.eq("_id", "new")).first()).block(TIMEOUT).getInteger("n"))
				.isEqualTo(-1);
			assertThat(Mono.from(things.find(Filters.eq("_id", "t7")).first()).block(TIMEOUT).getInteger("n"))
				.isEqualTo(1007);
			assertThat(Mono.from(things.find(Filters.eq("_id", "t260")).first()).block(TIMEOUT)).isNull();
			// the unique index came back with the documents
			assertThatExceptionOfType(MongoWriteException.class)
				.isThrownBy(() -> Mono.from(things.insertOne(new Document("_id", "t3"))).block(TIMEOUT))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(11000));
		});
	}

	@Test
	void writesAreCommittedOnceASecondNotEachOnItsOwn() throws IOException {
		Path file = this.dataDir.resolve("b.mv.db");
		EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> things = things(client);
			long commits = server.backend().commitCount();
			for (int i = 0; i < 50; i++) {
				Mono.from(things.insertOne(new Document("_id", "timed" + i))).block(TIMEOUT);
			}
			assertThat(server.backend().commitCount() - commits).as("commits for 50 writes").isLessThan(10);
			// from here on the test decides when the store commits
			server.stopCheckpoints();
			for (int i = 0; i < 50; i++) {
				Mono.from(things.insertOne(new Document("_id", i))).block(TIMEOUT);
			}
			assertThat(server.backend().journal().segments()).hasSize(1);
			assertThat(server.checkpoint()).as("the journal held writes to commit").isTrue();
			assertThat(server.checkpoint()).as("nothing left to commit").isFalse();
			assertThat(server.backend().journal().segments()).as("the committed segment was deleted").hasSize(1);
			assertThat(Files.size(server.backend().journal().segments().get(0))).as("a new segment: its header")
				.isEqualTo(8);
		}
		finally {
			server.crash();
		}
		run(file, false, (things) -> assertThat(Mono.from(things.countDocuments()).block(TIMEOUT)).isEqualTo(101));
	}

	@Test
	void aRecordCutShortAtTheEndOfTheJournalIsLeftOut() throws IOException {
		Path file = this.dataDir.resolve("c.mv.db");
		run(file, true, (things) -> Mono.from(things.insertOne(new Document("_id", "kept"))).block(TIMEOUT));
		Path last = new StoreJournal(file).segments().getLast();
		// a record's header that promises more than follows, as a write cut off by a kill
		Files.write(last, ByteBuffer.allocate(11).putInt(1000).putInt(42).array(), StandardOpenOption.APPEND);
		run(file, false, (things) -> {
			assertThat(Mono.from(things.countDocuments()).block(TIMEOUT)).isEqualTo(2);
			assertThat(Mono.from(things.find(Filters.eq("_id", "kept")).first()).block(TIMEOUT)).isNotNull();
		});
	}

	@Test
	void aDamagedSegmentWithLaterOnesStopsTheOpeningAndSaysWhere() throws IOException {
		Path file = this.dataDir.resolve("d.mv.db");
		run(file, true, (server, things) -> {
			Mono.from(things.insertOne(new Document("_id", "one"))).block(TIMEOUT);
			server.backend().journal().rotate();
			Mono.from(things.insertOne(new Document("_id", "two"))).block(TIMEOUT);
		});
		List<Path> segments = new StoreJournal(file).segments();
		assertThat(segments).hasSize(2);
		byte[] bytes = Files.readAllBytes(segments.get(0));
		// the first byte of the first record's body
		bytes[16] ^= 0x5a;
		Files.write(segments.get(0), bytes);
		assertThatIllegalStateException().isThrownBy(() -> EmbeddedMongoServer.start(file).close())
			.withMessageContaining(segments.get(0).getFileName().toString())
			.withMessageContaining("damaged at byte 8")
			.withMessageContaining("checksum");
	}

	@Test
	void replayingRecordsTheStoreAlreadyHoldsChangesNothing() throws IOException {
		Path file = this.dataDir.resolve("e.mv.db");
		Path saved = this.dataDir.resolve("saved");
		Files.createDirectories(saved);
		List<Path> copies = new ArrayList<>();
		run(file, true, (server, things) -> {
			server.stopCheckpoints();
			Mono.from(things.insertOne(new Document("_id", "k").append("v", 1))).block(TIMEOUT);
			Mono.from(things.insertOne(new Document("_id", "gone"))).block(TIMEOUT);
			Mono.from(things.deleteOne(Filters.eq("_id", "gone"))).block(TIMEOUT);
			// the segment as a crash right after the next commit, before its deletion,
			// would leave it
			for (Path segment : server.backend().journal().segments()) {
				copies.add(copy(segment, saved.resolve(segment.getFileName())));
			}
			assertThat(server.checkpoint()).isTrue();
			Mono.from(things.updateOne(Filters.eq("_id", "k"), Updates.set("v", 2))).block(TIMEOUT);
		});
		for (Path copy : copies) {
			copy(copy, file.resolveSibling(copy.getFileName()));
		}
		assertThat(new StoreJournal(file).segments()).hasSize(2);
		run(file, false, (things) -> {
			assertThat(Mono.from(things.find(Filters.eq("_id", "k")).first()).block(TIMEOUT).getInteger("v"))
				.isEqualTo(2);
			assertThat(Mono.from(things.find(Filters.eq("_id", "gone")).first()).block(TIMEOUT)).isNull();
			assertThat(Mono.from(things.countDocuments()).block(TIMEOUT)).isEqualTo(2);
		});
	}

	@Test
	void aDroppedCollectionStaysDroppedAfterACrash() {
		Path file = this.dataDir.resolve("f.mv.db");
		run(file, true, (server, things) -> {
			Flux.range(0, 20).concatMap((i) -> things.insertOne(new Document("_id", i))).blockLast(TIMEOUT);
			Mono.from(things.drop()).block(TIMEOUT);
			assertThat(server.hasUnjournaledChanges()).isFalse();
		});
		// only the document the reopening inserted
		run(file, false,
				(things) -> assertThat(Flux.from(things.find()).collectList().block(TIMEOUT))
					.extracting((thing) -> thing.get("_id"))
					.containsExactly("first"));
	}

	/**
	 * A write whose records could not be written to the journal is answered with an
	 * error, and so is every later one until a commit holds what the journal missed; then
	 * writes are journaled again, and a crash loses none of them.
	 */
	@Test
	void aFailedJournalWriteAnswersErrorsUntilTheNextCommit() {
		Path file = this.dataDir.resolve("g.mv.db");
		run(file, true, (server, things) -> {
			server.stopCheckpoints();
			server.backend().journal().failWrites();
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> Mono.from(things.insertOne(new Document("_id", "during"))).block(TIMEOUT));
			assertThatExceptionOfType(RuntimeException.class)
				.isThrownBy(() -> Mono.from(things.insertOne(new Document("_id", "still"))).block(TIMEOUT));
			assertThat(server.checkpoint()).as("the commit holds what the journal missed").isTrue();
			Mono.from(things.insertOne(new Document("_id", "after"))).block(TIMEOUT);
		});
		run(file, false,
				(things) -> assertThat(
						Flux.from(things.find()).map((thing) -> thing.get("_id")).collectList().block(TIMEOUT))
					.contains("during", "after"));
	}

	private static Path copy(Path from, Path to) {
		try {
			return Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The collection {@code things}, created (its creation commits the store). */
	private static MongoCollection<Document> things(MongoClient client) {
		MongoCollection<Document> things = client.getDatabase("cqo").getCollection("things");
		Mono.from(things.insertOne(new Document("_id", "first"))).onErrorResume((ex) -> Mono.empty()).block(TIMEOUT);
		return things;
	}

	private static void run(Path file, boolean crash, Consumer<MongoCollection<Document>> work) {
		run(file, crash, (server, things) -> work.accept(things));
	}

	/** Open the store, work on {@code things}, then crash or close. */
	private static void run(Path file, boolean crash,
			java.util.function.BiConsumer<EmbeddedMongoServer, MongoCollection<Document>> work) {
		EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
		boolean crashed = false;
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			work.accept(server, things(client));
			if (crash) {
				server.crash();
				crashed = true;
			}
		}
		finally {
			if (!crashed) {
				server.close();
			}
		}
	}

}
