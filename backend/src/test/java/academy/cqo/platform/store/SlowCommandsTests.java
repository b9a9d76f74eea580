package academy.cqo.platform.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import academy.cqo.testsupport.LogCapture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded store's slow-command log: a command over the threshold is logged with its
 * collection, the shape of its filter (never a value), the documents scanned and
 * returned; one under the threshold is not.
 */
class SlowCommandsTests {

	private static final String ID_NUMBER = "360102198503151238";

	@TempDir
	Path dataDir;

	@RegisterExtension
	final LogCapture logged = new LogCapture("academy.cqo.platform.store.SlowCommands");

	@Test
	void everyCommandOverTheThresholdIsLoggedWithItsShapeAndNoValue() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("slow.mv.db"), 16,
				Duration.ZERO); MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> people = client.getDatabase("cqo").getCollection("people");
			Flux.range(0, 300)
				.map((i) -> new Document("_id", "p" + i).append("idNumber", (i == 7) ? ID_NUMBER : "x" + i)
					.append("name", "张三" + i))
				.collectList()
				.flatMap((list) -> Mono.from(people.insertMany(list)))
				.then(Flux
					.from(people.find(Filters.and(Filters.eq("idNumber", ID_NUMBER), Filters.in("name", "张三7", "李四")))
						.sort(Sorts.ascending("name"))
						.limit(5))
					.collectList())
				.block(Duration.ofMinutes(1));
		}
		List<String> lines = this.logged.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
		assertThat(lines).anySatisfy((line) -> assertThat(line).startsWith("Slow store command: insert took ")
			.contains("collection=people"));
		String find = lines.stream().filter((line) -> line.startsWith("Slow store command: find")).findFirst().get();
		assertThat(find).contains("collection=people")
			.contains("filter={$and: [{idNumber: ?}, {name: {$in: [2]}}]}")
			.contains("sort={name: ?}")
			.contains("limit=5")
			.contains("scanned=300")
			.contains("batch=1");
		assertThat(String.join("\n", lines)).doesNotContain(ID_NUMBER).doesNotContain("张三").doesNotContain("李四");
	}

	@Test
	void aCommandUnderTheThresholdIsNotLogged() {
		try (EmbeddedMongoServer server = EmbeddedMongoServer.start(this.dataDir.resolve("fast.mv.db"), 16,
				Duration.ofMinutes(5)); MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> people = client.getDatabase("cqo").getCollection("people");
			Mono.from(people.insertOne(new Document("_id", "p1")))
				.then(Mono.from(people.find(Filters.eq("_id", "p1")).first()))
				.block(Duration.ofMinutes(1));
		}
		assertThat(this.logged.events()).isEmpty();
	}

	@Test
	void aShapeKeepsFieldsAndOperatorsOnly() {
		Object filter = new de.bwaldvogel.mongo.bson.Document("$and",
				List.of(new de.bwaldvogel.mongo.bson.Document("_id",
						new de.bwaldvogel.mongo.bson.Document("$gt", "91360100MA35F7Q46X")),
						new de.bwaldvogel.mongo.bson.Document("regionCode", "360102")));
		assertThat(SlowCommands.shape(filter)).isEqualTo("{$and: [{_id: {$gt: ?}}, {regionCode: ?}]}");
	}

}
