package academy.cqo.platform.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

import org.springframework.mock.env.MockEnvironment;

import academy.cqo.platform.store.StoreConfiguration.StoreChoice;
import academy.cqo.shared.StartupTask;

import static org.assertj.core.api.Assertions.assertThat;

class StoreConfigurationTests {

	@Test
	void uriWithoutDatabaseGetsTheDefaultOne() {
		assertThat(StoreConfiguration.withDefaultDatabase("mongodb://a:27017,b:27017/?replicaSet=rs0").getDatabase())
			.isEqualTo("cqo");
		assertThat(StoreConfiguration.withDefaultDatabase("mongodb://a:27017").getDatabase()).isEqualTo("cqo");
		assertThat(StoreConfiguration.withDefaultDatabase("mongodb://a:27017?replicaSet=rs0").getConnectionString())
			.isEqualTo("mongodb://a:27017/cqo?replicaSet=rs0");
	}

	@Test
	void uriWithDatabaseKeepsIt() {
		assertThat(StoreConfiguration.withDefaultDatabase("mongodb://a:27017/academy?replicaSet=rs0").getDatabase())
			.isEqualTo("academy");
	}

	@Test
	void writesAreAcknowledgedByAJournaledMajorityUnlessTheUriSaysOtherwise() {
		assertThat(StoreConfiguration.writeConcernFor("mongodb://a,b,c/cqo?replicaSet=rs0"))
			.isEqualTo(WriteConcern.MAJORITY.withJournal(true));
		assertThat(StoreConfiguration.writeConcernFor("mongodb://a,b,c/cqo?replicaSet=rs0&w=2&journal=true"))
			.isEqualTo(new WriteConcern(2).withJournal(true));
	}

	/**
	 * The driver waits for a heartbeat's reply as long as its connect timeout; on the
	 * embedded store that must outlast a long command on the same server thread (a
	 * 2-second wait cleared the pool at province scale), as long as a reply may take.
	 */
	@Test
	void onTheEmbeddedStoreAHeartbeatWaitsAsLongAsAReply() {
		MongoClientSettings.Builder builder = MongoClientSettings.builder();
		StoreConfiguration.embeddedStoreTimeouts().customize(builder);
		MongoClientSettings settings = builder.build();
		assertThat(settings.getHeartbeatSocketSettings().getReadTimeout(TimeUnit.SECONDS)).isEqualTo(30);
		assertThat(settings.getSocketSettings().getReadTimeout(TimeUnit.SECONDS)).isEqualTo(30);
		assertThat(settings.getServerSettings().getHeartbeatFrequency(TimeUnit.SECONDS)).isEqualTo(1);
	}

	@Test
	void theStoreIsChosenFromTheSettingsOfTheStartThatAsksForIt() {
		assertThat(StoreChoice.of(new MockEnvironment())).isEqualTo(StoreChoice.EMBEDDED);
		assertThat(StoreChoice.of(new MockEnvironment().withProperty("cqo.mongodb-uri", " ")))
			.isEqualTo(StoreChoice.EMBEDDED);
		assertThat(StoreChoice.of(new MockEnvironment().withProperty("cqo.mongodb-uri", "mongodb://a/cqo")))
			.isEqualTo(StoreChoice.MONGODB);
		assertThat(StoreChoice.of(new MockEnvironment().withProperty("cqo.mongodb-uri", "mongodb://a/cqo")
			.withProperty("spring.mongodb.uri", "mongodb://b/cqo"))).isEqualTo(StoreChoice.MONGODB);
		assertThat(StoreChoice.of(new MockEnvironment().withProperty("spring.mongodb.uri", "mongodb://b/cqo")))
			.isEqualTo(StoreChoice.SPRING_PROPERTIES);
		assertThat(StoreChoice.of(new MockEnvironment().withProperty("spring.mongodb.host", "b")))
			.isEqualTo(StoreChoice.SPRING_PROPERTIES);
	}

	/**
	 * The embedded server opens its file while the application is built; the first
	 * start-up task waits for it, so a data directory in use by another process still
	 * stops the start before readiness, with the same message.
	 */
	@Test
	void theFirstStartupTaskWaitsForTheStoreAndFailsTheStartWhenItCannotOpen(@TempDir Path dataDir) {
		Path file = dataDir.resolve("store").resolve("cqo.mv.db");
		file.getParent().toFile().mkdirs();
		try (EmbeddedMongoServer running = EmbeddedMongoServer.start(file)) {
			StoreConfiguration.StoreOpened first = new StoreConfiguration.StoreOpened(running);
			assertThat(first.getOrder()).isLessThan(StartupTask.SCHEMA);
			StepVerifier.create(first.run()).verifyComplete();
			try (EmbeddedMongoServer second = EmbeddedMongoServer.startOpening(file, 16,
					SlowCommands.DEFAULT_THRESHOLD)) {
				StepVerifier.create(new StoreConfiguration.StoreOpened(second).run())
					.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
						.hasMessageContaining("in use by another running CQO Academy process"))
					.verify(Duration.ofSeconds(30));
			}
		}
	}

}
