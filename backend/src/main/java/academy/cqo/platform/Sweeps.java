package academy.cqo.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link Sweep} bean: the first run one interval after start-up, each next run
 * one interval after the previous ended (runs of a sweep never overlap). Before each run
 * the instance takes or renews the sweep's lease ({@link SweepLeases}); while another
 * instance holds a valid lease this one skips the run, and it takes over once that lease
 * has expired (a holder that stopped renews no more). Failures are logged and the sweep
 * runs again after the next interval.
 * <p>
 * Settings: {@code cqo.sweeps.enabled} (default true), and per sweep
 * {@code cqo.sweeps.<name>.interval} (default: the module's) and
 * {@code cqo.sweeps.<name>.lease} (default three intervals, at least 30 seconds). Metrics
 * (Micrometer): {@code cqo.sweep.runs}, {@code cqo.sweep.items},
 * {@code cqo.sweep.failures} and {@code cqo.sweep.skipped}, tagged with the sweep's name.
 */
@Component
class Sweeps implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(Sweeps.class);

	private static final Duration MINIMUM_LEASE = Duration.ofSeconds(30);

	private final List<Scheduled> sweeps;

	private final SweepLeases leases;

	private final MeterRegistry meters;

	private final boolean enabled;

	private Disposable.Composite running;

	Sweeps(List<Sweep> sweeps, ReactiveMongoTemplate mongo, Clock clock, Environment environment,
			ObjectProvider<MeterRegistry> meters) {
		Binder binder = Binder.get(environment);
		this.sweeps = sweeps.stream().map((sweep) -> Scheduled.of(sweep, binder)).toList();
		this.leases = new SweepLeases(mongo, clock, holderName());
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
		this.enabled = binder.bind("cqo.sweeps.enabled", Boolean.class).orElse(true);
	}

	@Override
	public synchronized void start() {
		if (!this.enabled || this.running != null) {
			return;
		}
		this.running = Disposables.composite();
		for (Scheduled sweep : this.sweeps) {
			this.running.add(Mono.defer(() -> runOnce(sweep))
				.delaySubscription(sweep.interval())
				.repeat()
				.subscribe(null, (ex) -> logger.error("Sweep {} stopped", sweep.name(), ex)));
		}
		logger.debug("{} sweeps scheduled as {}", this.sweeps.size(), this.leases.holder());
	}

	@Override
	public synchronized void stop() {
		if (this.running != null) {
			this.running.dispose();
			this.running = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running != null;
	}

	/**
	 * One run of a sweep if this instance holds (or takes) its lease; never fails.
	 * @param sweep the sweep
	 * @return completes when the run is done or skipped
	 */
	Mono<Void> runOnce(Scheduled sweep) {
		Mono<Boolean> lease = sweep.sweep.local() ? Mono.just(true) : this.leases.acquire(sweep.name(), sweep.lease());
		return lease.flatMap((held) -> {
			if (!held) {
				sweep.held = false;
				count("cqo.sweep.skipped", sweep, 1);
				return Mono.empty();
			}
			if (!sweep.held && !sweep.sweep.local()) {
				sweep.held = true;
				logger.info("Sweep {} runs on this instance ({}) every {}", sweep.name(), this.leases.holder(),
						sweep.interval());
			}
			return run(sweep);
		}).onErrorResume((ex) -> {
			count("cqo.sweep.failures", sweep, 1);
			logger.warn("Sweep {} failed; it runs again in {}", sweep.name(), sweep.interval(), ex);
			return Mono.empty();
		});
	}

	private Mono<Void> run(Scheduled sweep) {
		long started = System.nanoTime();
		return Mono.defer(sweep.sweep.work()).defaultIfEmpty(0L).doOnNext((items) -> {
			count("cqo.sweep.runs", sweep, 1);
			count("cqo.sweep.items", sweep, items);
			if (items > 0) {
				logger.info("Sweep {} handled {} items in {} ms", sweep.name(), items,
						(System.nanoTime() - started) / 1_000_000);
			}
		}).then();
	}

	private void count(String meter, Scheduled sweep, long amount) {
		this.meters.counter(meter, "sweep", sweep.name()).increment(amount);
	}

	private static String holderName() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown";
		}
		return host + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID();
	}

	/** A sweep with its settings, and whether this instance held its lease last time. */
	static final class Scheduled {

		private final Sweep sweep;

		private final Duration interval;

		private final Duration lease;

		private volatile boolean held;

		private Scheduled(Sweep sweep, Duration interval, Duration lease) {
			this.sweep = sweep;
			this.interval = interval;
			this.lease = lease;
		}

		static Scheduled of(Sweep sweep, Binder binder) {
			String prefix = "cqo.sweeps." + sweep.name();
			Duration interval = binder.bind(prefix + ".interval", Duration.class).orElse(sweep.interval());
			Duration threeIntervals = interval.multipliedBy(3);
			Duration lease = binder.bind(prefix + ".lease", Duration.class)
				.orElse((threeIntervals.compareTo(MINIMUM_LEASE) < 0) ? MINIMUM_LEASE : threeIntervals);
			return new Scheduled(sweep, interval, lease);
		}

		String name() {
			return this.sweep.name();
		}

		Duration interval() {
			return this.interval;
		}

		Duration lease() {
			return this.lease;
		}

	}

}
