package academy.cqo.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import reactor.core.publisher.Mono;

/**
 * Items sent to the store in batches, one batch in flight at a time: an item added while
 * none is in flight goes at once, alone; the items added while one is in flight wait for
 * it and then go together (at most {@code maxBatch}, in the order added). Nothing waits
 * for a timer, so a quiet platform sends every item alone and at once. The sender answers
 * each item of its batch (on success and on failure) before the Mono it returns ends; the
 * next batch goes when it has ended.
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
