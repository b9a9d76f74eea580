package academy.cqo.platform.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import academy.cqo.testsupport.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every commit writes a chunk (here every write is committed on its own, as a busy store
 * with a commit a second makes many over a day), and opening the store after a crash
 * reads every chunk's header and footer: compaction moves live pages into fewer chunks
 * while writers go on, and loses nothing, neither when the store is closed and reopened
 * nor when the process dies in the middle of it.
 */
class StoreCompactionTests {

	private static final String TEXT = "质量安全一票否决".repeat(120);

	@TempDir
	Path dataDir;

	@Test
	void compactionWhileWritersGoOnBoundsTheChunksAndKeepsEveryRecord() {
		Path file = this.dataDir.resolve("a.mv.db");
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		int chunksBefore;
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			// emptied chunks leave at the next commit, so the count is of chunks holding
			// data
			server.retainEmptiedChunksFor(Duration.ZERO);
			MongoCollection<Document> things = client.getDatabase("cqo").getCollection("things");
			insert(server, things, 1500, 1, acknowledged).as(StepVerifier::create).verifyComplete();
			chunksBefore = server.chunkCount();
			assertThat(chunksBefore).as("chunks after 1,500 commits").isGreaterThan(300);

			Mono<EmbeddedMongoServer.Compaction> compaction = Mono
				.fromCallable(() -> server.compact(100, 64 * 1024, Duration.ofMinutes(1), Long.MAX_VALUE))
				.subscribeOn(Schedulers.boundedElastic());
			Mono.zip(compaction, insert(server, things, 500, 8, acknowledged).then(Mono.just(true)))
				.as(StepVerifier::create)
				.assertNext((both) -> assertThat(both.getT1().steps()).isPositive())
				.verifyComplete();
			// one more commit drops the chunks the compaction emptied
			insert(server, things, 1, 1, acknowledged).as(StepVerifier::create).verifyComplete();
			assertThat(server.chunkCount()).as("chunks after compaction").isLessThan(chunksBefore / 4);
			assertAllStored(things, acknowledged);
		}
		try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(reopened.connectionString())) {
			assertThat(reopened.chunkCount()).isLessThan(chunksBefore / 4);
			assertAllStored(client.getDatabase("cqo").getCollection("things"), acknowledged);
		}
	}

	@Test
	void compactionGivesWayToBusyWritersAndRunsWhenTheyAreQuiet() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("c.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString())) {
			server.retainEmptiedChunksFor(Duration.ZERO);
			MongoCollection<Document> things = client.getDatabase("cqo").getCollection("things");
			// hundreds of writes a second, as an exam's saves
			insert(server, things, 1500, 4, ConcurrentHashMap.newKeySet()).as(StepVerifier::create).verifyComplete();
			assertThat(server.compact(100, 64 * 1024, Duration.ofMinutes(1)).steps()).as("steps while writers are busy")
				.isZero();
			Eventually.await("a compaction once writers are quiet", Duration.ofSeconds(20),
					() -> server.compact(100, 64 * 1024, Duration.ofMinutes(1)).steps() > 0);
		}
	}

	/**
	 * The file as a crash leaves it, copied while compaction and writers run: it opens at
	 * its last commit, with every write acknowledged before the copy began.
	 */
	@Test
	void crashInTheMiddleOfCompactionLosesNoAcknowledgedWrite() {
		Path file = this.dataDir.resolve("b.mv.db");
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		Set<String> beforeTheCrash;
		Path crashImage = this.dataDir.resolve("crash").resolve("b.mv.db");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			server.retainEmptiedChunksFor(Duration.ZERO);
			MongoCollection<Document> things = client.getDatabase("cqo").getCollection("things");
			insert(server, things, 1500, 1, acknowledged).as(StepVerifier::create).verifyComplete();
			AtomicReference<Set<String>> copied = new AtomicReference<>();
			Mono<Void> compactionWithACrash = Mono.fromRunnable(() -> {
				assertThat(server.compactStep(64 * 1024)).as("a first step moved pages").isTrue();
				assertThat(server.compactStep(64 * 1024)).as("a second step moved pages").isTrue();
				copied.set(copyAsACrashLeavesIt(server, crashImage));
				assertThat(server.compactStep(64 * 1024)).as("a step after the crash moved pages").isTrue();
			}).subscribeOn(Schedulers.boundedElastic()).then();
			Mono.when(compactionWithACrash, insert(server, things, 400, 8, acknowledged))
				.as(StepVerifier::create)
				.verifyComplete();
			beforeTheCrash = copied.get();
			assertThat(beforeTheCrash).hasSizeGreaterThanOrEqualTo(1500);
		}
		try (EmbeddedMongoServer reopened = EmbeddedMongoServer.start(crashImage);
				MongoClient client = MongoClients.create(reopened.connectionString())) {
			assertAllStored(client.getDatabase("cqo").getCollection("things"), beforeTheCrash);
		}
	}

	/**
	 * Copy the store file as the online backup does (space reuse off, so the chunks the
	 * copied header names stay intact): what a process killed at that moment leaves.
	 * @return the ids acknowledged before the copy began
	 */
	private Set<String> copyAsACrashLeavesIt(EmbeddedMongoServer server, Path target) {
		Set<String> acknowledged = Set.copyOf(this.acknowledgedSoFar);
		try {
			copy(server, target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return acknowledged;
	}

	private void copy(EmbeddedMongoServer server, Path target) throws IOException {
		Path zip = this.dataDir.resolve("crash.zip");
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
			server.backupStore(zipped, "b.mv.db");
		}
		Files.createDirectories(target.getParent());
		try (InputStream in = Files.newInputStream(zip); ZipInputStream unzipped = new ZipInputStream(in)) {
			unzipped.getNextEntry();
			Files.copy(unzipped, target);
		}
	}

	private final Set<String> acknowledgedSoFar = ConcurrentHashMap.newKeySet();

	/**
	 * Insert documents of about 2 KB under random ids (so they land in pages all over the
	 * map, as attempts and answers do), each its own commit.
	 */
	private Mono<Void> insert(EmbeddedMongoServer server, MongoCollection<Document> things, int count, int concurrency,
			Set<String> acknowledged) {
		return Flux.range(0, count).flatMap((i) -> {
			String id = UUID.randomUUID().toString();
			return Mono.from(things.insertOne(new Document("_id", id).append("text", TEXT + id))).doOnNext((result) -> {
				acknowledged.add(id);
				this.acknowledgedSoFar.add(id);
			}).then(Mono.fromRunnable(server::checkpoint).subscribeOn(Schedulers.boundedElastic()));
		}, concurrency).then();
	}

	private static void assertAllStored(MongoCollection<Document> things, Set<String> ids) {
		Flux.from(things.find())
			.filter((thing) -> thing.getString("text").equals(TEXT + thing.getString("_id")))
			.map((thing) -> thing.getString("_id"))
			.collectList()
			.as(StepVerifier::create)
			.assertNext((stored) -> assertThat(stored).containsAll(ids))
			.verifyComplete();
	}

}
