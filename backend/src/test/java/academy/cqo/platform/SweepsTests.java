package academy.cqo.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import academy.cqo.platform.store.EmbeddedMongoServer;
import academy.cqo.testsupport.Eventually;
import academy.cqo.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application contexts (two instances of the platform) against one embedded store:
 * each sweep runs on one of them at a time, and the other takes over once the lease of
 * one that stopped has expired.
 */
class SweepsTests {

	private static final Duration LEASE = Duration.ofMinutes(1);

	@TempDir
	Path directory;

	private EmbeddedMongoServer server;

	private final MutableClock clock = new MutableClock(ZoneId.of("Asia/Shanghai"));

	private final List<Run> runs = new CopyOnWriteArrayList<>();

	private final List<AnnotationConfigApplicationContext> contexts = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startStore() throws Exception {
		Files.createDirectories(this.directory.resolve("store"));
		this.server = EmbeddedMongoServer.start(this.directory.resolve("store").resolve("cqo.mv.db"));
	}

	@AfterEach
	void stopAll() {
		this.contexts.forEach(AnnotationConfigApplicationContext::close);
		this.server.close();
	}

	@Test
	void whenTwoInstancesRunThenOnlyOneRunsTheSweepAndItCountsRunsAndItems() {
		AnnotationConfigApplicationContext first = instance("first");
		AnnotationConfigApplicationContext second = instance("second");
		Eventually.await("ten runs", Duration.ofSeconds(20), () -> this.runs.size() >= 10);
		String holder = this.runs.get(0).instance();
		assertThat(this.runs).allSatisfy((run) -> assertThat(run.instance()).isEqualTo(holder));
		AnnotationConfigApplicationContext running = holder.equals("first") ? first : second;
		AnnotationConfigApplicationContext waiting = holder.equals("first") ? second : first;
		Eventually.await("the other instance skipping", Duration.ofSeconds(20),
				() -> counter(waiting, "cqo.sweep.skipped") >= 3);
		assertThat(counter(waiting, "cqo.sweep.runs")).isZero();
		long ran = this.runs.stream().filter((run) -> run.instance().equals(holder)).count();
		assertThat(counter(running, "cqo.sweep.runs")).isGreaterThanOrEqualTo(10);
		assertThat(counter(running, "cqo.sweep.items")).isEqualTo(2 * counter(running, "cqo.sweep.runs"));
		assertThat(ran).isGreaterThanOrEqualTo(10);
	}

	@Test
	void whenTheRunningInstanceStopsThenTheOtherTakesOverOnlyAfterTheLeaseExpired() throws Exception {
		AnnotationConfigApplicationContext first = instance("first");
		Eventually.await("first runs", Duration.ofSeconds(20), () -> this.runs.size() >= 2);
		AnnotationConfigApplicationContext second = instance("second");
		Eventually.await("second skipping while first holds the lease", Duration.ofSeconds(20),
				() -> counter(second, "cqo.sweep.skipped") >= 3);
		first.close();
		int runsBefore = this.runs.size();
		long skippedAtClose = counter(second, "cqo.sweep.skipped");
		// the second keeps trying (every 100 ms) and keeps skipping while the lease is
		// valid
		Eventually.await("second skipping after first stopped", Duration.ofSeconds(20),
				() -> counter(second, "cqo.sweep.skipped") >= skippedAtClose + 5);
		assertThat(this.runs).hasSize(runsBefore).allSatisfy((run) -> assertThat(run.instance()).isEqualTo("first"));
		Instant lastRenewal = this.runs.get(runsBefore - 1).at();

		this.clock.advance(LEASE);

		Eventually.await("second takes over", Duration.ofSeconds(20),
				() -> this.runs.stream().anyMatch((run) -> run.instance().equals("second")));
		Run takeover = this.runs.stream().filter((run) -> run.instance().equals("second")).findFirst().orElseThrow();
		assertThat(takeover.at()).isAfterOrEqualTo(lastRenewal.plus(LEASE));
	}

	@Test
	void whenARunFailsThenItIsCountedAndTheSweepRunsAgain() {
		AtomicInteger calls = new AtomicInteger();
		AnnotationConfigApplicationContext instance = instance("only",
				new Sweep("flaky", Duration.ofMillis(100), () -> (calls.incrementAndGet() % 2 == 1)
						? Mono.error(new IllegalStateException("boom")) : Mono.just(1L)));
		Eventually.await("runs after failures", Duration.ofSeconds(20),
				() -> counter(instance, "cqo.sweep.failures", "flaky") >= 3
						&& counter(instance, "cqo.sweep.runs", "flaky") >= 3);
	}

	@Test
	void aLocalSweepRunsOnEveryInstanceWithoutALease() {
		List<String> local = new CopyOnWriteArrayList<>();
		AnnotationConfigApplicationContext first = instance("first",
				Sweep.local("flush", Duration.ofMillis(100), () -> Mono.fromRunnable(() -> local.add("first"))));
		AnnotationConfigApplicationContext second = instance("second",
				Sweep.local("flush", Duration.ofMillis(100), () -> Mono.fromRunnable(() -> local.add("second"))));
		Eventually.await("both instances flushing", Duration.ofSeconds(20),
				() -> local.contains("first") && local.contains("second"));
		assertThat(counter(first, "cqo.sweep.skipped", "flush")).isZero();
		assertThat(counter(second, "cqo.sweep.skipped", "flush")).isZero();
		assertThat(first.getBean(ReactiveMongoTemplate.class)
			.count(org.springframework.data.mongodb.core.query.Query
				.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is("flush")), "sweep_leases")
			.block()).isZero();
	}

	private AnnotationConfigApplicationContext instance(String name) {
		return instance(name, new Sweep("test-sweep", Duration.ofHours(1), () -> Mono.fromSupplier(() -> {
			this.runs.add(new Run(name, this.clock.instant()));
			return 2L;
		})));
	}

	private AnnotationConfigApplicationContext instance(String name, Sweep sweep) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test", Map.of("cqo.sweeps.test-sweep.interval", "100ms",
					"cqo.sweeps.test-sweep.lease", LEASE.toString())));
		MongoClient client = MongoClients.create(this.server.connectionString());
		context.registerBean(MongoClient.class, () -> client, (definition) -> definition.setDestroyMethodName("close"));
		context.registerBean(ReactiveMongoTemplate.class, () -> new ReactiveMongoTemplate(client, "cqo"));
		context.registerBean(Clock.class, () -> this.clock);
		context.registerBean(MeterRegistry.class, SimpleMeterRegistry::new);
		context.registerBean(Sweep.class, () -> sweep);
		context.register(Sweeps.class);
		context.refresh();
		this.contexts.add(context);
		return context;
	}

	private static long counter(AnnotationConfigApplicationContext context, String name) {
		return counter(context, name, "test-sweep");
	}

	private static long counter(AnnotationConfigApplicationContext context, String name, String sweep) {
		var counter = context.getBean(MeterRegistry.class).find(name).tag("sweep", sweep).counter();
		return (counter != null) ? (long) counter.count() : 0;
	}

	record Run(String instance, Instant at) {
	}

}
