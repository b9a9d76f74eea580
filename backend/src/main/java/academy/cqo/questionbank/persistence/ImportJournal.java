package academy.cqo.questionbank.persistence;

import java.time.Instant;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.questionbank.domain.ImportState;

/**
 * The journal that makes imports all-or-nothing (see {@link ImportDocument}).
 */
@Component
public class ImportJournal {

	private final ReactiveMongoTemplate mongo;

	ImportJournal(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<ImportDocument> begin(ImportDocument journal) {
		return this.mongo.insert(journal);
	}

	public Mono<Void> saveChanges(List<ImportChangeDocument> changes) {
		if (changes.isEmpty()) {
			return Mono.empty();
		}
		return this.mongo.insert(changes, ImportChangeDocument.class).then();
	}

	public Flux<ImportChangeDocument> changes(String importId) {
		return this.mongo.find(Query.query(Criteria.where("importId").is(importId)), ImportChangeDocument.class);
	}

	/**
	 * The moment an import takes effect: one atomic move from {@code WRITING} to
	 * {@code COMMITTING}.
	 * @param importId the import
	 * @return the journal, or empty when it was not writing (rolled back meanwhile)
	 */
	public Mono<ImportDocument> commit(String importId) {
		return move(importId, ImportState.COMMITTING, new Update());
	}

	public Mono<ImportDocument> finish(String importId, Instant at) {
		return move(importId, ImportState.DONE, new Update().set("finishedAt", at));
	}

	/**
	 * Give up an import that did not commit.
	 * @param importId the import
	 * @param at now
	 * @return the journal, or empty when it had already committed
	 */
	public Mono<ImportDocument> abandon(String importId, Instant at) {
		return move(importId, ImportState.ABANDONED, new Update().set("finishedAt", at));
	}

	/**
	 * Move the journal to a state, if its state allows the move
	 * ({@link ImportState#canMoveTo}).
	 */
	private Mono<ImportDocument> move(String importId, ImportState target, Update update) {
		return this.mongo.findAndModify(Query.query(target.moveGuard(Criteria.where("_id").is(importId))),
				update.set(ImportState.FIELD, target.name()), FindAndModifyOptions.options().returnNew(true),
				ImportDocument.class);
	}

	public Mono<Void> removeChanges(String importId) {
		return this.mongo.remove(Query.query(Criteria.where("importId").is(importId)), ImportChangeDocument.class)
			.then();
	}

	/**
	 * Imports left unfinished, e.g. by a crash.
	 * @param state {@code WRITING} or {@code COMMITTING}
	 * @param startedBefore only those started before this
	 * @return the journals
	 */
	public Flux<ImportDocument> unfinished(ImportState state, Instant startedBefore) {
		return this.mongo.find(Query.query(state.stillIn().and("startedAt").lt(startedBefore)), ImportDocument.class);
	}

}
