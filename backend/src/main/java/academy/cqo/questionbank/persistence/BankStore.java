package academy.cqo.questionbank.persistence;

import java.util.Collection;
import java.util.List;

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

import academy.cqo.shared.Conflict;
import academy.cqo.shared.FieldViolation;

/**
 * Stored question banks. Names are unique (a unique index); question numbers are handed
 * out in blocks by one atomic increment, so concurrent imports never share a number.
 */
@Component
public class BankStore {

	private final ReactiveMongoTemplate mongo;

	BankStore(ReactiveMongoTemplate mongo) {
		this.mongo = mongo;
	}

	public Mono<BankDocument> insert(BankDocument bank) {
		return this.mongo.insert(bank)
			.onErrorMap(DuplicateKeyException.class,
					(ex) -> new Conflict(FieldViolation.of("name", "bank.name.taken", bank.name())));
	}

	public Mono<BankDocument> findById(String id) {
		return this.mongo.findById(id, BankDocument.class);
	}

	public Mono<BankDocument> findOfficial() {
		return this.mongo.findOne(Query.query(Criteria.where("official").is(true)), BankDocument.class);
	}

	/**
	 * The question codes of the official bank's files with this fingerprint, when they
	 * were loaded completely.
	 * @param bankId the official bank
	 * @param fingerprint the files' fingerprint
	 * @return the codes, or empty when these files were never loaded completely
	 */
	public Mono<java.util.Set<String>> loadedSource(String bankId, String fingerprint) {
		return this.mongo
			.findOne(Query.query(Criteria.where("_id").is(bankId + ":" + fingerprint)), org.bson.Document.class,
					SOURCES)
			.map((loaded) -> java.util.Set.copyOf(loaded.getList("codes", String.class, List.of())));
	}

	/**
	 * Record a complete load of the official bank's files and the codes they hold (by
	 * {@code _id}, so recording twice is harmless).
	 * @param bankId the official bank
	 * @param fingerprint the files' fingerprint
	 * @param codes the question codes the files hold
	 * @param at when
	 * @return done
	 */
	public Mono<Void> markSourceLoaded(String bankId, String fingerprint, Collection<String> codes,
			java.time.Instant at) {
		return this.mongo
			.upsert(Query.query(Criteria.where("_id").is(bankId + ":" + fingerprint)),
					new Update().set("loadedAt", at).set("codes", List.copyOf(codes)), SOURCES)
			.then();
	}

	/**
	 * Forget every recorded load, so the next start reads the files again.
	 * @return done
	 */
	public Mono<Void> forgetSourceLoads() {
		return this.mongo.remove(new Query(), SOURCES).then();
	}

	/** Loads of the official bank's files: {@code _id} bank id and fingerprint. */
	static final String SOURCES = "official_bank_sources";

	public Flux<BankDocument> findAll() {
		return this.mongo.find(new Query().with(Sort.by("createdAt")), BankDocument.class);
	}

	/**
	 * Reserve a block of question numbers.
	 * @param bankId the bank
	 * @param count how many numbers
	 * @return the first number of the block
	 */
	public Mono<Long> reserveNumbers(String bankId, int count) {
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(bankId)), new Update().inc("nextNumber", count),
					FindAndModifyOptions.options().returnNew(false), BankDocument.class)
			.map(BankDocument::nextNumber);
	}

	/**
	 * Add knowledge-point paths to a bank's taxonomy (each once).
	 * @param bankId the bank
	 * @param tags the paths
	 * @return done
	 */
	public Mono<Void> addToTaxonomy(String bankId, Collection<String> tags) {
		if (tags.isEmpty()) {
			return Mono.empty();
		}
		Update update = new Update().addToSet("taxonomy").each(tags.toArray());
		return this.mongo.updateFirst(Query.query(Criteria.where("_id").is(bankId)), update, BankDocument.class).then();
	}

	public Mono<BankDocument> update(String bankId, String name, String description, List<String> sharedWith) {
		Update update = new Update().set("name", name).set("description", description).set("sharedWith", sharedWith);
		return this.mongo
			.findAndModify(Query.query(Criteria.where("_id").is(bankId)), update,
					FindAndModifyOptions.options().returnNew(true), BankDocument.class)
			.onErrorMap(DuplicateKeyException.class,
					(ex) -> new Conflict(FieldViolation.of("name", "bank.name.taken", name)));
	}

}
