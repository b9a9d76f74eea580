package academy.cqo.certificate;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * At most {@code cqo.certificate.verifications-per-minute} verifications per client
 * address and minute, counted in this instance (behind a load balancer each instance
 * counts its own share).
 */
@Component
public class VerificationRateLimit {

	private static final int MAX_CLIENTS = 100_000;

	private final int perMinute;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private record Window(long minute, int count) {
	}

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
		long minute = this.clock.millis() / 60_000;
		if (this.windows.size() > MAX_CLIENTS) {
			this.windows.values().removeIf((window) -> window.minute() < minute);
		}
		Window window = this.windows.compute(String.valueOf(address),
				(key, current) -> (current == null || current.minute() != minute) ? new Window(minute, 1)
						: new Window(minute, current.count() + 1));
		return window.count() <= this.perMinute;
	}

}
