package academy.cqo.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import academy.cqo.testsupport.EmbeddedTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Several conditional upserts sent together, in process and over the wire, on the
 * embedded store: the same documents stored, the same outcome, the same failures.
 */
class KeyedUpsertsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@TempDir
	Path dataDir;

	@Test
	void whenUpsertsAreSentTogetherThenEachIsAppliedAndOneMeetingANewerDocumentFailsAsADuplicateKey() {
		try (EmbeddedTemplate store = EmbeddedTemplate.start(this.dataDir)) {
			ReactiveMongoTemplate mongo = store.mongo();
			KeyedUpserts inProcess = store.upserts();
			KeyedUpserts overTheWire = KeyedUpserts.of(mongo, null);
			for (String collection : List.of("local", "wire")) {
				mongo.insert(new Document("_id", "new").append("seq", 9L), collection).block(WAIT);
			}
			long before = store.inProcess().applied();

			// all applied
			List<KeyedUpserts.Upsert> fresh = List.of(upsert("a", 1), upsert("b", 1));
			inProcess.upsertAll("local", fresh).block(WAIT);
			overTheWire.upsertAll("wire", fresh).block(WAIT);
			assertThat(store.inProcess().applied() - before).as("in process").isEqualTo(1);

			// one meets a newer stored document: a duplicate key, the others applied
			List<KeyedUpserts.Upsert> mixed = List.of(upsert("a", 2), upsert("new", 2), upsert("c", 2));
			assertThatThrownBy(() -> inProcess.upsertAll("local", mixed).block(WAIT))
				.isInstanceOf(DuplicateKeyException.class);
			assertThatThrownBy(() -> overTheWire.upsertAll("wire", mixed).block(WAIT))
				.isInstanceOf(DuplicateKeyException.class);
			assertThat(stored(mongo, "local")).isEqualTo(stored(mongo, "wire"))
				.containsExactly("a=2", "b=1", "c=2", "new=9");

			// an update the store refuses is not a duplicate key (the bulk write's error,
			// as
			// the template signals it)
			List<KeyedUpserts.Upsert> refused = List.of(upsert("a", 3),
					new KeyedUpserts.Upsert(new Document("_id", "b"), new Document("$bogus", new Document("seq", 3))));
			assertThatThrownBy(() -> inProcess.upsertAll("local", refused).block(WAIT))
				.isInstanceOf(BulkOperationException.class)
				.isNotInstanceOf(DuplicateKeyException.class);
			assertThatThrownBy(() -> overTheWire.upsertAll("wire", refused).block(WAIT))
				.isInstanceOf(BulkOperationException.class)
				.isNotInstanceOf(DuplicateKeyException.class);
			assertThat(stored(mongo, "local")).isEqualTo(stored(mongo, "wire"))
				.containsExactly("a=3", "b=1", "c=2", "new=9");

			// a duplicate key beside a refusal: a duplicate key both ways, as the
			// template
			// reports a bulk write's errors
			List<KeyedUpserts.Upsert> both = List.of(upsert("new", 4),
					new KeyedUpserts.Upsert(new Document("_id", "c"), new Document("$bogus", new Document("seq", 4))));
			assertThatThrownBy(() -> inProcess.upsertAll("local", both).block(WAIT))
				.isInstanceOf(DuplicateKeyException.class);
			assertThatThrownBy(() -> overTheWire.upsertAll("wire", both).block(WAIT))
				.isInstanceOf(DuplicateKeyException.class);
			assertThat(stored(mongo, "local")).isEqualTo(stored(mongo, "wire"))
				.containsExactly("a=3", "b=1", "c=2", "new=9");

			// nothing to send
			inProcess.upsertAll("local", List.of()).block(WAIT);
			assertThat(store.inProcess().applied() - before).as("in process").isEqualTo(4);
		}
	}

	private static KeyedUpserts.Upsert upsert(String id, long seq) {
		return new KeyedUpserts.Upsert(new Document("_id", id).append("seq", new Document("$lt", seq)),
				new Document("$set", new Document("seq", seq)));
	}

	private static List<String> stored(ReactiveMongoTemplate mongo, String collection) {
		return Flux.from(mongo.getCollection(collection).flatMapMany((documents) -> documents.find()))
			.map((document) -> document.get("_id") + "=" + document.get("seq"))
			.sort()
			.collectList()
			.block(WAIT);
	}

}
