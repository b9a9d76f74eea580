package academy.cqo.platform;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Criteria;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of many people have a matching record, against a real (embedded) store: by an
 * {@code $in} list for a few people, by one pass for more than
 * {@link AccountMatches#MAX_IN}.
 */
class AccountMatchesTests {

	private MongoServer server;

	private MongoClient client;

	private ReactiveMongoTemplate mongo;

	@BeforeEach
	void start() {
		this.server = new MongoServer(new H2Backend(MVStore.open(null)));
		InetSocketAddress address = this.server.bind();
		this.client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
		this.mongo = new ReactiveMongoTemplate(this.client, "matches");
		Flux.just(new Document("accountId", "a1").append("passed", true),
				new Document("accountId", "a2").append("passed", false),
				new Document("accountId", "a3").append("passed", true),
				new Document("accountId", "a1").append("passed", true))
			.concatMap((record) -> this.mongo.insert(record, "attempts"))
			.then()
			.as(StepVerifier::create)
			.verifyComplete();
	}

	@AfterEach
	void stop() {
		this.client.close();
		this.server.shutdownNow();
	}

	@Test
	void whenAFewPeopleAreAskedAboutThenOnlyThoseWithAMatchAreAnswered() {
		AccountMatches
			.among(this.mongo, new IdPages(this.mongo, 2, Duration.ZERO), "attempts", Criteria.where("passed").is(true),
					List.of("a1", "a2", "a9"))
			.as(StepVerifier::create)
			.assertNext((matches) -> assertThat(matches).containsExactly("a1"))
			.verifyComplete();
	}

	@Test
	void whenMoreThanTheInListLimitAreAskedAboutThenOnePassGivesTheSameAnswerForThemOnly() {
		List<String> many = new ArrayList<>(List.of("a1", "a2"));
		for (int i = 0; i < AccountMatches.MAX_IN; i++) {
			many.add("x" + i);
		}
		AccountMatches
			.among(this.mongo, new IdPages(this.mongo, 2, Duration.ZERO), "attempts", Criteria.where("passed").is(true),
					many)
			.as(StepVerifier::create)
			.assertNext((matches) -> assertThat(matches).containsExactly("a1"))
			.verifyComplete();
	}

	@Test
	void whenNobodyIsAskedAboutThenNobodyMatches() {
		AccountMatches
			.among(this.mongo, new IdPages(this.mongo, 2, Duration.ZERO), "attempts", Criteria.where("passed").is(true),
					Set.of())
			.as(StepVerifier::create)
			.assertNext((matches) -> assertThat(matches).isEmpty())
			.verifyComplete();
	}

	@Test
	void whenTheIndexIsDeclaredThenTheCollectionHasItByName() {
		AccountMatches.index(this.mongo, "attempts")
			.thenMany(this.mongo.indexOps("attempts").getIndexInfo())
			.map(IndexInfo::getName)
			.collectList()
			.as(StepVerifier::create)
			.assertNext((names) -> assertThat(names).contains("report_account"))
			.verifyComplete();
	}

}
