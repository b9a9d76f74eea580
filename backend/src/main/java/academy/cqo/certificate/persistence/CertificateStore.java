package academy.cqo.certificate.persistence;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.bson.types.Binary;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import academy.cqo.certificate.domain.CertificateStage;
import academy.cqo.certificate.domain.CertificateState;
import academy.cqo.certificate.domain.CertificateNumber;
import academy.cqo.platform.GapFreeNumbers;
import academy.cqo.platform.SweepMarkers;

/**
 * Stored certificates, their numbers and their PDF files. Every change is one atomic
 * single-document update; numbering is gap-free without transactions (see
 * {@link #assignNumber}). A certificate whose issue may be unfinished has a marker in
 * {@value #ISSUE_MARKERS} (written before the insert or move that makes it pending,
 * cleared once it is issued and announced), which is all the issue sweep reads
 * ({@link #unfinished()}).
 */
@Component
public class CertificateStore {

	/** The markers of certificates whose issue or announcement may be unfinished. */
	public static final String ISSUE_MARKERS = "certificate_issue_markers";

	private static final FindAndModifyOptions RETURN_NEW = FindAndModifyOptions.options().returnNew(true);

	private final ReactiveMongoTemplate mongo;

	private final GapFreeNumbers numbers;

	private final SweepMarkers unfinished;

	CertificateStore(ReactiveMongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.numbers = new GapFreeNumbers(mongo, "certificate_counters", "certificate_numbers", "certificateId");
		this.unfinished = new SweepMarkers(mongo, ISSUE_MARKERS, clock);
	}

	/**
	 * The per-year counter: the last sequence handed out, and the certificate that took
	 * it while that certificate's number is being written.
	 */
	@Document("certificate_counters")
	record Counter(@Id String id, Integer sequence, String pending) {
	}

	/** The PDF as issued: the exact bytes a holder downloads again later. */
	@Document("certificate_files")
	record CertificateFile(@Id String certificateId, Binary pdf, Instant storedAt) {
	}

	/**
	 * Store a new pending certificate, unless its id exists; marked for the issue sweep
	 * first.
	 * @param document the certificate
	 * @return the stored certificate (the earlier one when the id existed)
	 */
	public Mono<CertificateDocument> insertOnce(CertificateDocument document) {
		return markIfUnfinished(document).then(this.mongo.insert(document))
			.onErrorResume(DuplicateKeyException.class,
					(ex) -> this.mongo.findById(document.id(), CertificateDocument.class));
	}

	private Mono<Void> markIfUnfinished(CertificateDocument document) {
		return (standing(document) == SweepMarkers.Standing.UNFINISHED) ? this.unfinished.mark(document.id())
				: Mono.empty();
	}

	public Mono<CertificateDocument> find(String id) {
		return this.mongo.findById(id, CertificateDocument.class);
	}

	private Flux<CertificateDocument> findAll(List<String> ids) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), CertificateDocument.class);
	}

	/**
	 * The certificate with a number.
	 * @param number the number
	 * @return the certificate, or empty
	 */
	public Mono<CertificateDocument> findByNumber(String number) {
		return this.numbers.ownerOf(number).flatMap((owner) -> this.mongo.findById(owner, CertificateDocument.class));
	}

	/**
	 * Fix what the certificate will print, once: the first call wins and later calls
	 * return what it fixed.
	 * @param id the certificate
	 * @param update the fields to set
	 * @return the certificate after the call
	 */
	public Mono<CertificateDocument> fixContent(String id, Update update) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id).and("issuedOn").isNull()), update, RETURN_NEW,
					CertificateDocument.class)
			.switchIfEmpty(find(id));
	}

	/**
	 * Give a certificate the next number of its year, or the one it already has. Gap-free
	 * and unique under concurrency and crashes, with single-document updates only: the
	 * counter hands out a sequence only while no other certificate holds it as
	 * {@code pending}, and whoever finds a pending sequence finishes writing it (into the
	 * number index and the certificate) before taking the next. A certificate's number is
	 * therefore written exactly once whichever process crashes where.
	 * @param certificateId the certificate, already stored
	 * @param prefix the province prefix
	 * @param year the year of its issue date
	 * @return its number
	 */
	public Mono<CertificateNumber> assignNumber(String certificateId, String prefix, int year) {
		return assignNumber(CertificateDocument.COLLECTION, certificateId, prefix, year);
	}

	/**
	 * The same numbering for another kind of signed document (e.g. CE transcripts), kept
	 * in its own collection with a {@code number} and a {@code sequence} field.
	 * @param collection the document's collection
	 * @param documentId the document, already stored
	 * @param prefix the number's prefix
	 * @param year the year
	 * @return its number
	 */
	public Mono<CertificateNumber> assignNumber(String collection, String documentId, String prefix, int year) {
		return this.numbers
			.assign(collection, documentId, prefix + "-" + year,
					(sequence) -> new CertificateNumber(prefix, year, sequence).toString())
			.map((sequence) -> new CertificateNumber(prefix, year, sequence));
	}

	/**
	 * The id of the document a number belongs to.
	 * @param number the number
	 * @return the document's id, or empty
	 */
	public Mono<String> ownerOf(String number) {
		return this.numbers.ownerOf(number);
	}

	/**
	 * Record the token, once.
	 * @param id the certificate
	 * @param token the token
	 * @return the certificate after the call
	 */
	public Mono<CertificateDocument> setToken(String id, String token) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(id).and("token").isNull()),
					new Update().set("token", token), RETURN_NEW, CertificateDocument.class)
			.switchIfEmpty(find(id));
	}

	/**
	 * Store the PDF unless one is stored; the first stored is the one kept.
	 * @param id the certificate
	 * @param pdf the bytes
	 * @param at when
	 * @return completes when a PDF is stored
	 */
	public Mono<Void> storePdfOnce(String id, byte[] pdf, Instant at) {
		return this.mongo.insert(new CertificateFile(id, new Binary(pdf), at))
			.then()
			.onErrorResume(DuplicateKeyException.class, (ex) -> Mono.empty());
	}

	public Mono<byte[]> pdf(String id) {
		return this.mongo.findById(id, CertificateFile.class).map((file) -> file.pdf().getData());
	}

	/**
	 * Mark issued (and active), once.
	 * @param id the certificate
	 * @param at when
	 * @return the certificate after the call
	 */
	public Mono<CertificateDocument> markIssued(String id, Instant at) {
		return this.mongo.findAndModify(Query.query(CertificateStage.ISSUED.moveGuard(Criteria.where("_id").is(id))),
				new Update().set(CertificateStage.FIELD, CertificateStage.ISSUED.name())
					.set(CertificateState.FIELD, CertificateState.ACTIVE.name())
					.set("issuedAt", at)
					.set("failureKey", null)
					.set("failureDetail", null),
				RETURN_NEW, CertificateDocument.class)
			.switchIfEmpty(find(id));
	}

	public Mono<CertificateDocument> markFailed(String id, String failureKey, String detail) {
		return this.mongo.findAndModify(Query.query(CertificateStage.FAILED.moveGuard(Criteria.where("_id").is(id))),
				new Update().set(CertificateStage.FIELD, CertificateStage.FAILED.name())
					.set("failureKey", failureKey)
					.set("failureDetail", detail),
				RETURN_NEW, CertificateDocument.class);
	}

	/**
	 * Put a failed certificate back to be issued (after the cause was fixed).
	 * @param id the certificate
	 * @param refresh the printed fields read again, or an empty update
	 * @return the certificate, or empty when it had not failed
	 */
	public Mono<CertificateDocument> retry(String id, Update refresh) {
		return this.unfinished.mark(id)
			.then(this.mongo.findAndModify(
					Query.query(CertificateStage.PENDING.moveGuard(Criteria.where("_id").is(id))),
					refresh.set(CertificateStage.FIELD, CertificateStage.PENDING.name()), RETURN_NEW,
					CertificateDocument.class));
	}

	/**
	 * Record that an issued certificate was announced, the last step of its issue, and
	 * then clear its marker (only an issued certificate: a pending one keeps its marker).
	 * @param id the certificate
	 * @return completes when done
	 */
	public Mono<Void> markAnnounced(String id) {
		return this.mongo
			.updateFirst(Query.query(CertificateStage.ISSUED.stillIn(Criteria.where("_id").is(id))),
					new Update().set("announced", true), CertificateDocument.class)
			.flatMap((result) -> (result.getMatchedCount() > 0) ? this.unfinished.clear(id) : Mono.empty());
	}

	/**
	 * Move an issued certificate to another state, if its state allows the move
	 * ({@link CertificateState#canMoveTo}).
	 * @param id the certificate
	 * @param change the change, naming the state it moves to
	 * @return the certificate after the change, or empty when it was not issued or its
	 * state does not allow the move
	 */
	public Mono<CertificateDocument> changeState(String id, CertificateDocument.StateChange change) {
		CertificateState target = CertificateState.from(change.state());
		return this.mongo.findAndModify(
				Query.query(target.moveGuard(CertificateStage.ISSUED.stillIn(Criteria.where("_id").is(id)))),
				new Update().set(CertificateState.FIELD, target.name()).push("history", change), RETURN_NEW,
				CertificateDocument.class);
	}

	/**
	 * Claim the right to replace a certificate: only one replacement per certificate.
	 * @param id the certificate
	 * @param replacementId the replacement's id
	 * @return the certificate, or empty when it is already replaced, revoked or not
	 * issued
	 */
	public Mono<CertificateDocument> claimReplacement(String id, String replacementId) {
		return this.mongo
			.findAndModify(
					Query.query(Criteria.where("_id")
						.is(id)
						.and(CertificateStage.FIELD)
						.is(CertificateStage.ISSUED.name())
						.and(CertificateState.FIELD)
						.in(CertificateState.SUPERSEDED.predecessors().stream().map(Enum::name).toList())
						.and("supersededBy")
						.isNull()),
					new Update().set("supersededBy", replacementId), RETURN_NEW, CertificateDocument.class);
	}

	public Mono<Void> countVerifications(String id, int count) {
		return this.mongo
			.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().inc("verifications", count),
					CertificateDocument.class)
			.then();
	}

	/**
	 * Certificates whose issue or announcement is unfinished (pending, or issued and not
	 * announced): the marked ones, read by their ids. The first call on a store written
	 * before markers existed marks its unfinished certificates from one query over them
	 * (once per store).
	 * @return them
	 */
	public Flux<CertificateDocument> unfinished() {
		return this.unfinished.markOnce(this::scanUnfinished)
			.thenMany(this.unfinished.unfinished(this::findAll, CertificateDocument::id, CertificateStore::standing));
	}

	/**
	 * The one pass over a store written before markers existed: the query the sweep made
	 * every run before, ids alone.
	 */
	private Flux<String> scanUnfinished() {
		Query query = Query.query(new Criteria().orOperator(CertificateStage.PENDING.stillIn(),
				CertificateStage.ISSUED.stillIn().and("announced").ne(true)));
		query.fields().include("_id");
		return this.mongo.find(query, org.bson.Document.class, CertificateDocument.COLLECTION)
			.map((certificate) -> certificate.getString("_id"));
	}

	/**
	 * Where a certificate stands for the issue sweep: pending, or issued and not
	 * announced, is unfinished; issued and announced is finished (nothing moves it back);
	 * failed waits for an administrator's retry, which marks it again.
	 */
	private static SweepMarkers.Standing standing(CertificateDocument certificate) {
		return switch (CertificateStage.from(certificate.stage())) {
			case PENDING -> SweepMarkers.Standing.UNFINISHED;
			case ISSUED -> Boolean.TRUE.equals(certificate.announced()) ? SweepMarkers.Standing.FINISHED
					: SweepMarkers.Standing.UNFINISHED;
			case FAILED -> SweepMarkers.Standing.IDLE;
		};
	}

	public Flux<CertificateDocument> ofHolder(String accountId) {
		return this.mongo.find(
				Query.query(Criteria.where("accountId").is(accountId)).with(Sort.by(Sort.Direction.DESC, "createdAt")),
				CertificateDocument.class);
	}

	public Flux<CertificateDocument> inSession(String sessionId) {
		return this.mongo.find(
				Query.query(Criteria.where("sessionId").is(sessionId)).with(Sort.by(Sort.Direction.ASC, "number")),
				CertificateDocument.class);
	}

	/**
	 * A page of certificates in a jurisdiction, newest first.
	 * @param criteria the filter (already including the region)
	 * @param page from 0
	 * @param size how many
	 * @return the page's certificates
	 */
	public Flux<CertificateDocument> page(Criteria criteria, int page, int size) {
		return this.mongo.find(Query.query(criteria)
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.skip((long) page * size)
			.limit(size), CertificateDocument.class);
	}

	public Mono<Long> count(Criteria criteria) {
		return this.mongo.count(Query.query(criteria), CertificateDocument.class);
	}

	public static Criteria inRegion(String regionPrefix) {
		return Criteria.where("regionCode").regex("^" + Pattern.quote(regionPrefix));
	}

}
