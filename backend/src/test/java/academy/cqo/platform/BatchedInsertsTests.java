package academy.cqo.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import academy.cqo.testsupport.EmbeddedTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inserts gathered while one is under way, on the embedded store: every document stored
 * once, each caller told whether its own was inserted or its id was taken (also by
 * another caller of the same command), in fewer commands than inserts; a store that is
 * gone fails the callers.
 */
class BatchedInsertsTests {

	/**
	 * What the driver answers once its client is closed (the test's store closes both).
	 */
	private static final String CLOSED = "state should be: open";

	@TempDir
	Path dataDir;

	@Test
	void manyInsertsAtOnceAreStoredOnceEachAndEachCallerLearnsItsOwnOutcome() {
		try (EmbeddedTemplate store = EmbeddedTemplate.start(this.dataDir)) {
			ReactiveMongoTemplate mongo = store.mongo();
			mongo.insert(new Document("_id", "taken-before").append("n", -1), "attempts").block(Duration.ofSeconds(30));
			BatchedInserts inserts = new BatchedInserts(mongo, "attempts", 64);
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < 600; i++) {
				// every tenth id twice, and one taken before
				ids.add("s1:a" + (i % 10 == 9 ? i - 1 : i) + ":1");
			}
			ids.add("taken-before");

			List<Map.Entry<String, Boolean>> outcomes = Flux.fromIterable(ids)
				.parallel(8)
				.runOn(Schedulers.boundedElastic())
				.flatMap((id) -> inserts.insert(new Document("_id", id).append("status", "IN_PROGRESS"))
					.map((inserted) -> Map.entry(id, inserted)))
				.sequential()
				.collectList()
				.block(Duration.ofMinutes(1));

			assertThat(outcomes).hasSize(ids.size());
			Map<String, List<Boolean>> byId = new java.util.HashMap<>();
			outcomes.forEach(
					(entry) -> byId.computeIfAbsent(entry.getKey(), (key) -> new ArrayList<>()).add(entry.getValue()));
			byId.forEach((id, results) -> {
				if (id.equals("taken-before")) {
					assertThat(results).as(id).containsExactly(false);
				}
				else {
					// one caller inserted it; a second caller of the same id learned it
					// was taken
					assertThat(results).as(id)
						.containsOnlyOnce(true)
						.hasSize(ids.stream().filter(id::equals).count() == 2 ? 2 : 1);
				}
			});
			assertThat(mongo.count(new Query(), "attempts").block(Duration.ofSeconds(30))).isEqualTo(byId.size());
			assertThat(mongo.findById("taken-before", Document.class, "attempts").block(Duration.ofSeconds(30)))
				.containsEntry("n", -1);
			assertThat(inserts.writes()).isLessThan(ids.size());
		}
	}

	@Test
	void anInsertAloneGoesAtOnce() {
		try (EmbeddedTemplate store = EmbeddedTemplate.start(this.dataDir)) {
			BatchedInserts inserts = new BatchedInserts(store.mongo(), "attempts", 64);
			assertThat(inserts.insert(new Document("_id", "one")).block(Duration.ofSeconds(30))).isTrue();
			assertThat(inserts.insert(new Document("_id", "one")).block(Duration.ofSeconds(30))).isFalse();
			assertThat(inserts.writes()).isEqualTo(2);
		}
	}

	@Test
	void whenTheStoreIsGoneEveryCallerFailsAndLaterInsertsAreTriedAgain() {
		EmbeddedTemplate store = EmbeddedTemplate.start(this.dataDir);
		BatchedInserts inserts = new BatchedInserts(store.mongo(), "attempts", 64);
		store.close();
		List<Throwable> failures = Flux.range(0, 5)
			.flatMap((i) -> inserts.insert(new Document("_id", "gone-" + i))
				.then(Mono.<Throwable>empty())
				.onErrorResume(Mono::just))
			.collectList()
			.block(Duration.ofMinutes(2));
		assertThat(failures).hasSize(5).allSatisfy((failure) -> assertThat(failure).hasMessageContaining(CLOSED));
		// nothing stays "under way": the next insert is sent (and fails) too
		assertThatThrownBy(() -> inserts.insert(new Document("_id", "later")).block(Duration.ofMinutes(1)))
			.hasMessageContaining(CLOSED);
	}

}
