package academy.cqo.exam;

import reactor.core.publisher.Mono;

/**
 * A module that must durably take note of every pass before the exam module counts the
 * pass as announced (the certificate module records a pending certificate). Called after
 * the {@link AttemptPassed} event is published; if a handler fails, the pass is offered
 * again by the next sweep, so a handler must be idempotent by attempt id.
 */
public interface PassHandler {

	Mono<Void> passed(AttemptPassed pass);

}
