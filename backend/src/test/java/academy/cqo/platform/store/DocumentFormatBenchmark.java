package academy.cqo.platform.store;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.compress.CompressLZF;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What writing and reading a page of documents costs with Java serialisation (H2's
 * default type, before) and as BSON ({@link DocumentDataType}): time, CPU, allocation and
 * bytes (raw and LZF-compressed as the store compresses pages) for a page of attempt
 * documents (a 20-question paper) and a page of answer documents, shaped as the exam
 * module stores them. Rounds alternate between the two types. Run with
 * {@code ./mvnw -B -pl backend verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=DocumentFormatBenchmark}
 * ({@code -Dseconds=N} per measurement, default 3).
 */
class DocumentFormatBenchmark {

	private static final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	@Test
	void pagesOfAttemptsAndAnswers() {
		long seconds = Long.getLong("seconds", 3);
		Page attempts = new Page("attempts", 8, DocumentFormatBenchmark::attempt);
		Page answers = new Page("attempt_answers", 48, DocumentFormatBenchmark::answer);
		System.out.printf(Locale.ROOT, "load: %s%n", load());
		for (Page page : List.of(attempts, answers)) {
			for (int round = 1; round <= 4; round++) {
				for (DataType<Object> type : List.of(new ObjectDataType(), new DocumentDataType())) {
					page.measure(type, round, seconds);
				}
			}
		}
		System.out.printf(Locale.ROOT, "load: %s%n", load());
	}

	private static String load() {
		return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	/** An attempt as {@code AttemptDocument} stores it after its start. */
	static Document attempt(int i) {
		String session = String.format(Locale.ROOT, "6751a1b2c3d4e5f6%08x", 17);
		String account = String.format(Locale.ROOT, "6751a1b2c3d4e5f7%08x", i);
		Instant started = Instant.ofEpochMilli(1_765_000_000_000L + i * 37L);
		List<Object> paper = new ArrayList<>();
		for (int q = 0; q < 20; q++) {
			paper.add(new Document("questionId", String.format(Locale.ROOT, "6751a1b2c3d4e5f8%08x", q * 7 + i % 5))
				.append("version", 1 + q % 3)
				.append("section", q / 10)
				.append("score", 5.0)
				.append("optionOrder", new ArrayList<>(List.of("B", "D", "A", "C"))));
		}
		List<Object> events = new ArrayList<>();
		events.add(new Document("type", "STARTED").append("at", started).append("address", "10.1.2." + (i % 250)));
		return new Document("_id", session + ":" + account + ":1").append("sessionId", session)
			.append("examId", "6751a1b2c3d4e5f6000000aa")
			.append("accountId", account)
			.append("username", "candidate" + i)
			.append("number", 1)
			.append("status", "IN_PROGRESS")
			.append("startedAt", started)
			.append("deadline", started.plusSeconds(5400))
			.append("seed", 7_919L * i)
			.append("paper", paper)
			.append("answers", new Document())
			.append("flagged", new ArrayList<>())
			.append("events", events)
			.append("browserToken", "b" + Long.toHexString(31L * i + 1_000_003L))
			.append("startedFrom", "10.1.2." + (i % 250))
			.append("maxScore", 100.0)
			.append("outcomePublished", false)
			.append("_class", "academy.cqo.exam.persistence.AttemptDocument");
	}

	/** An answer as {@code AttemptStore.saveAnswer}'s upsert stores it. */
	static Document answer(int i) {
		String attempt = String.format(Locale.ROOT, "6751a1b2c3d4e5f6%08x:6751a1b2c3d4e5f7%08x:1", 17, i / 20);
		String question = String.format(Locale.ROOT, "6751a1b2c3d4e5f8%08x", i % 20);
		return new Document("_id", attempt + ":" + question).append("attemptId", attempt)
			.append("questionId", question)
			.append("response", new ArrayList<>(List.of((i % 3 == 0) ? "A" : "C")))
			.append("seq", 3L + i % 7)
			.append("savedAt", Instant.ofEpochMilli(1_765_000_100_000L + i * 113L));
	}

	private static final class Page {

		private final String name;

		private final Object[] documents;

		Page(String name, int size, java.util.function.IntFunction<Document> document) {
			this.name = name;
			this.documents = new Object[size];
			for (int i = 0; i < size; i++) {
				this.documents[i] = document.apply(i);
			}
		}

		void measure(DataType<Object> type, int round, long seconds) {
			WriteBuffer buffer = new WriteBuffer();
			type.write(buffer, this.documents, this.documents.length);
			byte[] bytes = new byte[buffer.position()];
			buffer.getBuffer().flip().get(bytes);
			byte[] compressed = new byte[bytes.length * 2 + 64];
			int compressedLength = new CompressLZF().compress(bytes, 0, bytes.length, compressed, 0);
			Object[] read = new Object[this.documents.length];
			type.read(ByteBuffer.wrap(bytes), read, read.length);
			for (int i = 0; i < read.length; i++) {
				assertThat(read[i]).isEqualTo(this.documents[i]);
			}
			// warm up, then measure
			Cost write = time(seconds, () -> {
				buffer.clear();
				type.write(buffer, this.documents, this.documents.length);
			});
			write = time(seconds, () -> {
				buffer.clear();
				type.write(buffer, this.documents, this.documents.length);
			});
			Cost readBack = time(seconds, () -> type.read(ByteBuffer.wrap(bytes), read, read.length));
			readBack = time(seconds, () -> type.read(ByteBuffer.wrap(bytes), read, read.length));
			System.out.printf(Locale.ROOT,
					"%-15s round %d %-16s %2d docs: %6d bytes (%6d LZF) | write %7.1f us/page (cpu %7.1f, %7d B alloc)"
							+ " | read %7.1f us/page (cpu %7.1f, %7d B alloc) | load %s%n",
					this.name, round, type.getClass().getSimpleName(), this.documents.length, bytes.length,
					compressedLength, write.wallMicros, write.cpuMicros, write.allocated, readBack.wallMicros,
					readBack.cpuMicros, readBack.allocated, load());
		}

		private static Cost time(long seconds, Runnable operation) {
			long thread = Thread.currentThread().threadId();
			long deadline = System.nanoTime() + seconds * 1_000_000_000L;
			long started = System.nanoTime();
			long cpu = threads.getThreadCpuTime(thread);
			long allocated = threads.getThreadAllocatedBytes(thread);
			long count = 0;
			while (System.nanoTime() < deadline) {
				operation.run();
				count++;
			}
			long wall = System.nanoTime() - started;
			cpu = threads.getThreadCpuTime(thread) - cpu;
			allocated = threads.getThreadAllocatedBytes(thread) - allocated;
			return new Cost(wall / 1000.0 / count, cpu / 1000.0 / count, allocated / count);
		}

	}

	private record Cost(double wallMicros, double cpuMicros, long allocated) {
	}

}
