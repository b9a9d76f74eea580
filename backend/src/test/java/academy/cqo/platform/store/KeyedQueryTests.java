package academy.cqo.platform.store;

import java.nio.file.Path;
import java.time.Duration;

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
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A query on {@code _id}, alone or with other conditions, is answered by
 * {@link DurableH2Backend} from the documents' map by its key (mongo-java-server alone
 * scanned the collection for the second, and read its {@code _id} index for the first):
 * the results must be exactly those of the full query, for reads, conditional updates and
 * the conditional upsert a save uses, for string and object ids, after a delete, and for
 * numeric ids (which the index normalises: 1 and 1.0 are one id).
 */
class KeyedQueryTests {

	@TempDir
	Path dataDir;

	@Test
	void whenAQueryNamesAnIdAndMoreThenOnlyThatDocumentIfItMatchesTheRest() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("keyed.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> attempts = client.getDatabase("cqo").getCollection("attempts");
			Flux<Document> documents = Flux.range(0, 200)
				.map((i) -> new Document("_id", "a" + i).append("status", (i % 2 == 0) ? "OPEN" : "DONE")
					.append("seq", i));
			documents.collectList()
				.flatMap((list) -> Mono.from(attempts.insertMany(list)))
				.then(Flux.concat(
						Flux.from(attempts.find(Filters.and(Filters.eq("_id", "a4"), Filters.eq("status", "OPEN")))),
						Flux.from(attempts.find(Filters.and(Filters.eq("_id", "a5"), Filters.eq("status", "OPEN")))),
						Flux.from(attempts.find(Filters.and(Filters.eq("_id", "nope"), Filters.eq("status", "OPEN")))),
						Flux.from(attempts.find(
								Filters.and(Filters.eq("_id", "a10"), Filters.lt("seq", 11), Filters.gte("seq", 10)))))
					.map((found) -> found.getString("_id"))
					.collectList())
				.as(StepVerifier::create)
				.assertNext((ids) -> assertThat(ids).containsExactly("a4", "a10"))
				.expectComplete()
				.verify(Duration.ofMinutes(1));
		}
	}

	@Test
	void anIdAloneFindsItsDocumentWhateverTheIdsType() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("ids.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> things = client.getDatabase("cqo").getCollection("things");
			org.bson.types.ObjectId objectId = new org.bson.types.ObjectId();
			Flux.concat(
					Mono.from(things.insertMany(java.util.List.of(new Document("_id", "s1").append("n", 1),
							new Document("_id", objectId).append("n", 2), new Document("_id", 7).append("n", 3),
							new Document("_id", "s2").append("n", 4)))),
					Mono.from(things.deleteOne(Filters.eq("_id", "s2"))))
				.then(Flux.concat(Flux.from(things.find(Filters.eq("_id", "s1"))),
						Flux.from(things.find(Filters.eq("_id", objectId))),
						Flux.from(things.find(Filters.eq("_id", 7.0))), Flux.from(things.find(Filters.eq("_id", 7L))),
						Flux.from(things.find(Filters.eq("_id", "s2"))),
						Flux.from(things.find(Filters.eq("_id", "nope"))),
						Flux.from(things.find(Filters.eq("_id", new org.bson.types.ObjectId()))),
						Flux.from(things.find(Filters.and(Filters.eq("_id", objectId), Filters.eq("n", 2)))),
						Flux.from(things.find(Filters.and(Filters.eq("_id", objectId), Filters.eq("n", 3)))))
					.map((found) -> found.getInteger("n"))
					.collectList())
				.as(StepVerifier::create)
				.assertNext((found) -> assertThat(found).containsExactly(1, 2, 3, 3, 2))
				.expectComplete()
				.verify(Duration.ofMinutes(1));
		}
	}

	@Test
	void whenAConditionalUpsertFindsTheIdButNotTheConditionThenDuplicateKeyAndNothingChanged() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("upsert.mv.db"));
				MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> answers = client.getDatabase("cqo").getCollection("answers");
			UpdateOptions upsert = new UpdateOptions().upsert(true);
			Flux.concat(outcome(answers.updateOne(newer("q1", 5), Updates.set("seq", 5L), upsert)),
					outcome(answers.updateOne(newer("q1", 7), Updates.set("seq", 7L), upsert)),
					outcome(answers.updateOne(newer("q1", 6), Updates.set("seq", 6L), upsert)),
					outcome(answers.updateOne(Filters.eq("_id", "q1"), Updates.set("sealed", true))),
					outcome(answers.updateOne(newer("q1", 9), Updates.set("seq", 9L), upsert)),
					Flux.from(answers.find(Filters.eq("_id", "q1"))).map(Document::toJson))
				.collectList()
				.as(StepVerifier::create)
				.assertNext((outcomes) -> {
					assertThat(outcomes).hasSize(6);
					assertThat(outcomes.subList(0, 5)).containsExactly("applied", "applied", "duplicate", "applied",
							"duplicate");
					assertThat(outcomes.get(5)).contains("\"seq\": 7").contains("\"sealed\": true");
				})
				.expectComplete()
				.verify(Duration.ofMinutes(1));
		}
	}

	private static Mono<String> outcome(org.reactivestreams.Publisher<?> update) {
		return Mono.from(update)
			.map((result) -> "applied")
			.onErrorResume(MongoWriteException.class,
					(ex) -> Mono.just((ex.getError().getCode() == 11000) ? "duplicate" : ex.getMessage()));
	}

	private static org.bson.conversions.Bson newer(String id, long seq) {
		return Filters.and(Filters.eq("_id", id), Filters.lt("seq", seq), Filters.ne("sealed", true));
	}

}
