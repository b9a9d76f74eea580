package academy.cqo.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The documents each command read from the embedded store, as its slow-command log says
 * when the threshold is zero ({@code EmbeddedTemplate.start(dir, Duration.ZERO)}):
 * register a {@code LogCapture} on {@link #LOGGER} and ask per collection. A real count
 * of what a query read, not a time.
 */
public final class StoreScans {

	/** The slow-command log's logger. */
	public static final String LOGGER = "academy.cqo.platform.store.SlowCommands";

	private static final Pattern LINE = Pattern
		.compile("Slow store command: \\w+ took .* collection=(\\w+) .*scanned=(\\d+)");

	private StoreScans() {
	}

	/**
	 * The documents each logged command on a collection read, in order.
	 * @param logged the captured log
	 * @param collection the collection
	 * @return one count per command
	 */
	public static List<Long> perCommand(LogCapture logged, String collection) {
		List<Long> scanned = new ArrayList<>();
		for (ILoggingEvent event : List.copyOf(logged.events())) {
			Matcher matcher = LINE.matcher(event.getFormattedMessage());
			if (matcher.find() && matcher.group(1).equals(collection)) {
				scanned.add(Long.parseLong(matcher.group(2)));
			}
		}
		return scanned;
	}

	/**
	 * The documents all logged commands on a collection read.
	 * @param logged the captured log
	 * @param collection the collection
	 * @return the sum
	 */
	public static long total(LogCapture logged, String collection) {
		return perCommand(logged, collection).stream().mapToLong(Long::longValue).sum();
	}

}
