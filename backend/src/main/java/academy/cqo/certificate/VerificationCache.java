package academy.cqo.certificate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.certificate.domain.VerificationToken;
import academy.cqo.certificate.persistence.CertificateDocument;
import academy.cqo.certificate.persistence.CertificateStore;

/**
 * What public verification may remember between requests, so that a verification is a
 * signature check done once per token and one read of the certificate by its id:
 * <ul>
 * <li>tokens whose signature verified (a token's bytes and signature never change, and
 * keys are never withdrawn);</li>
 * <li>the certificate id of each number (a number is given once, never moved);</li>
 * <li>facts about a holder that live in other records (CE standing, filed appointment,
 * honours), for {@link #HOLDER_FACTS_FOR}: forgotten at once when this instance records a
 * CE year, changes the holder's certificates ({@link CertificateChanges}), approves or
 * ends an appointment or awards an honour ({@link HolderFactChanges}); a change made on
 * another instance shows within that time.</li>
 * </ul>
 * The certificate itself (its state: valid, suspended, revoked, superseded) is always
 * read live, so a revocation or suspension shows on the next verification anywhere.
 */
@Component
class VerificationCache implements CertificateChanges {

	/** How long facts about a holder from other records are reused. */
	static final Duration HOLDER_FACTS_FOR = Duration.ofSeconds(10);

	private static final int MAX_ENTRIES = 20_000;

	private static final List<String> FACTS = List.of("ce", "appointment", "honours");

	private final CertificateStore store;

	private final Clock clock;

	private final Map<String, VerificationToken> tokens = new ConcurrentHashMap<>();

	private final Map<String, String> certificateIds = new ConcurrentHashMap<>();

	private final Map<String, Fact> facts = new ConcurrentHashMap<>();

	/**
	 * A fact about a holder, or its read in progress: verifications that miss at the same
	 * moment (every ten seconds under load) share one read instead of each reading.
	 */
	private record Fact(Mono<Optional<?>> value, long readAt) {
	}

	VerificationCache(CertificateStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * A token decoded and its signature checked, once per token text.
	 * @param text the token text
	 * @param decode decodes and checks the signature, {@code null} when invalid
	 * @return the token, or {@code null} when invalid (never remembered)
	 */
	VerificationToken token(String text, Function<String, VerificationToken> decode) {
		VerificationToken known = this.tokens.get(text);
		if (known != null) {
			return known;
		}
		VerificationToken decoded = decode.apply(text);
		if (decoded != null) {
			bound(this.tokens);
			this.tokens.put(text, decoded);
		}
		return decoded;
	}

	/**
	 * The certificate with a number, read live by its id.
	 * @param number the number
	 * @return the certificate, or empty
	 */
	Mono<CertificateDocument> certificate(String number) {
		String id = this.certificateIds.get(number);
		if (id != null) {
			return this.store.find(id);
		}
		return this.store.findByNumber(number).doOnNext((certificate) -> {
			bound(this.certificateIds);
			this.certificateIds.put(number, certificate.id());
		});
	}

	/**
	 * A fact about a holder from another record, reused for {@link #HOLDER_FACTS_FOR}.
	 * @param <T> its type
	 * @param kind {@code ce}, {@code appointment} or {@code honours}
	 * @param accountId the holder
	 * @param load reads it
	 * @return the fact, or empty
	 */
	@SuppressWarnings("unchecked")
	<T> Mono<T> holderFact(String kind, String accountId, Supplier<Mono<T>> load) {
		String key = kind + ":" + accountId;
		long now = this.clock.millis();
		Fact known = this.facts.get(key);
		if (known == null || now - known.readAt() >= HOLDER_FACTS_FOR.toMillis()) {
			bound(this.facts);
			known = this.facts.compute(key,
					(k, old) -> (old != null && now - old.readAt() < HOLDER_FACTS_FOR.toMillis()) ? old
							: new Fact(read(load), now));
		}
		Fact fact = known;
		return fact.value()
			.doOnError((ex) -> this.facts.remove(key, fact))
			.flatMap((value) -> Mono.justOrEmpty((Optional<T>) value));
	}

	/** One read shared by every verification that asks while it runs. */
	private static <T> Mono<Optional<?>> read(Supplier<Mono<T>> load) {
		return Mono.defer(load).<Optional<?>>map(Optional::of).defaultIfEmpty(Optional.empty()).cache();
	}

	/**
	 * Forget what is known about a holder from other records.
	 * @param accountId the holder
	 */
	void forget(String accountId) {
		FACTS.forEach((kind) -> this.facts.remove(kind + ":" + accountId));
	}

	/**
	 * Forget one fact about a holder.
	 * @param kind {@code ce}, {@code appointment} or {@code honours}
	 * @param accountId the holder
	 */
	void forget(String kind, String accountId) {
		this.facts.remove(kind + ":" + accountId);
	}

	/**
	 * Forget a kind of fact about every holder.
	 * @param kind {@code ce}, {@code appointment} or {@code honours}
	 */
	void forgetAll(String kind) {
		this.facts.keySet().removeIf((key) -> key.startsWith(kind + ":"));
	}

	@Override
	public Mono<Void> certificatesChanged(String accountId) {
		forget(accountId);
		return Mono.empty();
	}

	private static void bound(Map<String, ?> map) {
		if (map.size() >= MAX_ENTRIES) {
			map.clear();
		}
	}

}
