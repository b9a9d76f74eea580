package academy.cqo.platform;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An idle platform gives back the garbage its old generation collected; a busy one is
 * never paused for it.
 */
class IdleHeapTests {

	private static final long MB = 1 << 20;

	private final AtomicLong used = new AtomicLong(300 * MB);

	private final AtomicLong afterCollection = new AtomicLong(0);

	private final AtomicInteger collections = new AtomicInteger();

	private final AtomicLong cpu = new AtomicLong();

	private final IdleHeap idle = new IdleHeap(this.used::get, this.afterCollection::get, () -> {
		this.collections.incrementAndGet();
		this.used.set(68 * MB);
		this.afterCollection.set(68 * MB);
	}, this.cpu::get);

	@Test
	void collectsOnceTheOldGenerationHasGrownAndNoRequestCameSinceTheLastRun() {
		assertThat(this.idle.collectIfIdle()).as("the first run: nothing to compare with").isFalse();
		assertThat(this.idle.collectIfIdle()).as("no request since, 300 MB held, none collected yet").isTrue();
		assertThat(this.collections).hasValue(1);
		assertThat(this.idle.collectIfIdle()).as("idle, but nothing has grown since").isFalse();
		this.used.set(68 * MB + 31 * MB);
		assertThat(this.idle.collectIfIdle()).as("grown by less than 32 MB").isFalse();
		this.used.set(68 * MB + 40 * MB);
		assertThat(this.idle.collectIfIdle()).as("grown by 40 MB").isTrue();
		assertThat(this.idle.collections()).isEqualTo(2);
	}

	@Test
	void aRequestSinceTheLastRunHoldsTheCollectionBackButProbesDoNot() {
		this.idle.collectIfIdle();
		request("/api/v1/attempts/a1/answers/q1");
		assertThat(this.idle.collectIfIdle()).as("a candidate saved an answer").isFalse();
		request("/actuator/health/liveness");
		request("/actuator/prometheus");
		assertThat(this.idle.collectIfIdle()).as("only probes since").isTrue();
		assertThat(this.collections).hasValue(1);
	}

	@Test
	void theProcessBusyWithoutRequestsIsNotIdle() {
		this.idle.collectIfIdle();
		// start-up work (grading overdue attempts) keeps a core busy: far more than a
		// tenth
		// of the time since the last run
		this.cpu.addAndGet(Duration.ofSeconds(100).toNanos());
		assertThat(this.idle.collectIfIdle()).as("busy with start-up work").isFalse();
		assertThat(this.idle.collectIfIdle()).as("the work done").isTrue();
	}

	@Test
	void aLargeLiveHeapNeedsAQuarterMoreBeforeItIsCollectedAgain() {
		this.afterCollection.set(400 * MB);
		this.used.set(400 * MB + 64 * MB);
		this.idle.collectIfIdle();
		assertThat(this.idle.collectIfIdle()).as("64 MB on 400: less than a quarter").isFalse();
		this.used.set(400 * MB + 120 * MB);
		assertThat(this.idle.collectIfIdle()).isTrue();
	}

	@Test
	void theOldGenerationOfTheRunningCollectorIsFound() {
		java.lang.management.MemoryPoolMXBean pool = IdleHeap.oldGeneration();
		assertThat(pool).as("the old generation's memory pool").isNotNull();
		assertThat(pool.getName()).containsAnyOf("Old", "Tenured");
		assertThat(pool.getCollectionUsage()).as("its use after the last collection").isNotNull();
	}

	private void request(String path) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(path));
		this.idle.filter(exchange, (e) -> Mono.empty()).block();
	}

}
