package academy.cqo.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import academy.cqo.platform.InFlightBatches.Waiting;

/**
 * Reads of single records by id that go to the store together: a read asked for while
 * none is under way goes at once, alone; the reads asked for while one is under way wait
 * for it and then go as one read of all their ids (at most {@code maxBatch}). With one
 * read at a time in flight, a quiet platform reads as before, and a burst (a thousand
 * candidates starting an exam in the same second, each request checked against its
 * account) costs a few reads of many ids instead of one store command per request.
 * <p>
 * Every caller gets its own record, or nothing when the id has none; a failed read fails
 * every caller of that read, and the next waiting ids are read all the same.
 *
 * @param <T> the record
 */
public final class BatchedReads<T> {

	private final Function<Collection<String>, Flux<T>> readMany;

	private final Function<T, String> idOf;

	private final InFlightBatches<Waiting<String, T>> batches;

	/**
	 * Batched reads.
	 * @param readMany reads the records of some ids (those without one are left out)
	 * @param idOf a record's id
	 * @param maxBatch the most ids in one read
	 */
	public BatchedReads(Function<Collection<String>, Flux<T>> readMany, Function<T, String> idOf, int maxBatch) {
		this.readMany = readMany;
		this.idOf = idOf;
		this.batches = new InFlightBatches<>(maxBatch, this::read);
	}

	/**
	 * The record of an id, read with the others asked for meanwhile.
	 * @param id the id
	 * @return the record, or empty when there is none
	 */
	public Mono<T> read(String id) {
		return Mono.create((sink) -> this.batches.add(new Waiting<>(id, sink)));
	}

	/**
	 * How many reads went to the store (for tests).
	 * @return the reads so far
	 */
	public long reads() {
		return this.batches.batches();
	}

	private Mono<Void> read(List<Waiting<String, T>> batch) {
		Map<String, List<Waiting<String, T>>> byId = new LinkedHashMap<>();
		batch.forEach((asked) -> byId.computeIfAbsent(asked.asked(), (key) -> new ArrayList<>(1)).add(asked));
		Mono<Map<String, T>> read;
		try {
			read = this.readMany.apply(List.copyOf(byId.keySet())).collectMap(this.idOf);
		}
		catch (RuntimeException ex) {
			read = Mono.error(ex);
		}
		return read.doOnNext((found) -> byId.forEach((id, callers) -> {
			T record = found.get(id);
			callers.forEach((caller) -> caller.success(record));
		}))
			.doOnError((error) -> byId.values().forEach((callers) -> callers.forEach((caller) -> caller.error(error))))
			.then()
			.onErrorComplete();
	}

}
