package academy.cqo.filing;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.certificate.HolderFactChanges;

/**
 * Tells public verification that an enterprise's current CQO changed, so that a
 * certificate verified next shows the appointment as it now stands (filed, or ended in a
 * month) instead of one it remembered. Idempotent: it only makes verification read again.
 */
@Component
class VerificationAppointments implements CqoChanges {

	private final HolderFactChanges holderFacts;

	VerificationAppointments(HolderFactChanges holderFacts) {
		this.holderFacts = holderFacts;
	}

	@Override
	public Mono<Void> changed(String creditCode) {
		return Mono.fromRunnable(this.holderFacts::appointmentsChanged);
	}

}
