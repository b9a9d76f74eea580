package academy.cqo.platform;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives the heap's garbage back to the system once the platform is idle. The serial
 * collector that {@code ./run.sh} uses collects the old generation only when it is full
 * and then grows it, and no JVM setting collects it while nothing is allocated: a start
 * that graded 675 overdue attempts left 297 MB of old generation holding 68 MB of live
 * objects, resident for as long as the platform then stood idle
 * ({@code docs/BENCHMARKS.md}, tenth session). The {@code idle-heap} sweep (every 15 s,
 * on each instance) runs one full collection when no request other than {@code /actuator}
 * came in since its last run, the process used less than a tenth of a core meanwhile (so
 * not in the middle of start-up work such as grading overdue attempts), and the old
 * generation holds at least {@value #GROWTH_MB} MB (and a quarter) more than after the
 * last full collection; with {@code -XX:MaxHeapFreeRatio} and
 * {@code -XX:-ShrinkHeapInSteps} (set by {@code ./run.sh}) the collection also hands the
 * emptied heap back. During an exam there is no idle run, so no candidate waits for such
 * a pause.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IdleHeap implements WebFilter {

	private static final Logger logger = LoggerFactory.getLogger(IdleHeap.class);

	/** How much the old generation must have grown before an idle collection, in MB. */
	static final long GROWTH_MB = 32;

	static final Duration INTERVAL = Duration.ofSeconds(15);

	/** Busy: using more than one core's 1/{@value} of the time between two runs. */
	static final long BUSY_SHARE = 10;

	private final LongAdder requests = new LongAdder();

	private final LongSupplier oldGenerationUsed;

	private final LongSupplier oldGenerationAfterCollection;

	private final Runnable collector;

	private final LongSupplier processCpuNanos;

	private long requestsAtLastRun = -1;

	private long cpuAtLastRun = -1;

	private long lastRunAt;

	private long collections;

	IdleHeap() {
		this(oldGeneration());
	}

	private IdleHeap(MemoryPoolMXBean oldGeneration) {
		this((oldGeneration != null) ? () -> oldGeneration.getUsage().getUsed() : () -> 0,
				(oldGeneration != null && oldGeneration.getCollectionUsage() != null)
						? () -> oldGeneration.getCollectionUsage().getUsed() : () -> 0,
				System::gc, IdleHeap::processCpuNanos);
	}

	private static long processCpuNanos() {
		return (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
				? Math.max(0, os.getProcessCpuTime()) : 0;
	}

	/**
	 * An idle-heap watch on given measures (for tests).
	 * @param oldGenerationUsed bytes the old generation holds now
	 * @param oldGenerationAfterCollection bytes it held after its last collection (0
	 * before the first)
	 * @param collector runs a full collection
	 * @param processCpuNanos the process's CPU time so far, in nanoseconds
	 */
	IdleHeap(LongSupplier oldGenerationUsed, LongSupplier oldGenerationAfterCollection, Runnable collector,
			LongSupplier processCpuNanos) {
		this.oldGenerationUsed = oldGenerationUsed;
		this.oldGenerationAfterCollection = oldGenerationAfterCollection;
		this.collector = collector;
		this.processCpuNanos = processCpuNanos;
	}

	/**
	 * The running collector's old generation (serial: {@code Tenured Gen}, G1:
	 * {@code G1 Old Gen}).
	 * @return its memory pool, or {@code null} for a collector without one
	 */
	static MemoryPoolMXBean oldGeneration() {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			String name = pool.getName();
			if (pool.getType() == MemoryType.HEAP && (name.contains("Old") || name.contains("Tenured"))) {
				return pool;
			}
		}
		return null;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith("/actuator")) {
			this.requests.increment();
		}
		return chain.filter(exchange);
	}

	@Bean
	Sweep idleHeapSweep() {
		return Sweep.local("idle-heap", INTERVAL,
				() -> Mono.fromRunnable(this::collectIfIdle).subscribeOn(Schedulers.boundedElastic()).then());
	}

	/**
	 * Run a full collection if, since the last call, no request came in and the process
	 * used less than a tenth of one core (start-up work such as grading overdue attempts
	 * has finished), and the old generation has grown enough since its last collection.
	 * @return whether it ran one
	 */
	synchronized boolean collectIfIdle() {
		long now = System.nanoTime();
		long seen = this.requests.sum();
		long cpu = this.processCpuNanos.getAsLong();
		boolean idle = seen == this.requestsAtLastRun && this.cpuAtLastRun >= 0
				&& (cpu - this.cpuAtLastRun) * BUSY_SHARE < now - this.lastRunAt;
		this.requestsAtLastRun = seen;
		this.cpuAtLastRun = cpu;
		this.lastRunAt = now;
		if (!idle) {
			return false;
		}
		long used = this.oldGenerationUsed.getAsLong();
		long live = this.oldGenerationAfterCollection.getAsLong();
		if (used - live < Math.max(GROWTH_MB << 20, live / 4)) {
			return false;
		}
		long started = System.nanoTime();
		this.collector.run();
		this.collections++;
		logger.debug("Idle: full collection in {} ms, old generation {} MB before, {} MB after",
				(System.nanoTime() - started) / 1_000_000, used >> 20, this.oldGenerationUsed.getAsLong() >> 20);
		return true;
	}

	/**
	 * How many idle collections ran.
	 * @return the count since start
	 */
	synchronized long collections() {
		return this.collections;
	}

}
