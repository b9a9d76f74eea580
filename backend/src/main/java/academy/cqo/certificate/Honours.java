package academy.cqo.certificate;

import java.util.Comparator;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The honours of certificate holders, collected from every {@link HolderHonours}
 * implementation: shown on verification of a valid certificate and in the talent pool.
 */
@Service
public class Honours {

	private final ObjectProvider<HolderHonours> sources;

	private final VerificationCache cache;

	Honours(ObjectProvider<HolderHonours> sources, VerificationCache cache) {
		this.sources = sources;
		this.cache = cache;
	}

	/**
	 * A holder's honours, newest first.
	 * @param accountId the holder
	 * @return the honours
	 */
	public Mono<List<HolderHonours.Honour>> ofHolder(String accountId) {
		if (accountId == null) {
			return Mono.just(List.of());
		}
		return Flux.fromStream(this.sources.orderedStream())
			.concatMap((source) -> source.of(accountId))
			.distinct()
			.sort(Comparator.comparingInt(HolderHonours.Honour::year).reversed())
			.collectList();
	}

	/**
	 * The honours shown with a verdict: those of a valid certificate's holder, none for
	 * any other verdict.
	 * @param verdict the verdict
	 * @return the honours
	 */
	public Mono<List<HolderHonours.Honour>> ofValid(Verdict verdict) {
		if (!verdict.genuine() || !"VALID".equals(verdict.status()) || "CE_TRANSCRIPT".equals(verdict.kind())) {
			return Mono.just(List.of());
		}
		return ofCertificate(verdict.certificateNumber());
	}

	/**
	 * The honours of a certificate's holder, by the certificate's number.
	 * @param number the number
	 * @return the honours (none for an unknown number)
	 */
	public Mono<List<HolderHonours.Honour>> ofCertificate(String number) {
		if (number == null) {
			return Mono.just(List.of());
		}
		return this.cache.certificate(number)
			.flatMap((certificate) -> this.cache.holderFact("honours", certificate.accountId(),
					() -> ofHolder(certificate.accountId())))
			.defaultIfEmpty(List.of());
	}

}
