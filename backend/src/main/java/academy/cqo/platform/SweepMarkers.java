package academy.cqo.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The markers of one sweep: a small collection with one document per item whose work may
 * be unfinished ({@code _id} = the item's id, {@code since} = when it was marked), so
 * that the sweep reads the markers (few) and then the items by {@code _id}, instead of
 * querying the items' collection on other fields (which the embedded store answers by
 * reading every document: it keeps no non-unique index). Certificates being issued and
 * filings being approved are swept this way. An item id that is an object id's hex text
 * is stored as an object id, as the items' own ids are, and read back as the text.
 *
 * <p>
 * The rules that keep every unfinished item marked without transactions:
 * <ul>
 * <li>an item is marked ({@link #mark}) <em>before</em> the single-document write that
 * can leave it unfinished (its insert, or the conditional move into the unfinished
 * state), so a crash anywhere after the marker leaves a marked item, and a crash before
 * it leaves the item as it was;</li>
 * <li>the marker is cleared ({@link #clear}) only <em>after</em> the item's work is
 * finished for good (a state nothing moves it out of), so a crash between the two leaves
 * a finished item with a marker, which the next read clears;</li>
 * <li>an item that is neither unfinished nor finished for good (missing, because its
 * insert has not happened yet or never will; or in a state a later step may move back
 * into the unfinished set, such as a failed certificate an administrator may retry, or a
 * filing whose approval is under way) may have a writer between its marker and its write:
 * its marker is kept until it is {@link #SETTLED} old and then removed only if no writer
 * marked it again meanwhile (a conditional delete on {@code since}).</li>
 * </ul>
 * Stores written before markers existed are marked once ({@link #markOnce}): one query
 * over the items marks every unfinished one, and a record in the markers' collection says
 * it was done; a pass interrupted before the record runs again and marks the same items
 * again (marking is idempotent). The record is the {@link #RECORD} document; removing it
 * makes the next sweep run pass again (e.g. after a rolling upgrade during which an older
 * instance kept writing without markers).
 */
public final class SweepMarkers {

	/**
	 * How long a marker of an item that looks neither unfinished nor finished for good is
	 * kept: far longer than the store round trip between a marker and the write it
	 * announces.
	 */
	public static final Duration SETTLED = Duration.ofMinutes(10);

	/**
	 * The id of the record that the markers were written from one pass over the items.
	 */
	public static final String RECORD = "~marked-from-items";

	private static final Logger logger = LoggerFactory.getLogger(SweepMarkers.class);

	private static final String ID = "_id";

	private static final String SINCE = "since";

	/** Items read by one query. */
	private static final int BATCH = 100;

	private final ReactiveMongoTemplate mongo;

	private final String collection;

	private final Clock clock;

	/**
	 * The markers kept in a collection.
	 * @param mongo the store
	 * @param collection the markers' collection, one per sweep
	 * @param clock the clock
	 */
	public SweepMarkers(ReactiveMongoTemplate mongo, String collection, Clock clock) {
		this.mongo = mongo;
		this.collection = collection;
		this.clock = clock;
	}

	/** Where an item stands for its sweep. */
	public enum Standing {

		/** Its work is unfinished: the sweep finishes it; the marker stays. */
		UNFINISHED,

		/** Its work is finished and nothing takes it up again: the marker goes. */
		FINISHED,

		/**
		 * Not unfinished now, but a step under way may make it so (or the item was never
		 * written): the marker goes once {@link #SETTLED} old and unchanged.
		 */
		IDLE

	}

	/**
	 * A marker as read.
	 *
	 * @param id the item's id
	 * @param since when it was last marked
	 */
	public record Marker(String id, Instant since) {
	}

	/**
	 * Mark an item, before the write that may leave it unfinished (marking again
	 * refreshes {@code since}).
	 * @param id the item's id
	 * @return completes when the marker is stored
	 */
	public Mono<Void> mark(String id) {
		return this.mongo
			.upsert(Query.query(Criteria.where(ID).is(id)), new Update().set(SINCE, this.clock.instant()),
					this.collection)
			.then();
	}

	/**
	 * Clear an item's marker, after its work is finished for good.
	 * @param id the item's id
	 * @return completes when removed (or absent)
	 */
	public Mono<Void> clear(String id) {
		return this.mongo.remove(Query.query(Criteria.where(ID).is(id)), this.collection).then();
	}

	/**
	 * Every marker (a small collection; the record of the pass over the items is not
	 * one).
	 * @return the markers
	 */
	public Flux<Marker> marked() {
		return this.mongo.find(Query.query(Criteria.where(ID).ne(RECORD)), Document.class, this.collection)
			.map((marker) -> new Marker(String.valueOf(marker.get(ID)),
					(marker.get(SINCE) instanceof Date since) ? since.toInstant() : Instant.EPOCH));
	}

	/**
	 * The marked items whose work is unfinished, read by their ids ({@code _id $in} up to
	 * {@link #BATCH} at a time); on the way, the markers of finished items are cleared,
	 * and those of missing or idle items once settled.
	 * @param <T> the item
	 * @param read the items with some of the ids (those that exist)
	 * @param id an item's id
	 * @param standing where an item stands
	 * @return the unfinished items, in the markers' order
	 */
	public <T> Flux<T> unfinished(Function<List<String>, Flux<T>> read, Function<T, String> id,
			Function<T, Standing> standing) {
		return marked().buffer(BATCH)
			.concatMap((markers) -> read.apply(markers.stream().map(Marker::id).toList())
				.collectMap(id)
				.flatMapMany((items) -> Flux.fromIterable(markers)
					.concatMap((marker) -> settle(marker, items.get(marker.id()), standing))));
	}

	private <T> Mono<T> settle(Marker marker, T item, Function<T, Standing> standing) {
		Standing now = (item != null) ? standing.apply(item) : Standing.IDLE;
		return switch (now) {
			case UNFINISHED -> Mono.just(item);
			case FINISHED -> clear(marker.id()).then(Mono.empty());
			case IDLE -> clearIfSettled(marker).then(Mono.empty());
		};
	}

	/**
	 * Remove the marker of an idle item once it is {@link #SETTLED} old, unless it was
	 * marked again since it was read.
	 * @param marker the marker as read
	 * @return whether it was removed
	 */
	public Mono<Boolean> clearIfSettled(Marker marker) {
		if (marker.since().plus(SETTLED).isAfter(this.clock.instant())) {
			return Mono.just(false);
		}
		return this.mongo
			.remove(Query.query(Criteria.where(ID).is(marker.id()).and(SINCE).is(Date.from(marker.since()))),
					this.collection)
			.map((result) -> result.getDeletedCount() > 0);
	}

	/**
	 * Mark every unfinished item of a store written before markers existed, once: unless
	 * the record says it was done, every id the scan names is marked, then the record is
	 * written. After that, one read of the record by {@code _id}.
	 * @param scan the ids of the unfinished items, read from the items' collection
	 * @return how many were marked (0 when done before)
	 */
	public Mono<Long> markOnce(Supplier<Flux<String>> scan) {
		return this.mongo.exists(Query.query(Criteria.where(ID).is(RECORD)), this.collection)
			.flatMap((done) -> done ? Mono.just(0L) : markFromItems(scan));
	}

	private Mono<Long> markFromItems(Supplier<Flux<String>> scan) {
		return scan.get()
			.concatMap((id) -> mark(id).thenReturn(id))
			.count()
			.flatMap((marked) -> this.mongo
				.upsert(Query.query(Criteria.where(ID).is(RECORD)),
						new Update().set("at", this.clock.instant()).set("marked", marked), this.collection)
				.doOnSuccess((recorded) -> logger.info("Marked {} unfinished items for the sweep from one pass ({})",
						marked, this.collection))
				.thenReturn(marked));
	}

}
