package academy.cqo.shared;

import org.springframework.core.Ordered;
import reactor.core.publisher.Mono;

/**
 * Work that must be done once at start-up before the platform reports itself ready:
 * creating indexes, the first administrator, demo data. Tasks run one after another in
 * their order; each must be idempotent, because every start runs them again.
 */
public interface StartupTask extends Ordered {

	/** Indexes and other schema work. */
	int SCHEMA = 0;

	/** Accounts the platform needs (the first administrator). */
	int BOOTSTRAP = 100;

	/** Demo and reference content. */
	int CONTENT = 200;

	Mono<Void> run();

}
