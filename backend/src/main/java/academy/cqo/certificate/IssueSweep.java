package academy.cqo.certificate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import academy.cqo.certificate.persistence.CertificateStore;
import academy.cqo.platform.Sweep;
import academy.cqo.shared.StartupTask;

/**
 * Finishes issues a crash interrupted (and, with auto-issue, every pending one), at
 * start-up and every {@code cqo.certificate.sweep-interval}. It reads only the
 * certificates marked unfinished ({@link CertificateStore#unfinished()}), never the
 * issued ones.
 */
@Component
public class IssueSweep implements StartupTask {

	private static final Logger logger = LoggerFactory.getLogger(IssueSweep.class);

	private final CertificateStore store;

	private final Issuing issuing;

	private final CertificateSettings settings;

	IssueSweep(CertificateStore store, Issuing issuing, CertificateSettings settings) {
		this.store = store;
		this.issuing = issuing;
		this.settings = settings;
	}

	@Override
	public int getOrder() {
		return CONTENT + 60;
	}

	@Override
	public Mono<Void> run() {
		return finishUnfinished().doOnNext((count) -> {
			if (count > 0) {
				logger.info("Finished issuing {} certificates interrupted earlier", count);
			}
		}).then();
	}

	@Bean
	Sweep certificateIssueSweep() {
		return Sweep.counting("certificate-issues", this.settings.sweepInterval(), this::finishUnfinished);
	}

	/**
	 * Finish every issue that a crash interrupted (and, with auto-issue, every pending
	 * one).
	 * @return how many were finished
	 */
	public Mono<Long> finishUnfinished() {
		return this.store.unfinished()
			.filter((certificate) -> this.settings.autoIssue() || certificate.issued()
					|| certificate.issuedOn() != null)
			.concatMap((certificate) -> this.issuing.issue(certificate.id()))
			.count();
	}

}
