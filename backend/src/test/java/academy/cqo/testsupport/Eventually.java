package academy.cqo.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/**
 * Wait for a condition to hold, checking it again and again, for tests of things that
 * happen in another process or on a schedule.
 */
public final class Eventually {

	private Eventually() {
	}

	/**
	 * Check a condition until it holds.
	 * @param what what is awaited, for the failure message
	 * @param timeout how long at most
	 * @param condition the condition
	 * @throws AssertionError when it did not hold in time
	 */
	public static void await(String what, Duration timeout, Callable<Boolean> condition) {
		Instant giveUp = Instant.now().plus(timeout);
		while (true) {
			try {
				if (Boolean.TRUE.equals(condition.call())) {
					return;
				}
			}
			catch (Exception ex) {
				throw new AssertionError("While waiting for " + what, ex);
			}
			if (Instant.now().isAfter(giveUp)) {
				throw new AssertionError("Not within " + timeout + ": " + what);
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted while waiting for " + what, ex);
			}
		}
	}

}
