package academy.cqo.ce;

import reactor.core.publisher.Mono;

/**
 * The port through which reports hear that a person's CE ledger changed by a decided
 * claim (course modules reach them through the course module's completion port). Told
 * after the decision is stored; a handler must be idempotent and its failure does not
 * fail the decision (reports heal it in their own reconciliation).
 */
public interface CeChanges {

	Mono<Void> ceChanged(String accountId);

}
