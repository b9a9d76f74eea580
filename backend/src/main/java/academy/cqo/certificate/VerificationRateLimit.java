package academy.cqo.certificate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * At most {@code cqo.certificate.verifications-per-minute} verifications per client
 * address in any sixty seconds (a sliding window: a burst across a minute boundary counts
 * as one minute), counted in this instance (behind a load balancer each instance counts
 * its own share).
 */
@Component
public class VerificationRateLimit {

	private static final int MAX_CLIENTS = 100_000;

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final int perMinute;

	private final Clock clock;

	private final Map<String, Deque<Instant>> allowed = new ConcurrentHashMap<>();

	VerificationRateLimit(CertificateSettings settings, Clock clock) {
		this.perMinute = settings.verificationsPerMinute();
		this.clock = clock;
	}

	/**
	 * Count a request and say whether it is allowed.
	 * @param address the client's address
	 * @return whether it is within the limit
	 */
	public boolean allow(String address) {
		Instant now = this.clock.instant();
		if (this.allowed.size() > MAX_CLIENTS) {
			this.allowed.values().removeIf((times) -> {
				synchronized (times) {
					return times.isEmpty() || !times.peekLast().isAfter(now.minus(WINDOW));
				}
			});
		}
		Deque<Instant> times = this.allowed.computeIfAbsent(String.valueOf(address), (key) -> new ArrayDeque<>());
		synchronized (times) {
			forgetOld(times, now);
			if (times.size() >= this.perMinute) {
				return false;
			}
			times.addLast(now);
			return true;
		}
	}

	/**
	 * How long a refused client should wait before its next verification is allowed.
	 * @param address the client's address
	 * @return the wait, at least a second
	 */
	public Duration retryAfter(String address) {
		Instant now = this.clock.instant();
		Deque<Instant> times = this.allowed.getOrDefault(String.valueOf(address), new ArrayDeque<>());
		synchronized (times) {
			forgetOld(times, now);
			if (times.size() < this.perMinute || times.isEmpty()) {
				return Duration.ofSeconds(1);
			}
			Duration wait = Duration.between(now, times.peekFirst().plus(WINDOW));
			return (wait.toSeconds() < 1) ? Duration.ofSeconds(1) : wait.plusSeconds(1).withNanos(0);
		}
	}

	private static void forgetOld(Deque<Instant> times, Instant now) {
		Instant start = now.minus(WINDOW);
		while (!times.isEmpty() && !times.peekFirst().isAfter(start)) {
			times.pollFirst();
		}
	}

}
