package academy.cqo.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Work a request starts and does not wait for (issuing a certificate after a pass, a bulk
 * issue, an e-mail): the one place in application code that subscribes. A failure is
 * logged with what was being done (a sweep finishes it later); metrics
 * {@code cqo.background.started} and {@code cqo.background.failures}, tagged with the
 * job's name.
 */
@Component
public class Background {

	private static final Logger logger = LoggerFactory.getLogger(Background.class);

	private final MeterRegistry meters;

	Background(ObjectProvider<MeterRegistry> meters) {
		this.meters = meters.getIfAvailable(() -> Metrics.globalRegistry);
	}

	/**
	 * Start work in the background.
	 * @param name what kind of work, e.g. {@code certificate-issue} (a metric tag)
	 * @param subject what it works on, for the log (e.g. an id)
	 * @param work the work
	 */
	public void start(String name, Object subject, Mono<?> work) {
		this.meters.counter("cqo.background.started", "job", name).increment();
		work.subscribe(null, (ex) -> {
			this.meters.counter("cqo.background.failures", "job", name).increment();
			logger.warn("Background {} for {} failed", name, subject, ex);
		});
	}

}
