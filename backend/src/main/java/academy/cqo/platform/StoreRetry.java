package academy.cqo.platform;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Marks store writes that may be repeated after a transient store failure.
 * <p>
 * Every store operation is retried (briefly, with back-off) when it failed before it
 * reached the store: the driver's pool was paused after a dropped connection, the store
 * could not be reached, no server was selected in time. Reads are also retried when the
 * connection broke after they were sent. A write whose connection broke after it was sent
 * may or may not have been applied, so it is repeated only inside a pipeline marked with
 * {@link #idempotent(Mono)}: for writes that give the same result when applied twice (a
 * save with a sequence number, a conditional state change whose loser reads the winner's
 * result, an insert under a natural key).
 */
public final class StoreRetry {

	private static final String IDEMPOTENT_WRITES = StoreRetry.class.getName() + ".idempotentWrites";

	private StoreRetry() {
	}

	/**
	 * The pipeline's store writes may be repeated after an ambiguous failure.
	 * @param <T> the value type
	 * @param pipeline a pipeline whose every write is idempotent
	 * @return the same pipeline, marked
	 */
	public static <T> Mono<T> idempotent(Mono<T> pipeline) {
		return pipeline.contextWrite((context) -> context.put(IDEMPOTENT_WRITES, Boolean.TRUE));
	}

	/**
	 * The pipeline's store writes may be repeated after an ambiguous failure.
	 * @param <T> the value type
	 * @param pipeline a pipeline whose every write is idempotent
	 * @return the same pipeline, marked
	 */
	public static <T> Flux<T> idempotent(Flux<T> pipeline) {
		return pipeline.contextWrite((context) -> context.put(IDEMPOTENT_WRITES, Boolean.TRUE));
	}

	/**
	 * Whether writes subscribed with this context may be repeated after an ambiguous
	 * failure.
	 * @param context a subscriber's context
	 * @return {@code true} inside {@link #idempotent(Mono)}
	 */
	public static boolean writesAreIdempotent(ContextView context) {
		return context.getOrDefault(IDEMPOTENT_WRITES, Boolean.FALSE);
	}

}
