package academy.cqo.exam;

import reactor.core.publisher.Mono;

/**
 * The port through which other modules hear of passes: every handler must durably take
 * note of a pass before the exam module counts it as announced (the certificate module
 * records a pending certificate). If a handler fails, the pass is offered again by the
 * next sweep, so a handler must be idempotent by attempt id.
 */
public interface PassHandler {

	Mono<Void> passed(AttemptPassed pass);

}
