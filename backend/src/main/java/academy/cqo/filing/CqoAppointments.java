package academy.cqo.filing;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.certificate.HolderAppointments;
import academy.cqo.filing.persistence.FilingDocument;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.identity.RealNames;

/**
 * The certificate module's view of a holder's appointment: the filing that makes the
 * person an enterprise's current CQO (found by the ID number's blind index), otherwise
 * the last approved appointment, which then shows its end.
 */
@Component
class CqoAppointments implements HolderAppointments {

	private final RealNames realNames;

	private final FilingStore store;

	CqoAppointments(RealNames realNames, FilingStore store) {
		this.realNames = realNames;
		this.store = store;
	}

	@Override
	public Mono<Appointment> latest(String accountId) {
		return this.realNames.idNumberIndexOf(accountId)
			.flatMap((hash) -> this.store.heldBy(hash)
				.flatMap(this.store::find)
				.filter((filing) -> filing.endMonth() == null)
				.switchIfEmpty(Mono.defer(() -> this.store.lastApproved(hash))))
			.filter((filing) -> filing.number() != null)
			.map(CqoAppointments::appointment);
	}

	private static Appointment appointment(FilingDocument filing) {
		return new Appointment(filing.enterprise().name(), filing.creditCode(), filing.number(),
				filing.appointment().startMonth(), filing.endMonth());
	}

}
