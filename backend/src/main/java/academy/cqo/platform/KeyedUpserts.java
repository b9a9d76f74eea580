package academy.cqo.platform;

import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import academy.cqo.platform.store.InProcessCommands;

/**
 * A conditional upsert of one document by its {@code _id}: the shape of an exam-day save
 * ("store this answer unless a newer one is stored"), sent the shortest way the store
 * allows. On MongoDB it is the driver's {@code updateOne} with upsert; on the embedded
 * store the same command is handed to the store in this process
 * ({@link InProcessCommands}), and over the wire only while the store is opening or the
 * collection does not exist yet. Either way the write is durable when the returned
 * {@code Mono} completes (the client's write concern on MongoDB, the store's journal when
 * embedded).
 * <p>
 * The filter and update are the store's documents as given (field names and values as
 * stored: an {@code Instant} is stored as a date), not mapped from an entity.
 */
@Component
public class KeyedUpserts {

	private static final MongoExceptionTranslator TRANSLATOR = new MongoExceptionTranslator();

	private final ReactiveMongoTemplate mongo;

	private final InProcessCommands inProcess;

	private final Mono<String> database;

	@Autowired
	KeyedUpserts(ReactiveMongoTemplate mongo, ObjectProvider<InProcessCommands> inProcess) {
		this(mongo, inProcess.getIfAvailable());
	}

	private KeyedUpserts(ReactiveMongoTemplate mongo, InProcessCommands inProcess) {
		this.mongo = mongo;
		this.inProcess = inProcess;
		this.database = mongo.getMongoDatabase().map(MongoDatabase::getName).cache();
	}

	/**
	 * Upserts through a template, in process when given the embedded server's commands
	 * (for tests and benchmarks without an application context).
	 * @param mongo the template
	 * @param inProcess the embedded store's commands, or {@code null} for the wire only
	 * @return the upserts
	 */
	public static KeyedUpserts of(ReactiveMongoTemplate mongo, InProcessCommands inProcess) {
		return new KeyedUpserts(mongo, inProcess);
	}

	/**
	 * Update the document the filter matches, or insert one made of the filter's
	 * {@code _id} and the update when no document has that {@code _id}.
	 * @param collection the collection
	 * @param filter the filter: the {@code _id} and the conditions a stored document must
	 * meet to be updated
	 * @param update the update ({@code $set} and so on)
	 * @return {@code true} when the document was updated or inserted, {@code false} when
	 * a document with that {@code _id} is stored and does not meet the conditions (left
	 * unchanged); a failure of the store as the template would signal it
	 */
	public Mono<Boolean> upsert(String collection, Document filter, Document update) {
		Mono<Boolean> upsert = (this.inProcess != null)
				? this.database.flatMap((name) -> this.inProcess.updateOne(name, collection, filter, update, true))
					.map((outcome) -> Boolean.TRUE)
					.switchIfEmpty(Mono.defer(() -> overTheWire(collection, filter, update)))
				: overTheWire(collection, filter, update);
		return upsert.onErrorResume(KeyedUpserts::duplicateKey, (ex) -> Mono.just(Boolean.FALSE))
			.onErrorMap(RuntimeException.class, KeyedUpserts::translate);
	}

	/**
	 * An upsert of {@link #upsertAll}: the filter and update as for {@link #upsert}.
	 *
	 * @param filter the filter
	 * @param update the update
	 */
	public record Upsert(Document filter, Document update) {
	}

	/**
	 * Several upserts to one collection, each as {@link #upsert}, sent together (one
	 * command, unordered: each is applied whatever becomes of the others).
	 * @param collection the collection
	 * @param upserts the upserts
	 * @return completes once every upsert was written; a failure of the store as the
	 * template signals it: a {@link DuplicateKeyException} when one or more met a stored
	 * document that does not meet their conditions (the others were written, and so were
	 * those the store refused for another reason)
	 */
	public Mono<Void> upsertAll(String collection, List<Upsert> upserts) {
		if (upserts.isEmpty()) {
			return Mono.empty();
		}
		Mono<?> written = (this.inProcess != null) ? this.database
			.flatMap((name) -> this.inProcess.update(name, collection,
					upserts.stream()
						.map((upsert) -> new InProcessCommands.Statement(upsert.filter(), upsert.update(), true))
						.toList(),
					false))
			.map(Object.class::cast)
			.switchIfEmpty(Mono.defer(() -> allOverTheWire(collection, upserts))) : allOverTheWire(collection, upserts);
		return written.onErrorMap(RuntimeException.class, KeyedUpserts::translate).then();
	}

	private Mono<Object> allOverTheWire(String collection, List<Upsert> upserts) {
		List<UpdateOneModel<Document>> models = upserts.stream()
			.map((upsert) -> new UpdateOneModel<Document>(upsert.filter(), upsert.update(),
					new UpdateOptions().upsert(true)))
			.toList();
		return this.mongo.getCollection(collection)
			.flatMap((documents) -> Mono.from(documents.bulkWrite(models, new BulkWriteOptions().ordered(false))));
	}

	private Mono<Boolean> overTheWire(String collection, Document filter, Document update) {
		return this.mongo.getCollection(collection)
			.flatMap((documents) -> Mono.from(documents.updateOne(filter, update, new UpdateOptions().upsert(true))))
			.thenReturn(Boolean.TRUE);
	}

	private static boolean duplicateKey(Throwable ex) {
		return ex instanceof MongoWriteException write
				&& ErrorCategory.fromErrorCode(write.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
	}

	private static Throwable translate(RuntimeException ex) {
		Throwable translated = TRANSLATOR.translateExceptionIfPossible(ex);
		return (translated != null) ? translated : ex;
	}

}
