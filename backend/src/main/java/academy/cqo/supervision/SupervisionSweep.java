package academy.cqo.supervision;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import academy.cqo.platform.Sweep;
import academy.cqo.shared.StartupTask;

/**
 * At start-up and every {@code cqo.supervision.sweep-interval}: finishes exits a crash
 * interrupted, escalates cases whose rectification deadline passed without a report, and
 * opens a case for each failure of a sampling assessment.
 */
@Component
class SupervisionSweep implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(SupervisionSweep.class);

	private final SupervisionCases cases;

	private final SamplingDraws draws;

	private final SupervisionSettings settings;

	SupervisionSweep(SupervisionCases cases, SamplingDraws draws, SupervisionSettings settings) {
		this.cases = cases;
		this.draws = draws;
		this.settings = settings;
	}

	@Override
	public int getOrder() {
		return CONTENT;
	}

	@Override
	public Mono<Void> run() {
		return sweep();
	}

	Mono<Void> sweep() {
		return this.cases.finishExits().flatMap((finished) -> this.cases.escalateOverdue().doOnNext((escalated) -> {
			if (finished + escalated > 0) {
				logger.info("Supervision: finished {} interrupted exits, escalated {} overdue cases", finished,
						escalated);
			}
		})).then(this.draws.followUpAll()).then();
	}

	@Bean
	Sweep supervisionCaseSweep() {
		return Sweep.of("supervision", this.settings.sweepInterval(), this::sweep);
	}

}
