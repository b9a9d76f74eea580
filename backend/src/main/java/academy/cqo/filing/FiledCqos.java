package academy.cqo.filing;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import academy.cqo.exam.FilingRequirement;
import academy.cqo.filing.persistence.FilingStore;
import academy.cqo.identity.RealNames;

/**
 * The exam module's filing requirement (先聘任后培训): a candidate is a filed CQO while the ID
 * number of the account is some enterprise's current CQO (an approved appointment that
 * has not ended), looked up by the number's blind index.
 */
@Component
class FiledCqos implements FilingRequirement {

	private final RealNames realNames;

	private final FilingStore store;

	FiledCqos(RealNames realNames, FilingStore store) {
		this.realNames = realNames;
		this.store = store;
	}

	@Override
	public Mono<Boolean> approved(String accountId) {
		return this.realNames.idNumberIndexOf(accountId).flatMap(this.store::holderOf).hasElement();
	}

}
