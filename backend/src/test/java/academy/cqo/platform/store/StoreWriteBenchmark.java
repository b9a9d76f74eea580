package academy.cqo.platform.store;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;
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

/**
 * The embedded store alone under an exam's saves: 300 attempts and their 6,000 answer
 * documents, then rounds of conditional upserts shaped as {@code AttemptStore.saveAnswer}
 * ({@code {_id, seq: {$lt: n}, sealed: {$ne: true}}}, {@code $set} of the answer), 64 in
 * flight through the driver, each in the store's journal before its reply. Per round:
 * writes per second, CPU of the server's threads ({@code mongo-server-worker}: the
 * commands and their journal writes; {@code store-checkpoint}: the commits) and of the
 * whole process per write, writes per journal write, commits; at the end the store file's
 * size, and that of a fresh store holding the same final documents. Run with
 * {@code ./mvnw -B -pl backend verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=StoreWriteBenchmark}
 * ({@code -Drounds=N}, default 5; {@code -Dwrites=N} per round, default 12,000;
 * {@code -Djfr=true} profiles the rounds).
 */
class StoreWriteBenchmark {

	private static final int CANDIDATES = 300;

	private static final int QUESTIONS = 20;

	private static final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

	static {
		// Surefire and Failsafe enable assertions, and H2's MVStore asserts on every
		// chunk it writes that a scan over all the store's chunks gives the length in use
		// (30-50 % of a commit here): measured as the application runs, without them
		ClassLoader.getSystemClassLoader().setPackageAssertionStatus("org.h2", false);
		StoreWriteBenchmark.class.getClassLoader().setPackageAssertionStatus("org.h2", false);
	}

	@TempDir
	Path dataDir;

	@Test
	void conditionalUpsertsOfAnswers() throws Exception {
		int rounds = Integer.getInteger("rounds", 5);
		int writes = Integer.getInteger("writes", 12_000);
		Path file = this.dataDir.resolve("store.mv.db");
		List<Document> finalAnswers;
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(file);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> attempts = client.getDatabase("cqo").getCollection("attempts");
			MongoCollection<Document> answers = client.getDatabase("cqo").getCollection("attempt_answers");
			// created before the concurrent writes: concurrent first writes to a
			// collection
			// that does not exist yet deadlocked the store once (a write that found no
			// collection took the shared lock first, then waited for the collection's)
			Mono.from(client.getDatabase("cqo").createCollection("attempts")).block(Duration.ofSeconds(30));
			Mono.from(client.getDatabase("cqo").createCollection("attempt_answers")).block(Duration.ofSeconds(30));
			Flux.range(0, CANDIDATES)
				.flatMap((i) -> attempts.insertOne(attempt(i)), 16)
				.blockLast(Duration.ofMinutes(2));
			// every answer document inserted, then a warm-up round
			save(answers, 0, CANDIDATES * QUESTIONS);
			save(answers, CANDIDATES * QUESTIONS, writes);
			DurableH2Backend backend = server.backend();
			Recording recording = profile();
			for (int round = 1; round <= rounds; round++) {
				long commits = backend.commitCount();
				long flushes = backend.journal().flushes();
				long serverCpu = cpu("mongo-server-worker") + cpu("store-checkpoint");
				long processCpu = processCpu();
				long started = System.nanoTime();
				save(answers, (round + 1) * writes, writes);
				double seconds = (System.nanoTime() - started) / 1e9;
				serverCpu = cpu("mongo-server-worker") + cpu("store-checkpoint") - serverCpu;
				processCpu = processCpu() - processCpu;
				commits = backend.commitCount() - commits;
				flushes = backend.journal().flushes() - flushes;
				System.out.printf(Locale.ROOT,
						"round %d: %d writes in %.2f s = %.0f/s | server and checkpoint threads %.3f ms CPU/write"
								+ " | process %.3f ms CPU/write | %.2f writes/journal write | %d commits | load %s%n",
						round, writes, seconds, writes / seconds, serverCpu / 1e6 / writes, processCpu / 1e6 / writes,
						(double) writes / Math.max(1, flushes), commits, load());
			}
			if (recording != null) {
				Path jfr = Path.of("target/store-write.jfr").toAbsolutePath();
				recording.dump(jfr);
				recording.close();
				System.out.printf(Locale.ROOT, "profile of the rounds: %s (H2 assertions %s)%n", jfr,
						org.h2.mvstore.MVStore.class.desiredAssertionStatus() ? "on" : "off");
			}
			finalAnswers = Flux.from(answers.find()).collectList().block(Duration.ofMinutes(1));
			assertThat(finalAnswers).hasSize(CANDIDATES * QUESTIONS);
		}
		System.out.printf(Locale.ROOT, "store file after the rounds: %d bytes%n", Files.size(file));
		Path fresh = this.dataDir.resolve("fresh.mv.db");
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(fresh);
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> attempts = client.getDatabase("cqo").getCollection("attempts");
			MongoCollection<Document> answers = client.getDatabase("cqo").getCollection("attempt_answers");
			Flux.range(0, CANDIDATES).concatMap((i) -> attempts.insertOne(attempt(i))).blockLast(Duration.ofMinutes(2));
			Flux.fromIterable(finalAnswers).buffer(500).concatMap(answers::insertMany).blockLast(Duration.ofMinutes(2));
		}
		System.out.printf(Locale.ROOT, "fresh store with the same final documents: %d bytes%n", Files.size(fresh));
	}

	private static void save(MongoCollection<Document> answers, int from, int count) {
		Flux.range(from, count)
			.flatMap(
					(n) -> Mono.from(answers.updateOne(saveFilter(n), saveUpdate(n), new UpdateOptions().upsert(true))),
					64)
			.blockLast(Duration.ofMinutes(5));
	}

	private static String attemptId(int candidate) {
		return String.format(Locale.ROOT, "6751a1b2c3d4e5f6%08x:6751a1b2c3d4e5f7%08x:1", 17, candidate);
	}

	private static String questionId(int question) {
		return String.format(Locale.ROOT, "6751a1b2c3d4e5f8%08x", question);
	}

	/** The n-th save: candidates in turn, each answering its questions in turn. */
	private static org.bson.conversions.Bson saveFilter(int n) {
		int candidate = n % CANDIDATES;
		int question = (n / CANDIDATES) % QUESTIONS;
		// one flat document, as Spring Data's criteria render it: the store answers an
		// _id
		// equality beside other conditions from the _id index (Filters.and renders $and,
		// which it scans the collection for)
		return new Document("_id", attemptId(candidate) + ":" + questionId(question))
			.append("seq", new Document("$lt", (long) n))
			.append("sealed", new Document("$ne", true));
	}

	private static org.bson.conversions.Bson saveUpdate(int n) {
		int candidate = n % CANDIDATES;
		int question = (n / CANDIDATES) % QUESTIONS;
		return Updates.combine(Updates.set("attemptId", attemptId(candidate)),
				Updates.set("questionId", questionId(question)),
				Updates.set("response", List.of(((n % 3) == 0) ? "A" : "C")), Updates.set("seq", (long) n),
				Updates.set("savedAt", new Date(1_765_000_100_000L + n)));
	}

	private static Document attempt(int i) {
		Date started = new Date(1_765_000_000_000L + i * 37L);
		List<Document> paper = new ArrayList<>();
		for (int q = 0; q < QUESTIONS; q++) {
			paper.add(new Document("questionId", questionId(q)).append("version", 1 + q % 3)
				.append("section", q / 10)
				.append("score", 5.0)
				.append("optionOrder", List.of("B", "D", "A", "C")));
		}
		return new Document("_id", attemptId(i)).append("sessionId", "6751a1b2c3d4e5f600000011")
			.append("examId", "6751a1b2c3d4e5f6000000aa")
			.append("accountId", String.format(Locale.ROOT, "6751a1b2c3d4e5f7%08x", i))
			.append("username", "candidate" + i)
			.append("number", 1)
			.append("status", "IN_PROGRESS")
			.append("startedAt", started)
			.append("deadline", new Date(started.getTime() + 5_400_000L))
			.append("seed", 7_919L * i)
			.append("paper", paper)
			.append("answers", new Document())
			.append("flagged", List.of())
			.append("events",
					List.of(new Document("type", "STARTED").append("at", started)
						.append("address", "10.1.2." + i % 250)))
			.append("maxScore", 100.0)
			.append("outcomePublished", false)
			.append("_class", "academy.cqo.exam.persistence.AttemptDocument");
	}

	/**
	 * With {@code -Djfr=true}, a CPU profile of the rounds
	 * ({@code target/store-write.jfr}).
	 */
	private static Recording profile() throws Exception {
		if (!Boolean.getBoolean("jfr")) {
			return null;
		}
		Recording recording = new Recording(Configuration.getConfiguration("profile"));
		recording.start();
		return recording;
	}

	/** CPU time of the live threads whose name starts with the prefix, in ns. */
	private static long cpu(String prefix) {
		long total = 0;
		for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (info != null && info.getThreadName().startsWith(prefix)) {
				long time = threads.getThreadCpuTime(info.getThreadId());
				total += Math.max(time, 0);
			}
		}
		return total;
	}

	private static long processCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static String load() {
		return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

}
