package academy.cqo.platform;

import java.util.function.IntFunction;

import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Gap-free, unique sequence numbers per counter (e.g. per prefix and year) without
 * transactions, with single-document updates only: a counter hands out the next sequence
 * only while no document holds it as {@code pending}; the taker writes the number into
 * the number index (whose {@code _id} is the number, so it is unique) and into its own
 * document ({@code number}, {@code sequence}), then clears {@code pending}. Whoever finds
 * a pending sequence finishes writing it before taking the next, so a crash anywhere
 * leaves no gap and no duplicate. Certificates, CE transcripts and filings number this
 * way, each with its own collections.
 */
public final class GapFreeNumbers {

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final ReactiveMongoTemplate mongo;

	private final String counters;

	private final String numbers;

	private final String ownerField;

	/**
	 * Numbering kept in two collections.
	 * @param mongo the store
	 * @param counters the counters' collection ({@code _id}, {@code sequence},
	 * {@code pending})
	 * @param numbers the number index ({@code _id} = the number, and the owner's id)
	 * @param ownerField the name of the owner's id field in the number index
	 */
	public GapFreeNumbers(ReactiveMongoTemplate mongo, String counters, String numbers, String ownerField) {
		this.mongo = mongo;
		this.counters = counters;
		this.numbers = numbers;
		this.ownerField = ownerField;
	}

	/**
	 * Give a stored document the next sequence of a counter, or the one it already has.
	 * @param collection the document's collection
	 * @param documentId the document, already stored
	 * @param counterId the counter (e.g. {@code JX-2026})
	 * @param format the printed number of a sequence
	 * @return the document's sequence
	 */
	public Mono<Integer> assign(String collection, String documentId, String counterId, IntFunction<String> format) {
		return Mono.defer(() -> this.mongo.findById(documentId, Document.class, collection).flatMap((document) -> {
			Integer sequence = document.getInteger("sequence");
			if (sequence != null) {
				return clearPending(counterId, documentId).thenReturn(sequence);
			}
			Query free = Query.query(Criteria.where("_id").is(counterId).and("pending").isNull());
			return this.mongo
				.findAndModify(free, new Update().inc("sequence", 1).set("pending", documentId), RETURN_NEW,
						Document.class, this.counters)
				.flatMap((counter) -> complete(collection, counterId, documentId, counter.getInteger("sequence"),
						format))
				.switchIfEmpty(Mono.defer(() -> helpOrCreate(collection, counterId, format).then(Mono.empty())));
		})).repeatWhenEmpty(1000, (repeats) -> repeats);
	}

	/**
	 * The id of the document a number belongs to.
	 * @param number the number
	 * @return the owner's id, or empty
	 */
	public Mono<String> ownerOf(String number) {
		return this.mongo.findById(number, Document.class, this.numbers)
			.map((entry) -> entry.getString(this.ownerField));
	}

	private Mono<Void> helpOrCreate(String collection, String counterId, IntFunction<String> format) {
		return this.mongo.findById(counterId, Document.class, this.counters)
			.flatMap((counter) -> (counter.getString("pending") == null) ? Mono.<Void>empty()
					: complete(collection, counterId, counter.getString("pending"), counter.getInteger("sequence"),
							format)
						.then())
			.switchIfEmpty(this.mongo
				.insert(new Document("_id", counterId).append("sequence", 0).append("pending", null), this.counters)
				.then()
				.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty()));
	}

	private Mono<Integer> complete(String collection, String counterId, String documentId, int sequence,
			IntFunction<String> format) {
		String number = format.apply(sequence);
		return this.mongo.insert(new Document("_id", number).append(this.ownerField, documentId), this.numbers)
			.then()
			.onErrorResume(DuplicateKeyException.class,
					(ex) -> ownerOf(number).filter((owner) -> !owner.equals(documentId))
						.flatMap((owner) -> Mono
							.error(new IllegalStateException("Number " + number + " already belongs to " + owner))))
			.then(this.mongo.updateFirst(Query.query(Criteria.where("_id").is(documentId).and("sequence").isNull()),
					new Update().set("number", number).set("sequence", sequence), collection))
			.then(clearPending(counterId, documentId))
			.thenReturn(sequence);
	}

	private Mono<Void> clearPending(String counterId, String documentId) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(counterId).and("pending").is(documentId)),
					new Update().set("pending", null), this.counters)
			.then();
	}

}
