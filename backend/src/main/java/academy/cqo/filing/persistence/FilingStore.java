package academy.cqo.filing.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.types.ObjectId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.filing.FilingState;
import academy.cqo.platform.GapFreeNumbers;
import academy.cqo.platform.SweepMarkers;
import academy.cqo.shared.StartupTask;

/**
 * Filings, their attachments, the numbering and the register of who is whose CQO, each
 * change one conditional single-document update. An approved filing whose follow-up steps
 * may be unfinished has a marker in {@value #APPROVAL_MARKERS} (written before the
 * approval's move or an approved filing's insert, cleared once {@code completedAt} is
 * set), which is all the sweep of interrupted approvals reads
 * ({@link #unfinishedApprovals()}).
 */
@Component
public class FilingStore implements StartupTask {

	/** The markers of approved filings whose follow-up steps may be unfinished. */
	public static final String APPROVAL_MARKERS = "filing_approval_markers";

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private static final String HOLDERS = "filing_cqo_holders";

	private final ReactiveMongoTemplate mongo;

	private final GapFreeNumbers numbers;

	private final SweepMarkers unfinished;

	FilingStore(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.numbers = new GapFreeNumbers(mongo, "filing_counters", "filing_numbers", "filingId");
		this.unfinished = new SweepMarkers(mongo, APPROVAL_MARKERS, clock);
	}

	@Override
	public int getOrder() {
		return SCHEMA;
	}

	/**
	 * The indexes production MongoDB needs (the embedded store keeps only unique ones):
	 * filings by county and state (review queues, reports), by enterprise (its timeline),
	 * by the CQO's ID number (who files whom), by state (the filings submitted or
	 * approved; the sweep reads its markers by {@code _id} instead), and attachments by
	 * filing.
	 */
	@Override
	public Mono<Void> run() {
		var filings = this.mongo.indexOps(FilingDocument.COLLECTION);
		var enterprises = this.mongo.indexOps(EnterpriseDocument.COLLECTION);
		return filings
			.createIndex(new Index("regionCode", Sort.Direction.ASC).on("state", Sort.Direction.ASC)
				.named("filing_region_state"))
			.then(filings.createIndex(new Index("creditCode", Sort.Direction.ASC).named("filing_credit_code")))
			.then(filings.createIndex(new Index("cqo.idNumberHash", Sort.Direction.ASC).named("filing_cqo_id")))
			.then(filings.createIndex(
					new Index("state", Sort.Direction.ASC).on("completedAt", Sort.Direction.ASC).named("filing_open")))
			.then(enterprises.createIndex(new Index("regionCode", Sort.Direction.ASC).named("enterprise_region")))
			.then(this.mongo.indexOps("filing_attachments")
				.createIndex(new Index("filingId", Sort.Direction.ASC).named("attachment_filing")))
			.then();
	}

	public static String newId() {
		return new ObjectId().toHexString();
	}

	/**
	 * Store a new filing; one stored approved (an import) is marked for the sweep first.
	 * @param filing the filing
	 * @return the stored filing
	 */
	public Mono<FilingDocument> insert(FilingDocument filing) {
		Mono<Void> mark = (standing(filing) == SweepMarkers.Standing.UNFINISHED) ? this.unfinished.mark(filing.id())
				: Mono.empty();
		return mark.then(this.mongo.insert(filing));
	}

	public Mono<FilingDocument> find(String id) {
		return this.mongo.findById(id, FilingDocument.class);
	}

	private Flux<FilingDocument> findAll(List<String> ids) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), FilingDocument.class);
	}

	/**
	 * Change a filing the enterprise may still edit.
	 * @param id the filing
	 * @param change the new content
	 * @return the filing after the change, or empty when it is no longer editable
	 */
	public Mono<FilingDocument> edit(String id, Update change) {
		Query editable = Query.query(Criteria.where("_id").is(id)).addCriteria(FilingState.editableGuard());
		return this.mongo.findAndModify(editable, change.inc("revision", 1), RETURN_NEW, FilingDocument.class);
	}

	/**
	 * Move a filing along a transition, if it is in a state the transition starts from.
	 * An approval marks the filing for the sweep first (its follow-up steps come after
	 * the move).
	 * @param id the filing
	 * @param transition the transition
	 * @param entry the history entry
	 * @param change what else changes with it
	 * @return the filing after the move, or empty when its state did not allow it
	 */
	public Mono<FilingDocument> transition(String id, FilingState.Transition transition,
			FilingDocument.HistoryEntry entry, Update change) {
		Query allowed = Query.query(Criteria.where("_id").is(id)).addCriteria(transition.guard());
		change.set(FilingState.FIELD, transition.to().name()).push("history", entry).inc("revision", 1);
		Mono<Void> mark = (transition.to() == FilingState.APPROVED) ? this.unfinished.mark(id) : Mono.empty();
		return mark.then(this.mongo.findAndModify(allowed, change, RETURN_NEW, FilingDocument.class));
	}

	/**
	 * Give an approved filing its number (gap-free per county and year), or the one it
	 * has.
	 * @param filing the filing
	 * @param year the year of approval
	 * @return the number
	 */
	public Mono<String> assignNumber(FilingDocument filing, int year) {
		String county = filing.regionCode();
		return this.numbers
			.assign(FilingDocument.COLLECTION, filing.id(), county + "-" + year,
					(sequence) -> String.format("%s-%d-%04d", county, year, sequence))
			.map((sequence) -> String.format("%s-%d-%04d", county, year, sequence));
	}

	/**
	 * End an appointment once: only an approved filing not yet ended.
	 * @param id the filing whose appointment ends
	 * @param endMonth the month it ends
	 * @param reason why
	 * @param endedBy the filing that ends it
	 * @return the filing after, or empty when it had ended already
	 */
	public Mono<FilingDocument> endAppointment(String id, String endMonth, String reason, String endedBy) {
		Query open = Query.query(Criteria.where("_id").is(id))
			.addCriteria(FilingState.APPROVED.stillIn())
			.addCriteria(Criteria.where("endedBy").isNull());
		return this.mongo.findAndModify(open,
				new Update().set("endMonth", endMonth)
					.set("endReason", reason)
					.set("endedBy", endedBy)
					.inc("revision", 1),
				RETURN_NEW, FilingDocument.class);
	}

	public Mono<FilingDocument> supersede(String id, String by) {
		return this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id).and("supersededBy").isNull()),
				new Update().set("supersededBy", by).inc("revision", 1), RETURN_NEW, FilingDocument.class);
	}

	/**
	 * Record that an approval's follow-up steps are done, once, and then clear its
	 * marker.
	 * @param id the filing
	 * @param at when
	 * @return the filing after, or empty when it was completed before
	 */
	public Mono<FilingDocument> markCompleted(String id, Instant at) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id).and("completedAt").isNull()),
					new Update().set("completedAt", at), RETURN_NEW, FilingDocument.class)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.flatMap((completed) -> this.unfinished.clear(id).then(Mono.justOrEmpty(completed)));
	}

	/**
	 * Approved filings whose follow-up steps a crash interrupted: the marked ones, read
	 * by their ids. The first call on a store written before markers existed marks its
	 * unfinished approvals from one query over the filings (once per store).
	 * @return them
	 */
	public Flux<FilingDocument> unfinishedApprovals() {
		return this.unfinished.markOnce(this::scanUnfinished)
			.thenMany(this.unfinished.unfinished(this::findAll, FilingDocument::id, FilingStore::standing));
	}

	/**
	 * The one pass over a store written before markers existed: the query the sweep made
	 * every run before, ids alone. (Not in {@code _id} pages: imported filings have
	 * string ids among the object ids, and a page bounded by one type ends there.)
	 */
	private Flux<String> scanUnfinished() {
		Query query = Query.query(FilingState.APPROVED.stillIn()).addCriteria(Criteria.where("completedAt").isNull());
		query.fields().include("_id");
		return this.mongo.find(query, org.bson.Document.class, FilingDocument.COLLECTION)
			.map((filing) -> String.valueOf(filing.get("_id")));
	}

	/**
	 * Where a filing stands for the sweep: approved without {@code completedAt} is
	 * unfinished; completed is finished (nothing clears {@code completedAt}); any other
	 * state may be an approval under way (marked, not yet moved).
	 */
	private static SweepMarkers.Standing standing(FilingDocument filing) {
		if (filing.completedAt() != null) {
			return SweepMarkers.Standing.FINISHED;
		}
		return FilingState.APPROVED.name().equals(filing.state()) ? SweepMarkers.Standing.UNFINISHED
				: SweepMarkers.Standing.IDLE;
	}

	/**
	 * How many filings match (no cap).
	 * @param criteria the filter
	 * @return the count
	 */
	public Mono<Long> count(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), FilingDocument.class);
	}

	/**
	 * The decision times of the matching filings, read alone.
	 * @param criteria the filter
	 * @return one per decided filing
	 */
	public Flux<Instant> decidedAt(Criteria criteria) {
		Query query = Query.query(criteria);
		query.fields().include("decidedAt");
		return this.mongo.find(query, org.bson.Document.class, FilingDocument.COLLECTION)
			.mapNotNull((filing) -> (filing.get("decidedAt") instanceof java.util.Date date) ? date.toInstant() : null);
	}

	/**
	 * Filings matching a filter, newest first.
	 * @param scope the scope criteria (an enterprise's code or a region prefix)
	 * @param state a state, or {@code null}
	 * @param text a text in the enterprise's name, the CQO's name or the number
	 * @param limit the most to return
	 * @return the filings
	 */
	public Flux<FilingDocument> list(Criteria scope, String state, String text, int limit) {
		Criteria criteria = scope;
		if (state != null) {
			criteria = criteria.and("state").is(state);
		}
		if (text != null && !text.isBlank()) {
			Pattern pattern = Pattern.compile(Pattern.quote(text.strip()));
			criteria = new Criteria().andOperator(criteria,
					new Criteria().orOperator(Criteria.where("enterprise.name").regex(pattern),
							Criteria.where("cqo.fullName").regex(pattern), Criteria.where("number").regex(pattern),
							Criteria.where("creditCode").regex(pattern)));
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(limit),
				FilingDocument.class);
	}

	/**
	 * The filing with a number (looked up through the number index, by key).
	 * @param number the filing number
	 * @return the filing, or empty
	 */
	public Mono<FilingDocument> byNumber(String number) {
		return this.numbers.ownerOf(number).flatMap(this::find);
	}

	public Flux<FilingDocument> ofEnterprise(String creditCode) {
		return this.mongo.find(
				Query.query(Criteria.where("creditCode").is(creditCode)).with(Sort.by(Sort.Direction.ASC, "createdAt")),
				FilingDocument.class);
	}

	public Flux<FilingDocument> ofIdNumber(String idHash) {
		return this.mongo.find(Query.query(Criteria.where("cqo.idNumberHash").is(idHash)), FilingDocument.class);
	}

	/**
	 * Record the upward report a filing was part of, once.
	 * @param ids the filings
	 * @param reportId the report
	 * @return how many were marked
	 */
	public Mono<Long> markReported(Collection<String> ids, String reportId) {
		return this.mongo
			.updateMulti(Query.query(Criteria.where("_id").in(ids).and("reportedIn").isNull()),
					new Update().set("reportedIn", reportId), FilingDocument.class)
			.map((result) -> result.getModifiedCount());
	}

	// Attachments

	public Mono<AttachmentDocument> saveAttachment(AttachmentDocument attachment) {
		return this.mongo.save(attachment);
	}

	public Mono<AttachmentDocument> attachment(String filingId, String kind) {
		return this.mongo.findById(AttachmentDocument.idOf(filingId, kind), AttachmentDocument.class);
	}

	/**
	 * The kinds of attachment a filing has (looked up by key, not by a scan).
	 * @param filingId the filing
	 * @param kinds the kinds to look for
	 * @return the kinds present
	 */
	public Flux<String> attachmentKinds(String filingId, List<String> kinds) {
		Query query = Query.query(Criteria.where("_id")
			.in(kinds.stream().map((kind) -> AttachmentDocument.idOf(filingId, kind)).toList()));
		query.fields().include("kind");
		return this.mongo.find(query, org.bson.Document.class, "filing_attachments")
			.map((attachment) -> attachment.getString("kind"));
	}

	// Who is whose CQO now

	/** A person (by ID-number blind index) who is an enterprise's current CQO. */
	record Holder(String id, String creditCode, String filingId) {
	}

	/**
	 * The enterprise whose current CQO a person is.
	 * @param idHash the person's blind index
	 * @return the credit code, or empty
	 */
	public Mono<String> holderOf(String idHash) {
		return this.mongo.findById(idHash, org.bson.Document.class, HOLDERS)
			.map((holder) -> holder.getString("creditCode"));
	}

	/**
	 * Record that a person is an enterprise's current CQO; refused (empty) while they are
	 * another enterprise's.
	 * @param idHash the person
	 * @param creditCode the enterprise
	 * @param filingId the filing
	 * @return the credit code recorded, or empty when another enterprise holds the person
	 */
	public Mono<String> claimHolder(String idHash, String creditCode, String filingId) {
		org.bson.Document holder = new org.bson.Document("_id", idHash).append("creditCode", creditCode)
			.append("filingId", filingId);
		return this.mongo.insert(holder, HOLDERS)
			.thenReturn(creditCode)
			.onErrorResume(DuplicateKeyException.class,
					(ex) -> this.mongo
						.updateFirst(Query.query(Criteria.where("_id").is(idHash).and("creditCode").is(creditCode)),
								new Update().set("filingId", filingId), HOLDERS)
						.flatMap((result) -> (result.getMatchedCount() > 0) ? Mono.just(creditCode) : Mono.empty()));
	}

	/**
	 * The filing that made a person an enterprise's current CQO.
	 * @param idHash the person
	 * @return the filing's id, or empty
	 */
	public Mono<String> heldBy(String idHash) {
		return this.mongo.findById(idHash, org.bson.Document.class, HOLDERS)
			.mapNotNull((holder) -> holder.getString("filingId"));
	}

	/**
	 * A person's most recently approved appointment or correction (current or ended).
	 * @param idHash the person
	 * @return the filing, or empty
	 */
	public Mono<FilingDocument> lastApproved(String idHash) {
		return this.mongo.findOne(Query
			.query(Criteria.where("cqo.idNumberHash")
				.is(idHash)
				.and("state")
				.is("APPROVED")
				.and("kind")
				.in("APPOINTMENT", "CORRECTION"))
			.with(org.springframework.data.domain.Sort.by(org.springframework.data.domain.Sort.Direction.DESC,
					"decidedAt"))
			.limit(1), FilingDocument.class);
	}

	/**
	 * Link a filing to the CQO's account (an account made by invitation, or registered
	 * after the filing was drafted).
	 * @param id the filing
	 * @param accountId the account
	 * @return done
	 */
	public Mono<Void> linkCandidate(String id, String accountId) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("candidateAccountId", accountId),
					FilingDocument.class)
			.then();
	}

	public Mono<Void> releaseHolder(String idHash, String creditCode) {
		return this.mongo
			.remove(Query.query(Criteria.where("_id").is(idHash).and("creditCode").is(creditCode)), HOLDERS)
			.then();
	}

}
