package academy.cqo.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Mono;

import academy.cqo.exam.AttemptPassed;
import academy.cqo.exam.PassHandler;

/**
 * A {@link PassHandler} beside the certificate module's: every pass the exam module hands
 * to its handlers, for tests to count (a pass is offered once unless a handler failed).
 */
public class RecordedPasses implements PassHandler {

	private final List<AttemptPassed> passes = new CopyOnWriteArrayList<>();

	@Override
	public Mono<Void> passed(AttemptPassed pass) {
		return Mono.fromRunnable(() -> this.passes.add(pass));
	}

	/**
	 * The passes handed over for one attempt.
	 * @param attemptId the attempt
	 * @return its passes, in order
	 */
	public List<AttemptPassed> of(String attemptId) {
		return this.passes.stream().filter((pass) -> pass.attemptId().equals(attemptId)).toList();
	}

}
