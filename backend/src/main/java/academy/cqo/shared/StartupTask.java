package academy.cqo.shared;

import org.springframework.core.Ordered;
import reactor.core.publisher.Mono;

/**
 * Work done once at every start: creating indexes and the first administrator before the
 * platform reports itself ready (order below {@link #CONTENT}); loading reference and
 * demo content and finishing work a stop interrupted right after (order {@link #CONTENT}
 * and above), so a restart takes traffic as soon as it safely can. Tasks run one after
 * another in their order; each must be idempotent, because every start runs them again.
 */
public interface StartupTask extends Ordered {

	/** Indexes and other schema work. */
	int SCHEMA = 0;

	/** Accounts the platform needs (the first administrator). */
	int BOOTSTRAP = 100;

	/**
	 * Demo and reference content, and finishing interrupted work: from here on, tasks run
	 * after readiness.
	 */
	int CONTENT = 200;

	Mono<Void> run();

}
