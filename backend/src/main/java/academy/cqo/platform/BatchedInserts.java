package academy.cqo.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import academy.cqo.platform.InFlightBatches.Waiting;

/**
 * Inserts into one collection that go to the store together, as {@link BatchedReads}
 * reads: an insert asked for while none is under way goes at once, alone; those asked for
 * while one is under way wait for it and then go as one unordered {@code insertMany} (at
 * most {@code maxBatch} documents). Each caller learns whether its own document was
 * inserted or a unique key of it (its {@code _id}) was already taken; a document the
 * store refused for another reason fails its caller only, and a failure of the whole
 * command fails every caller of that command. The command is repeated after a transient
 * store failure ({@link StoreRetry#idempotent}): a document it had already inserted is
 * then reported as taken, so callers must treat "taken" as "look it up", as an insert
 * under a natural key does anyway.
 */
public final class BatchedInserts {

	private final ReactiveMongoTemplate mongo;

	private final String collection;

	private final InFlightBatches<Waiting<Document, Boolean>> batches;

	/**
	 * Batched inserts into a collection.
	 * @param mongo the store
	 * @param collection the collection
	 * @param maxBatch the most documents in one command
	 */
	public BatchedInserts(ReactiveMongoTemplate mongo, String collection, int maxBatch) {
		this.mongo = mongo;
		this.collection = collection;
		this.batches = new InFlightBatches<>(maxBatch, this::insert);
	}

	/**
	 * Insert a record (mapped as the template maps it), with the others asked for
	 * meanwhile.
	 * @param record the record
	 * @return {@code true} when inserted, {@code false} when a unique key of it was taken
	 */
	public Mono<Boolean> insert(Object record) {
		return Mono.defer(() -> {
			Document document = new Document();
			this.mongo.getConverter().write(record, document);
			return Mono.create((sink) -> this.batches.add(new Waiting<>(document, sink)));
		});
	}

	/**
	 * How many commands went to the store (for tests).
	 * @return the commands so far
	 */
	public long writes() {
		return this.batches.batches();
	}

	private Mono<Void> insert(List<Waiting<Document, Boolean>> batch) {
		List<Document> documents = batch.stream().map(Waiting::asked).toList();
		return StoreRetry
			.idempotent(this.mongo.getCollection(this.collection)
				.flatMap((collection) -> Mono
					.from(collection.insertMany(documents, new InsertManyOptions().ordered(false)))))
			.doOnNext((result) -> batch.forEach((pending) -> pending.success(Boolean.TRUE)))
			.doOnError((error) -> answer(batch, error))
			.then()
			.onErrorComplete();
	}

	private void answer(List<Waiting<Document, Boolean>> batch, Throwable error) {
		if (error instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null) {
			Map<Integer, BulkWriteError> refused = new HashMap<>();
			bulk.getWriteErrors().forEach((writeError) -> refused.put(writeError.getIndex(), writeError));
			for (int i = 0; i < batch.size(); i++) {
				BulkWriteError writeError = refused.get(i);
				Waiting<Document, Boolean> pending = batch.get(i);
				if (writeError == null) {
					pending.success(Boolean.TRUE);
				}
				else if (ErrorCategory.fromErrorCode(writeError.getCode()) == ErrorCategory.DUPLICATE_KEY) {
					pending.success(Boolean.FALSE);
				}
				else {
					pending.error(translated(new MongoBulkWriteException(bulk.getWriteResult(), List.of(writeError),
							null, bulk.getServerAddress(), bulk.getErrorLabels())));
				}
			}
			return;
		}
		Throwable translated = translated(error);
		batch.forEach((pending) -> pending.error(translated));
	}

	private Throwable translated(Throwable error) {
		if (error instanceof RuntimeException runtime) {
			DataAccessException translated = this.mongo.getMongoDatabaseFactory()
				.getExceptionTranslator()
				.translateExceptionIfPossible(runtime);
			return (translated != null) ? translated : error;
		}
		return error;
	}

}
