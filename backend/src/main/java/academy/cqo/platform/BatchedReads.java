package academy.cqo.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

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

	private final int maxBatch;

	private final Object lock = new Object();

	private Map<String, List<MonoSink<T>>> waiting = new LinkedHashMap<>();

	private boolean reading;

	private long reads;

	/**
	 * Batched reads.
	 * @param readMany reads the records of some ids (those without one are left out)
	 * @param idOf a record's id
	 * @param maxBatch the most ids in one read
	 */
	public BatchedReads(Function<Collection<String>, Flux<T>> readMany, Function<T, String> idOf, int maxBatch) {
		this.readMany = readMany;
		this.idOf = idOf;
		this.maxBatch = maxBatch;
	}

	/**
	 * The record of an id, read with the others asked for meanwhile.
	 * @param id the id
	 * @return the record, or empty when there is none
	 */
	public Mono<T> read(String id) {
		return Mono.create((sink) -> {
			boolean start;
			synchronized (this.lock) {
				this.waiting.computeIfAbsent(id, (key) -> new ArrayList<>(1)).add(sink);
				start = !this.reading;
				this.reading = true;
			}
			if (start) {
				next();
			}
		});
	}

	/**
	 * How many reads went to the store (for tests).
	 * @return the reads so far
	 */
	public long reads() {
		synchronized (this.lock) {
			return this.reads;
		}
	}

	private void next() {
		Map<String, List<MonoSink<T>>> batch;
		synchronized (this.lock) {
			if (this.waiting.isEmpty()) {
				this.reading = false;
				return;
			}
			if (this.waiting.size() <= this.maxBatch) {
				batch = this.waiting;
				this.waiting = new LinkedHashMap<>();
			}
			else {
				batch = new LinkedHashMap<>();
				Iterator<Map.Entry<String, List<MonoSink<T>>>> entries = this.waiting.entrySet().iterator();
				while (batch.size() < this.maxBatch) {
					Map.Entry<String, List<MonoSink<T>>> entry = entries.next();
					batch.put(entry.getKey(), entry.getValue());
					entries.remove();
				}
			}
			this.reads++;
		}
		Mono<Map<String, T>> read;
		try {
			read = this.readMany.apply(List.copyOf(batch.keySet())).collectMap(this.idOf);
		}
		catch (RuntimeException ex) {
			read = Mono.error(ex);
		}
		read.subscribe((found) -> {
			batch.forEach((id, sinks) -> {
				T record = found.get(id);
				sinks.forEach((sink) -> sink.success(record));
			});
			next();
		}, (error) -> {
			batch.values().forEach((sinks) -> sinks.forEach((sink) -> sink.error(error)));
			next();
		});
	}

}
