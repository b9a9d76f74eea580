package academy.cqo.platform;

import java.time.Duration;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * A periodic job of a module, declared as a bean and run by the platform
 * ({@link Sweeps}): after start-up and then again {@code interval} after each run ends,
 * on one instance at a time (a lease in the store), with logging and metrics. The work
 * must be idempotent: after a crash another instance runs it again once the lease has
 * expired.
 *
 * @param name a short stable name, e.g. {@code exam-deadlines}; settings
 * {@code cqo.sweeps.<name>.interval} and {@code cqo.sweeps.<name>.lease} override the
 * defaults
 * @param interval the module's default time between the end of one run and the start of
 * the next
 * @param work one run; emits how many items it handled (or completes empty for none)
 * @param local whether every instance runs it on its own, without a lease (work on the
 * instance's own memory, such as writing a queue it keeps)
 */
public record Sweep(String name, Duration interval, Supplier<Mono<Long>> work, boolean local) {

	/**
	 * A sweep that one instance at a time runs, under a lease.
	 * @param name the sweep's name
	 * @param interval the default interval
	 * @param work one run, emitting the number of items handled
	 */
	public Sweep(String name, Duration interval, Supplier<Mono<Long>> work) {
		this(name, interval, work, false);
	}

	public Sweep {
		if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
			throw new IllegalArgumentException("A sweep's name is lower-case words joined by '-': " + name);
		}
		if (interval == null || interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("Sweep " + name + " needs a positive interval");
		}
	}

	/**
	 * A sweep whose run reports nothing countable.
	 * @param name the sweep's name
	 * @param interval the default interval
	 * @param work one run
	 * @return the sweep
	 */
	public static Sweep of(String name, Duration interval, Supplier<Mono<Void>> work) {
		return new Sweep(name, interval, () -> work.get().then(Mono.<Long>empty()));
	}

	/**
	 * A sweep whose run counts what it handled.
	 * @param name the sweep's name
	 * @param interval the default interval
	 * @param work one run, emitting the number of items handled
	 * @return the sweep
	 */
	public static Sweep counting(String name, Duration interval, Supplier<Mono<Long>> work) {
		return new Sweep(name, interval, work);
	}

	/**
	 * A sweep that every instance runs for itself, without a lease: for work on what the
	 * instance holds in memory (e.g. a queue of log entries to write).
	 * @param name the sweep's name
	 * @param interval the default interval
	 * @param work one run
	 * @return the sweep
	 */
	public static Sweep local(String name, Duration interval, Supplier<Mono<Void>> work) {
		return new Sweep(name, interval, () -> work.get().then(Mono.<Long>empty()), true);
	}

}
