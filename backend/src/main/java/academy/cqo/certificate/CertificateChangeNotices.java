package academy.cqo.certificate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tells every {@link CertificateChanges} listener that a holder's certificates changed,
 * after the change is stored. A listener's failure is logged, not passed on: the change
 * itself stands (the reporting module's reconciliation heals what a listener missed).
 */
@Component
class CertificateChangeNotices {

	private static final Logger logger = LoggerFactory.getLogger(CertificateChanges.class);

	private final ObjectProvider<CertificateChanges> listeners;

	CertificateChangeNotices(ObjectProvider<CertificateChanges> listeners) {
		this.listeners = listeners;
	}

	Mono<Void> tell(String accountId) {
		return Flux.fromStream(this.listeners::orderedStream)
			.concatMap((listener) -> listener.certificatesChanged(accountId).onErrorResume((ex) -> {
				logger.warn("A listener missed the certificate change of {}", accountId, ex);
				return Mono.empty();
			}))
			.then();
	}

}
