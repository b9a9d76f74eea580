package academy.cqo.course;

import reactor.core.publisher.Mono;

/**
 * The port through which reports hear that a person completed a module (and with it
 * perhaps the course): what they count as trained and as CE hours may have changed. Told
 * after the completion is stored; a handler must be idempotent (told again, it finds
 * nothing new) and its failure does not fail the study step (reports heal it in their own
 * reconciliation).
 */
public interface CompletionHandler {

	Mono<Void> completed(String accountId);

}
