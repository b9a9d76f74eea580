package academy.cqo.filing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import academy.cqo.platform.Sweep;
import academy.cqo.shared.StartupTask;

/**
 * Finishes approvals a crash interrupted between their steps: at start-up and every
 * {@code cqo.filing.sweep-interval}. It reads only the filings marked unfinished
 * ({@code FilingStore.unfinishedApprovals()}), never the completed ones.
 */
@Component
class FilingSweep implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(FilingSweep.class);

	private final Filings filings;

	private final FilingSettings settings;

	FilingSweep(Filings filings, FilingSettings settings) {
		this.filings = filings;
		this.settings = settings;
	}

	@Override
	public int getOrder() {
		return CONTENT;
	}

	@Override
	public Mono<Void> run() {
		return this.filings.finishInterrupted().doOnNext((count) -> {
			if (count > 0) {
				logger.info("Finished {} filing approvals interrupted by a restart", count);
			}
		}).then();
	}

	@Bean
	Sweep filingApprovalSweep() {
		return Sweep.counting("filing-approvals", this.settings.sweepInterval(), this.filings::finishInterrupted);
	}

}
