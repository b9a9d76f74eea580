package academy.cqo.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Items sent to the store in batches, one batch in flight at a time: an item added while
 * none is in flight goes at once, alone; the items added while one is in flight wait for
 * it and then go together (at most {@code maxBatch}, in the order added). Nothing waits
 * for a timer, so a quiet platform sends every item alone and at once. The sender answers
 * each item of its batch (on success and on failure) before the Mono it returns ends; the
 * next batch goes when it has ended.
 * <p>
 * The answers arrive on the store client's thread (one connection's event loop), one
 * after another; whatever a caller does next would run there too, before the next
 * caller's answer and before the next batch goes. At an exam's synchronised start that
 * was every start's paper, JSON and response, one after another on one thread, for 200
 * starts at a time, while the other core waited: half of the CPU of the starts
 * ({@code docs/BENCHMARKS.md}, fifteenth session). So callers are answered through
 * {@link #answered}: on the parallel scheduler's threads, and the batch ends as soon as
 * its answers are handed over.
 *
 * @param <E> an item
 */
final class InFlightBatches<E> {

	private final int maxBatch;

	private final Function<List<E>, Mono<Void>> send;

	private final Object lock = new Object();

	private List<E> waiting = new ArrayList<>();

	private boolean sending;

	private long batches;

	/**
	 * Batches.
	 * @param maxBatch the most items in one batch
	 * @param send sends a batch, answering each of its items, and never fails
	 */
	InFlightBatches(int maxBatch, Function<List<E>, Mono<Void>> send) {
		this.maxBatch = maxBatch;
		this.send = send;
	}

	/**
	 * A caller's answer, delivered on the parallel scheduler's threads rather than the
	 * store client's (see the class's description).
	 * @param <T> the answer
	 * @param answer the answer as the sender gives it
	 * @return the same answer, delivered off the store client's thread
	 */
	static <T> Mono<T> answered(Mono<T> answer) {
		return answer.publishOn(Schedulers.parallel());
	}

	void add(E item) {
		boolean start;
		synchronized (this.lock) {
			this.waiting.add(item);
			start = !this.sending;
			this.sending = true;
		}
		if (start) {
			next();
		}
	}

	long batches() {
		synchronized (this.lock) {
			return this.batches;
		}
	}

	private void next() {
		List<E> batch;
		synchronized (this.lock) {
			if (this.waiting.isEmpty()) {
				this.sending = false;
				return;
			}
			if (this.waiting.size() <= this.maxBatch) {
				batch = this.waiting;
				this.waiting = new ArrayList<>();
			}
			else {
				batch = new ArrayList<>(this.waiting.subList(0, this.maxBatch));
				this.waiting.subList(0, this.maxBatch).clear();
			}
			this.batches++;
		}
		// a sender that throws still lets the next batch go
		Mono.defer(() -> this.send.apply(batch)).subscribe(null, (error) -> next(), this::next);
	}

}
