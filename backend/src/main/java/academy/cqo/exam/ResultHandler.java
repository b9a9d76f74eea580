package academy.cqo.exam;

import reactor.core.publisher.Mono;

/**
 * The port through which reports hear of final results of qualifying exams, passes and
 * failures alike. Told whenever a result becomes final or changes (so a handler must be
 * idempotent by attempt id: the same result told twice is one result); a handler that
 * fails does not fail the grading: what it missed its own reconciliation finds through
 * {@link AttemptResults}.
 */
public interface ResultHandler {

	Mono<Void> graded(AttemptResult result);

}
