package academy.cqo.exam;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.exam.domain.AttemptStatus;
import academy.cqo.exam.persistence.AttemptStore;

/**
 * What a save checks of its attempt before writing (open, and held by the saving page),
 * kept in memory per attempt so that a save is one store operation: read at an attempt's
 * first save on this instance, changed here when this instance hands the attempt to a
 * page or submits it, and read again after {@link #REFRESH} (a page taking the attempt
 * over through another instance is seen then). Not what keeps answers safe: a save racing
 * a submit is settled by the seal on the answer's own document
 * ({@link AttemptStore#saveAnswer}); this only refuses early what is known closed or held
 * elsewhere.
 */
@Component
class AttemptGates {

	/** How long a gate read from the store is trusted. */
	static final Duration REFRESH = Duration.ofSeconds(30);

	private static final int MAX_CACHED = 20_000;

	private final AttemptStore store;

	private final Clock clock;

	private final Map<String, Cached> gates = new ConcurrentHashMap<>();

	private record Cached(AttemptStore.Gate gate, long readAt) {
	}

	AttemptGates(AttemptStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * Whether a save may go on: the attempt is open and, for a browser page, held by that
	 * page.
	 * @param attemptId the attempt
	 * @param browserToken the saving page's token, or {@code null} for API clients
	 * @return empty, or an {@link AttemptClosed} or {@link AttemptHeldElsewhere}
	 */
	Mono<Void> check(String attemptId, String browserToken) {
		return gate(attemptId).flatMap((gate) -> {
			if (!gate.open()) {
				return Mono.error(new AttemptClosed());
			}
			if (browserToken != null && gate.browserToken() != null && !browserToken.equals(gate.browserToken())) {
				return Mono.error(new AttemptHeldElsewhere());
			}
			return Mono.empty();
		});
	}

	/**
	 * The attempt as just read from the store.
	 * @param attemptId the attempt
	 * @param gate its status and page
	 */
	void seen(String attemptId, AttemptStore.Gate gate) {
		put(attemptId, gate);
	}

	/**
	 * This instance handed the attempt to a page.
	 * @param attemptId the attempt
	 * @param browserToken the page's token
	 */
	void heldBy(String attemptId, String browserToken) {
		put(attemptId, new AttemptStore.Gate(AttemptStatus.IN_PROGRESS.name(), browserToken));
	}

	/**
	 * The attempt is no longer open.
	 * @param attemptId the attempt
	 */
	void closed(String attemptId) {
		put(attemptId, new AttemptStore.Gate(AttemptStatus.SUBMITTED.name(), null));
	}

	private Mono<AttemptStore.Gate> gate(String attemptId) {
		Cached cached = this.gates.get(attemptId);
		long now = this.clock.millis();
		if (cached != null && now - cached.readAt() < REFRESH.toMillis()) {
			return Mono.just(cached.gate());
		}
		return this.store.gate(attemptId).doOnNext((gate) -> put(attemptId, gate));
	}

	private void put(String attemptId, AttemptStore.Gate gate) {
		if (this.gates.size() >= MAX_CACHED) {
			this.gates.clear();
		}
		this.gates.put(attemptId, new Cached(gate, this.clock.millis()));
	}

}
