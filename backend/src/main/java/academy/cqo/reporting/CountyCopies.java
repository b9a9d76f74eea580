package academy.cqo.reporting;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import academy.cqo.reporting.persistence.CountyCopyStore;

/**
 * The writes of a per-county projection with a small copy per county (the exam tallies,
 * the dashboard counters), written once: an event's recompute-and-set of one county, and
 * the reconciliation's write of a county recomputed from the records, with the repair of
 * a county document that went back behind its copy.
 *
 * @param <C> the county document
 * @param <F> its copy
 * @param <P> what a county document holds apart from its key and version
 */
final class CountyCopies<C, F, P> {

	/** How often an event's write is tried again after losing a race. */
	static final int RETRIES = 50;

	/**
	 * What a projection's documents are made of.
	 *
	 * @param <C> the county document
	 * @param <F> its copy
	 * @param <P> what a county document holds apart from its key and version
	 */
	interface Shape<C, F, P> {

		/** What a county that has no document yet holds. */
		P none();

		P parts(C county);

		C document(String county, long version, P parts);

		long version(C county);

		long copyVersion(F copy);

		F figuresOf(C county);

		/**
		 * Whether a copy already shows what another shows, their versions aside.
		 * @param copy the stored copy
		 * @param wanted the copy of the recomputed county
		 * @return {@code true} when nothing needs writing
		 */
		boolean shows(F copy, F wanted);

	}

	private final CountyCopyStore<C, F> store;

	private final Shape<C, F, P> shape;

	private final AtomicLong conflicts = new AtomicLong();

	CountyCopies(CountyCopyStore<C, F> store, Shape<C, F, P> shape) {
		this.store = store;
		this.shape = shape;
	}

	/**
	 * The start-up build: the reconciliation, once, if none has completed yet (the demo
	 * data and later starts find it built).
	 * @param reconcile the projection's reconciliation
	 * @return completion
	 */
	Mono<Void> buildOnce(java.util.function.Supplier<Mono<Long>> reconcile) {
		return this.store.reconciled().flatMap((done) -> done ? Mono.empty() : reconcile.get()).then();
	}

	/** How many compare-and-sets lost a race (each then read again). */
	long conflicts() {
		return this.conflicts.get();
	}

	/**
	 * A recompute-and-set of one county: read its document (the version), let
	 * {@code next} compute the new parts (it may read the records, after the version was
	 * read), write them at the version read; a lost race starts again.
	 * @param county the county
	 * @param next the county's new parts from its current ones
	 * @return {@code true} when written, {@code false} when nothing differed
	 */
	Mono<Boolean> change(String county, Function<P, Mono<P>> next) {
		return Mono
			.defer(() -> this.store.county(county)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((old) -> next.apply(old.map(this.shape::parts).orElse(this.shape.none()))
					.flatMap((parts) -> write(county, old, parts))))
			.repeatWhenEmpty(RETRIES, (repeats) -> repeats);
	}

	/**
	 * Write a county's parts if they differ from what was read, at the version read; the
	 * copy is written either way (it repairs a damaged one).
	 * @return {@code true} when written, {@code false} when nothing differed, empty when
	 * another write came first
	 */
	private Mono<Boolean> write(String county, Optional<C> old, P parts) {
		if (old.isPresent() && this.shape.parts(old.get()).equals(parts)) {
			return this.store.putFigures(this.shape.figuresOf(old.get())).thenReturn(false);
		}
		C next = this.shape.document(county, old.map(this.shape::version).orElse(0L) + 1, parts);
		return this.store.put(next).flatMap((written) -> {
			if (!written) {
				this.conflicts.incrementAndGet();
				return Mono.empty();
			}
			return this.store.putFigures(this.shape.figuresOf(next)).thenReturn(true);
		});
	}

	/**
	 * The reconciliation's write of a county recomputed from the records: compared with
	 * the county's copy; if it differs, written at the version the copy names (read
	 * before the records). A county an event wrote meanwhile is left for the next run,
	 * its copy repaired from it.
	 * @param county the county
	 * @param copy its copy as read before the records, or {@code null}
	 * @param parts what the records say it holds
	 * @return {@code true} when written
	 */
	Mono<Boolean> reconcile(String county, F copy, P parts) {
		long version = ((copy != null) ? this.shape.copyVersion(copy) : 0) + 1;
		C next = this.shape.document(county, version, parts);
		if (copy != null && this.shape.shows(copy, this.shape.figuresOf(next))) {
			return Mono.just(false);
		}
		return this.store.put(next).flatMap((written) -> {
			if (written) {
				return this.store.putFigures(this.shape.figuresOf(next)).thenReturn(true);
			}
			this.conflicts.incrementAndGet();
			return this.store.county(county)
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap((stored) -> repair(county, copy, stored, parts));
		});
	}

	/**
	 * After a lost compare-and-set: normally an event wrote the county meanwhile, so its
	 * copy is repaired from it and the next run compares again. But a county document
	 * older than its copy (deleted or restored from an old backup) would refuse every
	 * write at the copy's version: it is rewritten from the records after its own
	 * version, and the copy replaced with it.
	 */
	private Mono<Boolean> repair(String county, F copy, Optional<C> stored, P parts) {
		long storedVersion = stored.map(this.shape::version).orElse(0L);
		if (copy == null || storedVersion >= this.shape.copyVersion(copy)) {
			return stored.map((document) -> this.store.putFigures(this.shape.figuresOf(document)))
				.orElse(Mono.empty())
				.thenReturn(false);
		}
		C again = this.shape.document(county, storedVersion + 1, parts);
		return this.store.put(again)
			.flatMap((written) -> written ? this.store.replaceFigures(this.shape.figuresOf(again)).thenReturn(true)
					: Mono.just(false));
	}

}
