package academy.cqo.certificate.persistence;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import academy.cqo.testsupport.EmbeddedTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verification log's ids grow with time (so a batch of new entries lands in the last
 * pages of the embedded store's maps instead of touching pages all over the log), never
 * repeat, and are stored as the strings they are.
 */
class VerificationLogStoreTests {

	private static final Instant NOW = Instant.parse("2026-12-05T09:00:00Z");

	@TempDir
	Path dataDir;

	private EmbeddedTemplate embedded;

	private VerificationLogStore log;

	@BeforeEach
	void start() {
		this.embedded = EmbeddedTemplate.start(this.dataDir);
		this.log = new VerificationLogStore(this.embedded.mongo());
	}

	@AfterEach
	void stop() {
		this.embedded.close();
	}

	@Test
	void whenIdsAreMadeForLaterTimesThenTheySortLaterAsText() {
		List<String> ids = new ArrayList<>();
		for (long millis : new long[] { 0, 1, 15, 16, 255, 256, 4_095, 4_096, 86_400_000L, 31_536_000_000L }) {
			ids.add(VerificationLogStore.newId(NOW.plusMillis(millis)));
		}
		assertThat(ids).isSorted().doesNotHaveDuplicates();
		assertThat(VerificationLogStore.newId(Instant.parse("2500-01-01T00:00:00Z")))
			.as("eleven hex digits of milliseconds last until the year 2527")
			.hasSameSizeAs(ids.get(0))
			.isGreaterThan(ids.get(ids.size() - 1));
	}

	@Test
	void whenManyThreadsMakeIdsInTheSameMillisecondThenNoneRepeatsAndEachThreadsGrow() throws Exception {
		ConcurrentLinkedQueue<String> all = new ConcurrentLinkedQueue<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
			List<Future<List<String>>> made = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				made.add(threads.submit(() -> {
					List<String> mine = new ArrayList<>();
					for (int i = 0; i < 10_000; i++) {
						mine.add(VerificationLogStore.newId(NOW));
					}
					all.addAll(mine);
					return mine;
				}));
			}
			for (Future<List<String>> mine : made) {
				assertThat(mine.get()).isSorted();
			}
		}
		Set<String> distinct = new HashSet<>(all);
		assertThat(distinct).hasSize(40_000);
	}

	@Test
	void whenEntriesAreWrittenThenTheyAreStoredUnderStringIdsInTimeOrderAndFoundByCertificate() {
		List<VerificationLogStore.Entry> entries = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			Instant at = NOW.plusMillis(i * 7L);
			entries.add(new VerificationLogStore.Entry(VerificationLogStore.newId(at), at, "API", "VALID",
					"203.0.113.0/24", (i % 2 == 0) ? "c1" : "c2"));
		}
		this.log.appendAll(entries).as(StepVerifier::create).verifyComplete();

		Flux.from(this.embedded.mongo()
			.getCollection("verification_log")
			.flatMapMany((collection) -> collection.find().sort(new Document("_id", 1))))
			.collectList()
			.as(StepVerifier::create)
			.assertNext((stored) -> {
				assertThat(stored).hasSize(500);
				assertThat(stored).allSatisfy((document) -> assertThat(document.get("_id")).isInstanceOf(String.class));
				assertThat(stored).extracting((document) -> document.getDate("at").toInstant())
					.as("id order is time order")
					.isSorted();
			})
			.verifyComplete();
		this.log.ofCertificate("c1", 1000)
			.map(VerificationLogStore.Entry::at)
			.collectList()
			.as(StepVerifier::create)
			.assertNext(
					(times) -> assertThat(times).hasSize(250).isSortedAccordingTo(java.util.Comparator.reverseOrder()))
			.verifyComplete();
	}

}
