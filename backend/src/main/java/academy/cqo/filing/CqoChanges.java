package academy.cqo.filing;

import reactor.core.publisher.Mono;

/**
 * The port through which other modules hear that an enterprise's current CQO changed (an
 * appointment, change or correction approved, a dismissal approved, an exit decided by a
 * bureau). Called after the enterprise points at its new current filing (or at none),
 * within the approval's own flow: a failure fails the step, which the approval sweep
 * repeats, so an implementation must be idempotent (the reporting module recomputes the
 * enterprise's standing from the records).
 */
public interface CqoChanges {

	/**
	 * The enterprise's current CQO may have changed.
	 * @param creditCode the enterprise
	 * @return completes when taken note of
	 */
	Mono<Void> changed(String creditCode);

}
