package academy.cqo.notification.persistence;

import java.time.Instant;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Stored notices.
 */
@Component
public class NotificationStore {

	private final ReactiveMongoTemplate mongo;

	NotificationStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public static String idOf(String accountId, String key) {
		return accountId + ":" + key;
	}

	/**
	 * Insert a notice unless one with its id exists.
	 * @param document the notice
	 * @return whether it was inserted now
	 */
	public Mono<Boolean> insertOnce(NotificationDocument document) {
		return this.mongo.insert(document)
			.thenReturn(true)
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.just(false));
	}

	/**
	 * Notices whose e-mail has not gone yet, sent after a time.
	 * @param since the oldest worth mailing still
	 * @return the notices
	 */
	public Flux<NotificationDocument> mailPending(Instant since) {
		return this.mongo.find(Query.query(Criteria.where("mailPending").is(true).and("sentAt").gte(since)),
				NotificationDocument.class);
	}

	public Mono<Void> markMailed(String id, Instant at) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)),
					new Update().set("mailPending", false).set("mailedAt", at), NotificationDocument.class)
			.then();
	}

	public Flux<NotificationDocument> newest(String accountId, int limit) {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(accountId))
			.with(Sort.by(Sort.Direction.DESC, "sentAt"))
			.limit(limit), NotificationDocument.class);
	}

	public Mono<Long> countUnread(String accountId) {
		return this.mongo.count(Query.query(Criteria.where("accountId").is(accountId).and("readAt").isNull()),
				NotificationDocument.class);
	}

	public Mono<NotificationDocument> markRead(String accountId, String id, Instant at) {
		Query query = Query.query(Criteria.where("_id").is(id).and("accountId").is(accountId));
		return this.mongo.findAndModify(query, new Update().min("readAt", at),
				FindAndModifyOptions.options().returnNew(true), NotificationDocument.class);
	}

	public Mono<Void> markAllRead(String accountId, Instant at) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("accountId").is(accountId).and("readAt").isNull()),
					new Update().set("readAt", at), NotificationDocument.class)
			.then();
	}

}
