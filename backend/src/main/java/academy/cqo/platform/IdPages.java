package academy.cqo.platform;

import java.time.Duration;
import java.util.List;

import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Reads every record of a collection that a background job needs in bounded pieces, with
 * a pause between them: pages of {@code cqo.store-page-size} records (default 1,000) in
 * {@code _id} order — the query plus {@code _id > the last id read}, sorted by
 * {@code _id}, limited — and {@code cqo.store-page-pause} (default 50 ms) between pages,
 * so that no single store command reads a whole large collection and user requests
 * interleave with the job. MongoDB serves such a page from the {@code _id} index; so does
 * the embedded store (its {@code DurableH2Backend} reads the page from the documents'
 * map, which is ordered by {@code _id}, instead of scanning and sorting the collection).
 * The query should be dense (most records match), or a page reads far beyond its limit. A
 * collection may hold string ids and object ids (filings: imported ones have string ids):
 * in {@code _id} order every string comes before every object id, and a bound of one type
 * matches only ids of that type, so once the strings after a string bound are read the
 * walk goes on from the first object id.
 */
@Component
public class IdPages {

	private static final String ID = "_id";

	/** Below every object id the platform makes (their first four bytes are the time). */
	private static final ObjectId BEFORE_OBJECT_IDS = new ObjectId(new byte[12]);

	private final ReactiveMongoTemplate mongo;

	private final int size;

	private final Duration pause;

	@Autowired
	IdPages(ReactiveMongoTemplate mongo, PlatformSettings settings) {
		this(mongo, settings.storePageSize(), settings.storePagePause());
	}

	/**
	 * Pages of a given size and pause.
	 * @param mongo the store
	 * @param size records per page
	 * @param pause between pages
	 */
	public IdPages(ReactiveMongoTemplate mongo, int size, Duration pause) {
		if (size < 1) {
			throw new IllegalArgumentException("A page holds at least one record: " + size);
		}
		this.mongo = mongo;
		this.size = size;
		this.pause = pause;
	}

	/**
	 * Every record matching the query, page by page.
	 * @param query what to read (criteria and fields; no sort, skip or limit, and no
	 * condition on {@code _id})
	 * @param collection the collection
	 * @return the records in {@code _id} order, as stored
	 */
	public Flux<Document> all(Query query, String collection) {
		return page(query, collection, null).expand((page) -> next(query, collection, page))
			.concatMapIterable(Page::documents);
	}

	/**
	 * The page after this one: from its last id when it is full; after a short page
	 * bounded by a string, the object ids from the first; else none.
	 */
	private Mono<Page> next(Query query, String collection, Page page) {
		List<Document> documents = page.documents();
		if (documents.size() == this.size) {
			return Mono.delay(this.pause).then(page(query, collection, documents.get(documents.size() - 1).get(ID)));
		}
		if (page.after() instanceof String) {
			return Mono.delay(this.pause).then(page(query, collection, BEFORE_OBJECT_IDS));
		}
		return Mono.empty();
	}

	/**
	 * Every record matching the query, page by page, read as a type.
	 * @param <T> the type
	 * @param query what to read
	 * @param type the mapped type
	 * @param collection the collection
	 * @return the records in {@code _id} order
	 */
	public <T> Flux<T> all(Query query, Class<T> type, String collection) {
		return all(query, collection).map((document) -> this.mongo.getConverter().read(type, document));
	}

	private Mono<Page> page(Query query, String collection, Object after) {
		Query page = Query.of(query).with(Sort.by(ID)).limit(this.size);
		if (after != null) {
			page.addCriteria(Criteria.where(ID).gt(after));
		}
		return this.mongo.find(page, Document.class, collection)
			.collectList()
			.map((documents) -> new Page(after, documents));
	}

	/**
	 * One page read.
	 *
	 * @param after its lower bound ({@code null}: none)
	 * @param documents what it read
	 */
	private record Page(Object after, List<Document> documents) {
	}

}
