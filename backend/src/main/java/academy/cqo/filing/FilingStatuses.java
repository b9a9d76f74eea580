package academy.cqo.filing;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.platform.IdPages;

/**
 * Read facade for counters kept elsewhere (the reporting module's dashboard counters): a
 * filing's county, kind, state and decision time, by its id or for every filing that is
 * submitted or approved, reading those fields alone; and the telling of
 * {@link FilingChanges} after a state change.
 */
@Service
public class FilingStatuses {

	private static final Logger logger = LoggerFactory.getLogger(FilingChanges.class);

	private static final String[] FIELDS = { "regionCode", "kind", "state", "decidedAt" };

	private final ReactiveMongoTemplate mongo;

	private final ObjectProvider<FilingChanges> listeners;

	private final IdPages pages;

	FilingStatuses(ReactiveMongoTemplate mongo, ObjectProvider<FilingChanges> listeners, IdPages pages) {
		this.pages = pages;
		this.mongo = mongo;
		this.listeners = listeners;
	}

	/**
	 * What a counter needs of a filing.
	 *
	 * @param filingId the filing
	 * @param regionCode its county (the enterprise's when it was drafted; never changes)
	 * @param kind {@link FilingKind} name
	 * @param state {@link FilingState} name
	 * @param decidedAt when it was approved, returned or rejected, or {@code null}
	 */
	public record Status(String filingId, String regionCode, String kind, String state, Instant decidedAt) {

		/** An approved appointment (a first appointment or a change of CQO). */
		public boolean approvedAppointment() {
			return FilingState.APPROVED.name().equals(this.state) && FilingKind.APPOINTMENT.name().equals(this.kind);
		}

		/** Waiting for the county's review. */
		public boolean awaitingReview() {
			return FilingState.SUBMITTED.name().equals(this.state);
		}

	}

	/**
	 * A filing's status, read by {@code _id}.
	 * @param filingId the filing
	 * @return its status, or empty when there is no such filing
	 */
	public Mono<Status> of(String filingId) {
		// stored as Spring Data stores a String id: an ObjectId when it is one's hex form
		Object key = ObjectId.isValid(filingId) ? new ObjectId(filingId) : filingId;
		Query query = Query.query(Criteria.where("_id").is(key));
		query.fields().include(FIELDS);
		return this.mongo.findOne(query, Document.class, FilingDocument.COLLECTION).map(FilingStatuses::status);
	}

	/**
	 * Every filing that is submitted or approved (one pass over the filings, those fields
	 * alone, in bounded {@code _id} pages: the dashboard counters' reconciliation).
	 * @return their statuses, in no particular order
	 */
	public Flux<Status> submittedOrApproved() {
		Query query = Query
			.query(Criteria.where(FilingState.FIELD).in(FilingState.SUBMITTED.name(), FilingState.APPROVED.name()));
		query.fields().include(FIELDS);
		return this.pages.all(query, FilingDocument.COLLECTION).map(FilingStatuses::status);
	}

	private static Status status(Document filing) {
		Instant decided = (filing.get("decidedAt") instanceof Date date) ? date.toInstant() : null;
		return new Status(String.valueOf(filing.get("_id")), filing.getString("regionCode"), filing.getString("kind"),
				filing.getString(FilingState.FIELD), decided);
	}

	/**
	 * Tell every {@link FilingChanges} listener that a filing's state changed; a
	 * listener's failure is logged, never passed on.
	 * @param filingId the filing
	 * @return completes when told
	 */
	Mono<Void> tell(String filingId) {
		return Flux.fromStream(this.listeners::orderedStream)
			.concatMap((listener) -> listener.filingChanged(filingId).onErrorResume((ex) -> {
				logger.warn("A listener missed the state change of filing {}", filingId, ex);
				return Mono.empty();
			}))
			.then();
	}

}
