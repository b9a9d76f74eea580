package academy.cqo.platform.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;
import com.mongodb.reactivestreams.client.MongoClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.mongodb.autoconfigure.PropertiesMongoConnectionDetails;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.MongoManagedTypes;
import org.springframework.data.mongodb.SessionSynchronization;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import academy.cqo.platform.PlatformSettings;
import academy.cqo.platform.Sweep;
import academy.cqo.shared.DataDirectory;
import academy.cqo.shared.StartupTask;

/**
 * Chooses the document store at every start ({@link StoreBeans}). With
 * {@code CQO_MONGODB_URI} set, the platform connects to that MongoDB. With neither it nor
 * Spring Boot's own {@code spring.mongodb.uri}/{@code host} set, it starts the embedded
 * server on the data directory and points the client at it; the server bean is created
 * before the client and closed after it.
 * <p>
 * Either way the driver's client retries transient store failures
 * ({@link RetryingMongoClient}). On the embedded store every wait of the driver is
 * bounded (a dropped connection is noticed and replaced within a second or two, not after
 * 30 s of server selection or a 2-minute pool wait); on MongoDB the default write concern
 * is {@code w: majority} with journaling unless the URI names one.
 */
@Configuration(proxyBeanMethods = false)
@Import(StoreConfiguration.StoreBeans.class)
class StoreConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(StoreConfiguration.class);

	static final String DATABASE = "cqo";

	static final String STORE_COMPACTION = "store-compaction";

	/**
	 * Above this many chunks the store is compacted (default of
	 * {@code cqo.store-compaction-chunks}): opening reads about 4,500 chunk headers a
	 * second at a load of 8 on two cores, so this many cost about 0.2 s.
	 */
	static final int COMPACTION_CHUNK_THRESHOLD = 1_000;

	/**
	 * Live pages moved per compaction step: a step took 29 ms at the median and 0.4 s at
	 * the 99th percentile on the 2,000-attempt store (load 7), and writers' commits wait
	 * for it.
	 */
	static final int COMPACTION_STEP_BYTES = 64 * 1024;

	/** The longest one compaction run goes on (it resumes at the next run). */
	static final Duration COMPACTION_BUDGET = Duration.ofMinutes(5);

	@Bean
	DataDirectory dataDirectory(PlatformSettings settings) {
		return new DataDirectory(settings.dataDir());
	}

	/**
	 * The mapping context learns each stored type when it is first used rather than all
	 * of them while the application starts (Spring Boot's default, the classes under
	 * {@code @Document}): building the 53 types' metadata took 0.3–0.4 s of the start
	 * before readiness on a quiet machine, about a second at load 4 (docs/BENCHMARKS.md,
	 * ninth session); the content start-up tasks right after readiness use most of them.
	 * @return no types up front
	 */
	@Bean
	static MongoManagedTypes mongoManagedTypes() {
		return MongoManagedTypes.fromIterable(List.of());
	}

	/**
	 * The template never looks for a transaction to join: the platform uses none (every
	 * change is one single-document update, docs/ARCHITECTURE.md), and the embedded store
	 * has none. Looking cost every operation a lookup of Spring's reactive transaction
	 * context that failed with an exception and was resumed from (about 170 a second on
	 * an exam day).
	 * @return the post-processor
	 */
	@Bean
	static BeanPostProcessor templateWithoutTransactions() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof ReactiveMongoTemplate template) {
					template.setSessionSynchronization(SessionSynchronization.NEVER);
				}
				return bean;
			}

		};
	}

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static RetryingMongoClient retryingMongoClient() {
		return new RetryingMongoClient();
	}

	@Bean
	static BeanPostProcessor retryingMongoClientWrapper(RetryingMongoClient retrying) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof MongoClient client) ? retrying.wrap(client) : bean;
			}

		};
	}

	/**
	 * Registers the beans of the store this start uses, from the settings as they are
	 * when the application starts. A bean condition would not do: Spring AOT processing
	 * ({@code -Dspring.aot.enabled=true}, docs/ARCHITECTURE.md) evaluates conditions
	 * once, at build time, while a bean registrar runs at every start, with or without
	 * it.
	 * <p>
	 * {@code CQO_MONGODB_URI} set: that MongoDB, journaled majority writes unless the URI
	 * names a write concern. Else {@code spring.mongodb.uri} or
	 * {@code spring.mongodb.host} set: Spring Boot's own connection settings. Else the
	 * embedded server on the data directory, with its compaction sweep, its backups and
	 * bounded driver waits. Every case registers the {@link MongoConnectionDetails}, so
	 * Spring Boot's own (a bean condition on a missing one) is never needed.
	 */
	static final class StoreBeans implements BeanRegistrar {

		@Override
		public void register(BeanRegistry registry, Environment environment) {
			switch (StoreChoice.of(environment)) {
				case MONGODB -> registerMongoDb(registry);
				case SPRING_PROPERTIES -> registerSpringProperties(registry);
				case EMBEDDED -> registerEmbedded(registry, environment);
			}
		}

		private static void registerMongoDb(BeanRegistry registry) {
			registry.registerBean("mongoConnectionDetails", MongoConnectionDetails.class,
					(bean) -> bean.supplier((context) -> mongoDbConnection(context.bean(PlatformSettings.class))));
			registry.registerBean("majorityWriteConcern", MongoClientSettingsBuilderCustomizer.class,
					(bean) -> bean.supplier((context) -> majorityWriteConcern(context.bean(PlatformSettings.class))));
		}

		private static void registerSpringProperties(BeanRegistry registry) {
			registry.registerBean("mongoConnectionDetails", PropertiesMongoConnectionDetails.class,
					(bean) -> bean
						.supplier((context) -> new PropertiesMongoConnectionDetails(context.bean(MongoProperties.class),
								context.beanProvider(SslBundles.class).getIfAvailable())));
		}

		/**
		 * The server bean is created before the client and closed after it: the
		 * connection details and backups take it as a constructor argument (so the
		 * container records that they depend on it), and the client takes the connection
		 * details.
		 */
		private static void registerEmbedded(BeanRegistry registry, Environment environment) {
			int chunkThreshold = environment.getProperty("cqo.store-compaction-chunks", Integer.class,
					COMPACTION_CHUNK_THRESHOLD);
			registry.registerBean("embeddedMongoServer", EmbeddedMongoServer.class,
					(bean) -> bean.supplier((context) -> embeddedMongoServer(context.bean(DataDirectory.class),
							context.bean(PlatformSettings.class))));
			registry.registerBean("embeddedStoreOpened", StoreOpened.class,
					(bean) -> bean.supplier((context) -> new StoreOpened(context.bean(EmbeddedMongoServer.class))));
			registry.registerBean("storeCompactionSweep", Sweep.class, (bean) -> bean
				.supplier((context) -> storeCompactionSweep(context.bean(EmbeddedMongoServer.class), chunkThreshold)));
			registry.registerBean("storeBackups", EmbeddedStoreBackups.class);
			if (environment.getProperty("cqo.store-in-process", Boolean.class, true)) {
				// off: every command over the wire, as on MongoDB (for tests of that
				// path)
				registry.registerBean("inProcessCommands", InProcessCommands.class, (bean) -> bean
					.supplier((context) -> new InProcessCommands(context.bean(EmbeddedMongoServer.class))));
			}
			registry.registerBean("mongoConnectionDetails", EmbeddedConnectionDetails.class);
			registry.registerBean("embeddedStoreTimeouts", MongoClientSettingsBuilderCustomizer.class,
					(bean) -> bean.supplier((context) -> embeddedStoreTimeouts()));
		}

	}

	/** Which store a start uses, from its settings ({@link StoreBeans}). */
	enum StoreChoice {

		/** {@code cqo.mongodb-uri} ({@code CQO_MONGODB_URI}) set. */
		MONGODB,

		/**
		 * Else Spring Boot's {@code spring.mongodb.uri} or {@code spring.mongodb.host}
		 * set.
		 */
		SPRING_PROPERTIES,

		/** Neither: the embedded server. */
		EMBEDDED;

		static StoreChoice of(Environment environment) {
			if (isSet(environment, "cqo.mongodb-uri")) {
				return MONGODB;
			}
			if (isSet(environment, "spring.mongodb.uri") || isSet(environment, "spring.mongodb.host")) {
				return SPRING_PROPERTIES;
			}
			return EMBEDDED;
		}

		private static boolean isSet(Environment environment, String property) {
			String value = environment.getProperty(property);
			return value != null && !value.isBlank();
		}

	}

	static EmbeddedMongoServer embeddedMongoServer(DataDirectory dataDirectory, PlatformSettings settings) {
		Path file = dataDirectory.directory("store").resolve("cqo.mv.db");
		return EmbeddedMongoServer.startOpening(file, settings.storeCacheMb(), settings.storeSlowCommandThreshold());
	}

	/**
	 * The first start-up task: waits until the embedded store file is open. The server
	 * bean listens at once and opens the file on a thread of its own while the rest of
	 * the application is built ({@link EmbeddedMongoServer#startOpening}); a store that
	 * cannot be opened (the data directory in use by another process) fails the start
	 * here, before readiness.
	 */
	static final class StoreOpened implements StartupTask {

		private final EmbeddedMongoServer server;

		StoreOpened(EmbeddedMongoServer server) {
			this.server = server;
		}

		@Override
		public int getOrder() {
			return SCHEMA - 100;
		}

		@Override
		public Mono<Void> run() {
			return Mono.fromRunnable(this.server::awaitOpen);
		}

	}

	/**
	 * Bounds the chunks of the store file, and so the time its opening takes (after a
	 * crash it reads every chunk's header and footer: 14,000 chunks took 3 s after 2,000
	 * candidates' exams). The first run comes one interval after start-up, so a store
	 * opened slowly once is compacted after readiness and opens fast next time
	 * ({@code cqo.sweeps.store-compaction.interval}, default one minute; it compacts
	 * above {@code cqo.store-compaction-chunks} chunks, default 1,000).
	 * @param server the embedded store
	 * @param chunkThreshold compact above this many chunks
	 * @return the sweep, run by every instance on its own store
	 */
	static Sweep storeCompactionSweep(EmbeddedMongoServer server, int chunkThreshold) {
		return Sweep.local(STORE_COMPACTION, Duration.ofMinutes(1),
				() -> Mono.fromRunnable(() -> server.compact(chunkThreshold, COMPACTION_STEP_BYTES, COMPACTION_BUDGET))
					.subscribeOn(Schedulers.boundedElastic())
					.then());
	}

	/**
	 * The client's connection to the embedded server: a bean taking the server as its
	 * constructor argument, so the container closes the client (which takes this) before
	 * the server.
	 */
	static final class EmbeddedConnectionDetails implements MongoConnectionDetails {

		private final ConnectionString connection;

		EmbeddedConnectionDetails(EmbeddedMongoServer server) {
			this.connection = new ConnectionString(server.connectionString() + "/" + DATABASE);
		}

		@Override
		public ConnectionString getConnectionString() {
			return this.connection;
		}

	}

	/**
	 * Bounded waits on the loopback store: server selection 5 s (not 30), a pooled
	 * connection 10 s (not 120), a reply 30 s (not forever), a heartbeat every second so
	 * that a dropped connection's paused pool is ready again at once. The connect timeout
	 * is 30 s because the driver also uses it as the heartbeat's reply timeout: the
	 * embedded server answers each connection on one of its few Netty threads, so a
	 * heartbeat waits while a long command (a scan of a large collection) runs on its
	 * thread; with 2 s, one such wait marked the server unknown and cleared the whole
	 * pool at province scale (docs/BENCHMARKS.md). A loopback connect is immediate or
	 * refused at once either way, and a dropped connection fails at once.
	 * @return the customizer, applied after Spring Boot's own
	 */
	static MongoClientSettingsBuilderCustomizer embeddedStoreTimeouts() {
		return ordered((builder) -> builder
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
			.applyToConnectionPoolSettings((pool) -> pool.maxWaitTime(10, TimeUnit.SECONDS))
			.applyToSocketSettings(
					(socket) -> socket.connectTimeout(30, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS))
			.applyToServerSettings((server) -> server.heartbeatFrequency(1, TimeUnit.SECONDS)
				.minHeartbeatFrequency(100, TimeUnit.MILLISECONDS)));
	}

	static MongoConnectionDetails mongoDbConnection(PlatformSettings settings) {
		ConnectionString connection = withDefaultDatabase(settings.mongodbUri());
		logger.info("Document store: MongoDB at {} (database {})", connection.getHosts(), connection.getDatabase());
		return () -> connection;
	}

	/**
	 * Answers are acknowledged once a majority of the replica set has them in its
	 * journal, so a fail-over loses none; a {@code w} in the URI wins.
	 * @param settings the platform settings
	 * @return the customizer, applied after Spring Boot's own
	 */
	static MongoClientSettingsBuilderCustomizer majorityWriteConcern(PlatformSettings settings) {
		WriteConcern concern = writeConcernFor(settings.mongodbUri());
		return ordered((builder) -> builder.writeConcern(concern));
	}

	/**
	 * The write concern used with MongoDB: the one the URI names, else
	 * {@code w: majority} journaled.
	 * @param uri a MongoDB connection string
	 * @return the write concern
	 */
	static WriteConcern writeConcernFor(String uri) {
		WriteConcern named = new ConnectionString(uri).getWriteConcern();
		return (named != null) ? named : WriteConcern.MAJORITY.withJournal(true);
	}

	private static MongoClientSettingsBuilderCustomizer ordered(MongoClientSettingsBuilderCustomizer customizer) {
		return new OrderedCustomizer(customizer);
	}

	/** Applied after Spring Boot's customizer, which applies the connection string. */
	private record OrderedCustomizer(
			MongoClientSettingsBuilderCustomizer customizer) implements MongoClientSettingsBuilderCustomizer, Ordered {

		@Override
		public void customize(com.mongodb.MongoClientSettings.Builder builder) {
			this.customizer.customize(builder);
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/**
	 * The connection string, naming the {@value #DATABASE} database when it names none.
	 * @param uri a MongoDB connection string
	 * @return the parsed connection string
	 */
	static ConnectionString withDefaultDatabase(String uri) {
		ConnectionString connection = new ConnectionString(uri);
		if (connection.getDatabase() != null) {
			return connection;
		}
		int query = uri.indexOf('?');
		String hosts = (query < 0) ? uri : uri.substring(0, query);
		String options = (query < 0) ? "" : uri.substring(query);
		String separator = hosts.endsWith("/") ? "" : "/";
		return new ConnectionString(hosts + separator + DATABASE + options);
	}

}
