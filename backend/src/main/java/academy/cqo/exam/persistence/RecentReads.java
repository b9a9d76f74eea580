package academy.cqo.exam.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

/**
 * Documents read by id and reused for a short time, for the exam start: at a synchronised
 * start every candidate asks for the same session and exam within the same second, and
 * they share one read instead of each reading both. Every change made through this
 * instance forgets the document once it is written, so the next read on this instance
 * reads it again; a change made through another instance is seen once the read is older
 * than the freshness (one second).
 *
 * @param <T> the document type
 */
final class RecentReads<T> {

	static final Duration FRESH = Duration.ofSeconds(1);

	private static final long FRESH_NANOS = FRESH.toNanos();

	private static final int MAX_ENTRIES = 10_000;

	private final Map<String, Read<T>> reads = new ConcurrentHashMap<>();

	private final LongSupplier nanoTime;

	RecentReads() {
		this(System::nanoTime);
	}

	/**
	 * Reads timed by a given clock (tests).
	 * @param nanoTime a monotonic time in nanoseconds
	 */
	RecentReads(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	/**
	 * A read and when it started. The entry is in the map from the moment the read
	 * starts, so a change forgets a read still running and later callers read again.
	 */
	private record Read<T>(Mono<Optional<T>> value, long startedAt) {

		boolean freshAt(long now) {
			return now - this.startedAt < FRESH_NANOS;
		}

	}

	/**
	 * The document, from a read at most {@link #FRESH} old, shared by every caller that
	 * asks while it runs.
	 * @param id the document's id
	 * @param load reads it from the store
	 * @return the document, or empty when there is none
	 */
	Mono<T> get(String id, Supplier<Mono<T>> load) {
		long now = this.nanoTime.getAsLong();
		Read<T> known = this.reads.get(id);
		if (known == null || !known.freshAt(now)) {
			if (this.reads.size() >= MAX_ENTRIES) {
				this.reads.clear();
			}
			known = this.reads.compute(id, (key, old) -> (old != null && old.freshAt(now)) ? old
					: new Read<>(Mono.defer(load).map(Optional::of).defaultIfEmpty(Optional.empty()).cache(), now));
		}
		Read<T> read = known;
		return read.value().doOnError((ex) -> this.reads.remove(id, read)).flatMap(Mono::justOrEmpty);
	}

	/**
	 * A change through this instance: once it is written (or has failed, when it may
	 * still have been written), the document is forgotten before anyone downstream hears
	 * of the change.
	 * @param <R> what the change answers
	 * @param id the document's id
	 * @param write the change
	 * @return the change, forgetting
	 */
	<R> Mono<R> forgetAfter(String id, Mono<R> write) {
		return write.doOnSuccess((result) -> this.reads.remove(id)).doOnError((ex) -> this.reads.remove(id));
	}

}
