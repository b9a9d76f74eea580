package academy.cqo.platform.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import de.bwaldvogel.mongo.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's slow-command log: a command that took longer than the threshold
 * (setting {@code cqo.store-slow-command-threshold}, default 2 s) is logged at WARN with
 * its name, collection, the <em>shape</em> of its filter (field names and operators,
 * every value replaced by {@code ?} and every list by its length: no personal data), its
 * sort, limit, the documents it scanned (read from the store and matched), the ids it
 * examined in {@code _id} order ({@code keys=}, when it read a range of ids), those in
 * its reply (a cursor's first batch, {@code batch=}, or a count, {@code n=}), and its
 * duration. The duration includes any wait for the collection (mongo-java-server answers
 * the commands of one collection one at a time).
 */
final class SlowCommands {

	static final Duration DEFAULT_THRESHOLD = Duration.ofSeconds(2);

	private static final Logger logger = LoggerFactory.getLogger(SlowCommands.class);

	private static final int MAX_SHAPE = 300;

	/**
	 * Documents the current thread's command has scanned so far, and ids it examined
	 * (read from the {@code _id} order without their documents).
	 */
	private static final ThreadLocal<long[]> scanned = ThreadLocal.withInitial(() -> new long[2]);

	private final long thresholdNanos;

	SlowCommands(Duration threshold) {
		this.thresholdNanos = threshold.toNanos();
	}

	/** A command starts on this thread: nothing scanned yet. */
	static void startCommand() {
		long[] counts = scanned.get();
		counts[0] = 0;
		counts[1] = 0;
	}

	/**
	 * One document read by the current command's query.
	 * @param document the document
	 */
	static void scanned(Document document) {
		scanned.get()[0]++;
	}

	/**
	 * Ids the current command's query examined in the {@code _id} order (each on a page
	 * read with its documents).
	 * @param ids how many
	 */
	static void keysExamined(long ids) {
		scanned.get()[1] += ids;
	}

	/**
	 * A command finished: log it if it was slow.
	 * @param command the command name
	 * @param query the command document
	 * @param reply its reply, {@code null} when it failed
	 * @param nanos how long it took
	 */
	void finished(String command, Document query, Document reply, long nanos) {
		if (nanos < this.thresholdNanos || !logger.isWarnEnabled()) {
			return;
		}
		logger.warn("Slow store command: {} took {} ms; {}", command, nanos / 1_000_000,
				describe(command, query, reply, scanned.get()[0], scanned.get()[1]));
	}

	/**
	 * What is logged of a command: never a value of its filter.
	 * @param command the command name
	 * @param query the command document
	 * @param reply the reply, or {@code null}
	 * @param scannedDocuments documents scanned
	 * @param examinedIds ids examined in the {@code _id} order ({@code keys=}, left out
	 * when none)
	 * @return e.g. {@code collection=filings filter={_id: {$in: [500]}, status: ?}
	 * sort={_id: ?} limit=1000 scanned=500 batch=12}
	 */
	static String describe(String command, Document query, Document reply, long scannedDocuments, long examinedIds) {
		StringJoiner line = new StringJoiner(" ");
		Object collection = query.get(command);
		if (!(collection instanceof String)) {
			collection = query.get("collection");
		}
		line.add("collection=" + collection);
		Object filter = filterOf(command, query);
		if (filter != null) {
			line.add("filter=" + truncate(shape(filter)));
		}
		if (query.get("sort") != null) {
			line.add("sort=" + truncate(shape(query.get("sort"))));
		}
		if (query.get("limit") instanceof Number limit) {
			line.add("limit=" + limit);
		}
		line.add("scanned=" + scannedDocuments);
		if (examinedIds > 0) {
			line.add("keys=" + examinedIds);
		}
		line.add(returned(reply));
		return line.toString();
	}

	private static Object filterOf(String command, Document query) {
		return switch (command.toLowerCase(java.util.Locale.ROOT)) {
			case "find" -> query.get("filter");
			case "count", "distinct", "findandmodify" -> query.get("query");
			case "update" -> firstOf(query.get("updates"), "q");
			case "delete" -> firstOf(query.get("deletes"), "q");
			case "aggregate" -> query.get("pipeline");
			default -> null;
		};
	}

	private static Object firstOf(Object statements, String field) {
		if (statements instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Document first) {
			return first.get(field);
		}
		return null;
	}

	/**
	 * What the reply carries: {@code batch=} the documents of a cursor's first (or next)
	 * batch (the rest follow by {@code getMore}), {@code n=} a count or the documents
	 * written, {@code failed} when the command threw.
	 */
	private static String returned(Document reply) {
		if (reply == null) {
			return "failed";
		}
		if (reply.get("cursor") instanceof Document cursor) {
			Object batch = (cursor.get("firstBatch") != null) ? cursor.get("firstBatch") : cursor.get("nextBatch");
			if (batch instanceof List<?> documents) {
				return "batch=" + documents.size();
			}
		}
		Object n = reply.get("n");
		return "n=" + ((n != null) ? n : "-");
	}

	/**
	 * The shape of a value: documents keep their field names and operators, lists become
	 * their length (a pipeline its stages' shapes), anything else {@code ?}.
	 * @param value a filter, sort or pipeline
	 * @return its shape
	 */
	static String shape(Object value) {
		if (value instanceof Document document) {
			StringJoiner fields = new StringJoiner(", ", "{", "}");
			for (Map.Entry<String, Object> entry : document.entrySet()) {
				fields.add(entry.getKey() + ": " + shape(entry.getValue()));
			}
			return fields.toString();
		}
		if (value instanceof List<?> list) {
			if (!list.isEmpty() && list.stream().allMatch(Document.class::isInstance)) {
				StringJoiner items = new StringJoiner(", ", "[", "]");
				list.forEach((item) -> items.add(shape(item)));
				return items.toString();
			}
			return "[" + list.size() + "]";
		}
		return "?";
	}

	private static String truncate(String shape) {
		return (shape.length() <= MAX_SHAPE) ? shape : shape.substring(0, MAX_SHAPE) + "…";
	}

}
